import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { FELLOWSHIPS, HOME_GROUP_NAME_MAX } from '../src/domain/homeGroup.js';
import { actorOf } from '../src/discord/actor.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { respondWithHomeGroups } from '../src/discord/homeGroupAutocomplete.js';
import { homeGroupText } from '../src/replies/homeGroup.js';
import {
  allowPartnersInSameGroup,
  archiveHomeGroup,
  createHomeGroup,
  homeGroupMembers,
} from '../src/services/homeGroups.js';

const groupOption = {
  type: ApplicationCommandOptionType.String,
  name: 'group',
  description: 'The home group',
  required: true,
  autocomplete: true,
  max_length: HOME_GROUP_NAME_MAX,
} as const;

const definition = {
  name: 'group',
  description: 'Run home groups (moderators)',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      description: 'Create a home group and its private channel',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'name', description: 'The group name, e.g. Serenity', required: true, min_length: 2, max_length: HOME_GROUP_NAME_MAX },
        {
          type: ApplicationCommandOptionType.String,
          name: 'fellowship',
          description: 'The fellowship it follows',
          required: true,
          choices: FELLOWSHIPS.map((f) => ({ name: f, value: f })),
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'archive', description: 'Archive a home group (its channel becomes read-only)', options: [groupOption] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'members', description: 'Who belongs to a home group', options: [groupOption] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'allow_partners',
      description: 'Let the couple this member is in share one home group',
      options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'One of the partners', required: true }],
    },
  ],
} as const satisfies CommandDefinition;

export const group: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const actor = actorOf(interaction);
    const options = interaction.options;
    let content: string;
    switch (options.getSubcommand(true)) {
      case 'create': {
        const created = await createHomeGroup(ctx, actor, { name: options.getString('name', true), fellowship: options.getString('fellowship', true) });
        await ctx.discord.sendChannelMessage(created.channelId!, { content: homeGroupText.welcome(created) }).catch((error: unknown) =>
          ctx.logger.warn({ err: error }, 'could not post the welcome message'),
        );
        content = homeGroupText.created(created);
        break;
      }
      case 'archive':
        content = homeGroupText.archived(await archiveHomeGroup(ctx, actor, options.getString('group', true)));
        break;
      case 'members': {
        const { group: found, members } = await homeGroupMembers(ctx, actor, options.getString('group', true));
        content = homeGroupText.members(found, members.map((m) => m.userId));
        break;
      }
      default:
        await allowPartnersInSameGroup(ctx, actor, options.getUser('member', true).id);
        content = homeGroupText.partnersAllowed;
    }
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
  autocomplete: respondWithHomeGroups,
};
