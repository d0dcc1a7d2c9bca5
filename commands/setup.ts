import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { REGIONS } from '../src/domain/crisisLines.js';
import { actorOf } from '../src/discord/actor.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { formatServerSettings } from '../src/replies/homeGroup.js';
import { configureServer } from '../src/services/setup.js';

const definition = {
  name: 'setup',
  description: 'Set Tandem up for this server (server admins). Safe to run again.',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [
    { type: ApplicationCommandOptionType.Role, name: 'moderator_role', description: 'The role of your moderators' },
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'category',
      description: "The category for Tandem's private channels",
      channel_types: [ChannelType.GuildCategory],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'region',
      description: 'Which crisis lines to show',
      choices: REGIONS.map((region) => ({ name: region === 'OTHER' ? 'Elsewhere (findahelpline.com)' : region, value: region })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'language',
      description: 'Default language',
      choices: [
        { name: 'English', value: 'en' },
        { name: 'Español', value: 'es' },
      ],
    },
    { type: ApplicationCommandOptionType.Role, name: 'facilitator_role', description: 'Optional: a role that may see couple channels' },
    { type: ApplicationCommandOptionType.Boolean, name: 'clear_facilitator_role', description: 'Remove the facilitator role from couple channels' },
  ],
} as const satisfies CommandDefinition;

export const setup: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const options = interaction.options;
    const clearFacilitator = options.getBoolean('clear_facilitator_role') === true;
    const { settings, channelsUpdated } = await configureServer(ctx, actorOf(interaction), {
      moderatorRoleId: options.getRole('moderator_role')?.id,
      categoryId: options.getChannel('category')?.id,
      region: options.getString('region') ?? undefined,
      language: options.getString('language') ?? undefined,
      facilitatorRoleId: clearFacilitator ? null : options.getRole('facilitator_role')?.id,
    });
    await interaction.reply({ content: formatServerSettings(settings, channelsUpdated), flags: MessageFlags.Ephemeral });
  },
};
