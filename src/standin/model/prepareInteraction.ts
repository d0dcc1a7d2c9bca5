import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIDMChannel,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIUser,
  type ChannelFlags,
} from 'discord.js';
import { autoFieldsOf, type AutoFields } from '../builders/auto.js';
import type { GuildChannel, GuildRecord } from '../state.js';
import type { Core } from './core.js';
import { interactionChannelId, interactionUser } from './interactionMessages.js';

type Mutable = Record<string, unknown>;

function flatOptions(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): APIApplicationCommandInteractionDataOption[] {
  return (options ?? []).flatMap((o) => ('options' in o && Array.isArray(o.options) ? flatOptions(o.options) : [o]));
}

/** Fills `data.resolved` for user, channel, role and mentionable options from the stand-in's state. */
function resolveOptions(core: Core, guild: GuildRecord | undefined, data: Mutable): void {
  if (data.resolved) return;
  const resolved: Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'roles' | 'channels'>> = {
    users: {},
    members: {},
    roles: {},
    channels: {},
  };
  for (const option of flatOptions(data.options as APIApplicationCommandInteractionDataOption[] | undefined)) {
    if (!('value' in option) || typeof option.value !== 'string') continue;
    const id = option.value;
    const user = core.state.users.get(id);
    const role = guild?.roles.get(id);
    const channel = core.state.channel(id);
    if ((option.type === ApplicationCommandOptionType.User || option.type === ApplicationCommandOptionType.Mentionable) && user) {
      resolved.users[id] = user;
      const member = guild?.members.get(id);
      if (guild && member) {
        const { user: _u, ...rest } = member;
        resolved.members[id] = { ...rest, permissions: String(core.permissionsOf(guild, member, id)) };
      }
    }
    if ((option.type === ApplicationCommandOptionType.Role || option.type === ApplicationCommandOptionType.Mentionable) && role) {
      resolved.roles[id] = role;
    }
    if (option.type === ApplicationCommandOptionType.Channel && channel && 'guild_id' in channel) {
      const guildChannel = channel as GuildChannel;
      resolved.channels[id] = {
        id,
        type: guildChannel.type,
        name: guildChannel.name,
        parent_id: guildChannel.parent_id ?? null,
        permissions: guild ? String(core.botPermissions(guild, guildChannel)) : '0',
      } as APIInteractionDataResolved['channels'] extends Record<string, infer C> | undefined ? C : never;
    }
  }
  const nonEmpty = Object.entries(resolved).filter(([, v]) => Object.keys(v).length > 0);
  if (nonEmpty.length > 0) data.resolved = Object.fromEntries(nonEmpty);
}

function fillCommandId(core: Core, interaction: Mutable, guildId: string | undefined): void {
  const data = interaction.data as Mutable;
  const guildCommand = guildId ? core.state.commands(guildId).find((c) => c.name === data.name) : undefined;
  const command = guildCommand ?? core.state.commands().find((c) => c.name === data.name);
  if (!command) return;
  data.id = command.id;
  if (guildCommand) data.guild_id = guildId;
  else delete data.guild_id;
}

function ensureDmChannel(core: Core, channelId: string, user: APIUser): APIDMChannel {
  const existing = core.state.channel(channelId);
  if (existing?.type === ChannelType.DM) return existing;
  const channel: APIDMChannel = { id: channelId, type: ChannelType.DM, name: null, last_message_id: null, flags: 0 as ChannelFlags, recipients: [user] };
  core.state.channels.set(channelId, channel);
  if (!core.state.dmChannels.has(user.id)) core.state.dmChannels.set(user.id, channelId);
  return channel;
}

function fillGuildContext(core: Core, out: Mutable, auto: AutoFields, guild: GuildRecord, user: APIUser, channelId: string): void {
  const channel = core.state.guildChannel(channelId);
  if (auto.channel && channel) out.channel = { ...channel };
  const stored = guild.members.get(user.id);
  const member = out.member as Mutable | undefined;
  if (auto.member && stored && member) out.member = { ...stored, user, permissions: member.permissions };
  if (auto.memberPermissions && stored) {
    (out.member as Mutable).permissions = String(core.permissionsOf(guild, stored, user.id, channel));
  }
  if (auto.appPermissions) out.app_permissions = String(core.botPermissions(guild, channel));
}

/**
 * Completes a built interaction with what the stand-in knows (see builders/auto.ts) and remembers its user.
 * Interactions not made by the builders are only copied.
 */
export function prepareInteraction(core: Core, interaction: APIInteraction): APIInteraction {
  const auto = autoFieldsOf(interaction);
  const out = structuredClone(interaction) as unknown as Mutable;
  const prepared = out as unknown as APIInteraction;
  if (auto.applicationId) out.application_id = core.applicationId;
  const user = interactionUser(prepared);
  if (!core.state.users.has(user.id)) core.state.users.set(user.id, user);
  const channelId = interactionChannelId(prepared);
  const guild = prepared.guild_id ? core.state.guild(prepared.guild_id) : undefined;
  if (guild) fillGuildContext(core, out, auto, guild, user, channelId);
  if (!prepared.guild_id) {
    const dm = ensureDmChannel(core, channelId, user);
    if (auto.channel) out.channel = { ...dm };
  }
  const type = prepared.type;
  if (type === InteractionType.ApplicationCommand || type === InteractionType.ApplicationCommandAutocomplete) {
    if (auto.commandId) fillCommandId(core, out, prepared.guild_id);
    resolveOptions(core, guild, out.data as Mutable);
  }
  if (type === InteractionType.MessageComponent && auto.message) {
    const message = out.message as Mutable;
    const stored = core.state.message(channelId, String(message.id));
    out.message = stored ? structuredClone(stored) : { ...message, channel_id: channelId, author: core.botUser };
    if (!stored) core.state.storeMessage(structuredClone(out.message) as never);
  }
  return prepared;
}
