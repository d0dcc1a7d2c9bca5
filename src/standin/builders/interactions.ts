import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIBaseInteraction,
  type APIChannel,
  type APIDMChannel,
  type ChannelFlags,
  type MessageFlags,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type ModalSubmitActionRowComponent,
  type ModalSubmitLabelComponent,
} from 'discord.js';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from '../permissions.js';
import { sharedIds } from '../snowflake.js';
import { member as buildMember, permissionString, textChannel, user as buildUser, type Permissionish } from './entities.js';
import { markAuto, type AutoFields } from './auto.js';

export interface InteractionContextParams {
  /** Omitted: the interaction happens in a DM with the bot. */
  guildId?: string;
  channelId?: string;
  /** A full channel object; by default the stand-in uses its stored channel with `channelId`. */
  channel?: APIChannel;
  user?: APIUser;
  member?: APIGuildMember;
  locale?: Locale | `${Locale}`;
  guildLocale?: Locale | `${Locale}`;
  /** The member's permissions; by default computed from the stand-in's roles and overwrites. */
  permissions?: Permissionish;
  /** The bot's permissions in the channel; by default computed by the stand-in. */
  appPermissions?: Permissionish;
}

export interface ChatInputParams extends InteractionContextParams {
  name: string;
  options?: APIApplicationCommandInteractionDataOption[];
  /** Wraps `options` in a subcommand (type 1), as Discord nests them. */
  subcommand?: string;
  /** With `subcommand`: wraps it in a subcommand group (type 2). */
  subcommandGroup?: string;
  /** By default the id of the registered command with this name. */
  commandId?: string;
  resolved?: APIInteractionDataResolved;
}

export interface AutocompleteParams extends ChatInputParams {
  focused: { name: string; value: string; type?: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number };
}

export interface ButtonParams extends InteractionContextParams {
  customId: string;
  /** The message the button is on; by default a bot message with that button. */
  message?: APIMessage;
}

export interface ModalSubmitParams extends InteractionContextParams {
  customId: string;
  fields: Record<string, string>;
  /** Set when the modal was opened from a message component. */
  message?: APIMessage;
  /** 'label' (Discord's current modal layout, default) or legacy 'actionRow'. */
  layout?: 'label' | 'actionRow';
}

type Base = Omit<APIBaseInteraction<InteractionType, never>, 'type' | 'data'>;

function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(60).toString('base64url')}`;
}

function base(p: InteractionContextParams, auto: AutoFields): Base {
  const user = p.user ?? p.member?.user ?? buildUser();
  const locale = (p.locale ?? Locale.EnglishUS) as Locale;
  const common = {
    id: sharedIds.next(),
    application_id: '0',
    token: interactionToken(),
    version: 1 as const,
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    app_permissions: permissionString(p.appPermissions ?? DEFAULT_BOT_PERMISSIONS),
  };
  auto.applicationId = true;
  auto.appPermissions = p.appPermissions === undefined;
  if (!p.guildId) {
    const channelId = p.channelId ?? p.channel?.id ?? sharedIds.next();
    auto.channel = !p.channel;
    return {
      ...common,
      channel: p.channel ?? dmChannel(channelId, user),
      channel_id: channelId,
      user,
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { 0: '0' },
    };
  }
  const channel = p.channel ?? textChannel({ id: p.channelId ?? sharedIds.next(), guildId: p.guildId });
  auto.channel = !p.channel;
  auto.member = !p.member;
  auto.memberPermissions = p.permissions === undefined;
  const member: APIInteractionGuildMember = {
    ...(p.member ?? buildMember({ user })),
    user,
    permissions: permissionString(p.permissions ?? DEFAULT_EVERYONE_PERMISSIONS),
  };
  return {
    ...common,
    guild_id: p.guildId,
    guild: { id: p.guildId, locale: (p.guildLocale ?? Locale.EnglishUS) as Locale, features: [] },
    guild_locale: (p.guildLocale ?? Locale.EnglishUS) as Locale,
    channel,
    channel_id: channel.id,
    member,
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { 0: p.guildId },
  };
}

function dmChannel(id: string, recipient: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, name: null, last_message_id: null, flags: 0 as ChannelFlags, recipients: [recipient] };
}

function nestOptions(p: ChatInputParams, options: APIApplicationCommandInteractionDataOption[]): APIApplicationCommandInteractionDataOption[] {
  if (!p.subcommand) return options;
  const sub: APIApplicationCommandInteractionDataOption = {
    type: ApplicationCommandOptionType.Subcommand,
    name: p.subcommand,
    options: options as never,
  };
  if (!p.subcommandGroup) return [sub];
  return [{ type: ApplicationCommandOptionType.SubcommandGroup, name: p.subcommandGroup, options: [sub as never] }];
}

export function chatInput(p: ChatInputParams): APIChatInputApplicationCommandInteraction {
  const auto: AutoFields = { commandId: p.commandId === undefined };
  const interaction: APIChatInputApplicationCommandInteraction = {
    ...(base(p, auto) as Required<Pick<Base, 'channel' | 'channel_id'>> & Base),
    type: InteractionType.ApplicationCommand,
    data: {
      id: p.commandId ?? sharedIds.next(),
      name: p.name,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(p, p.options ?? []),
      ...(p.guildId ? { guild_id: p.guildId } : {}),
      ...(p.resolved ? { resolved: p.resolved } : {}),
    },
  };
  return markAuto(interaction, auto);
}

export function autocomplete(p: AutocompleteParams): APIApplicationCommandAutocompleteInteraction {
  const auto: AutoFields = { commandId: p.commandId === undefined };
  const focused = {
    type: p.focused.type ?? ApplicationCommandOptionType.String,
    name: p.focused.name,
    value: p.focused.value,
    focused: true,
  } as APIApplicationCommandInteractionDataOption;
  const interaction: APIApplicationCommandAutocompleteInteraction = {
    ...(base(p, auto) as Base),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: p.commandId ?? sharedIds.next(),
      name: p.name,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(p, [...(p.options ?? []), focused]),
      ...(p.guildId ? { guild_id: p.guildId } : {}),
    },
  } as APIApplicationCommandAutocompleteInteraction;
  return markAuto(interaction, auto);
}

/** A message from the bot carrying one button with `customId`. */
export function messageWithButton(channelId: string, customId: string, author: APIUser): APIMessage {
  return {
    id: sharedIds.next(),
    channel_id: channelId,
    author,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    components: [
      {
        type: ComponentType.ActionRow,
        id: 1,
        components: [{ type: ComponentType.Button, id: 2, style: ButtonStyle.Primary, label: 'Button', custom_id: customId }],
      },
    ],
  };
}

export function button(p: ButtonParams): APIMessageComponentButtonInteraction {
  const auto: AutoFields = { message: !p.message };
  const context = base(p, auto) as Required<Pick<Base, 'channel' | 'channel_id'>> & Base;
  const author = buildUser({ username: 'Tandem', bot: true, global_name: null });
  const interaction: APIMessageComponentButtonInteraction = {
    ...context,
    type: InteractionType.MessageComponent,
    message: p.message ?? messageWithButton(context.channel_id, p.customId, author),
    data: { custom_id: p.customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
  return markAuto(interaction, auto);
}

export function modalSubmit(p: ModalSubmitParams): APIModalSubmitInteraction {
  const auto: AutoFields = {};
  let id = 1;
  const components = Object.entries(p.fields).map(([customId, value]) => {
    const input = { type: ComponentType.TextInput as const, id: ++id, custom_id: customId, value };
    return p.layout === 'actionRow'
      ? ({ type: ComponentType.ActionRow, id: ++id, components: [input] } as ModalSubmitActionRowComponent)
      : ({ type: ComponentType.Label, id: ++id, component: input } as ModalSubmitLabelComponent);
  });
  const interaction = {
    ...base(p, auto),
    type: InteractionType.ModalSubmit,
    data: { custom_id: p.customId, components },
    ...(p.message ? { message: p.message } : {}),
  } as APIModalSubmitInteraction;
  return markAuto(interaction, auto);
}
