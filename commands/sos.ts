import { ApplicationIntegrationType, InteractionContextType, MessageFlags } from 'discord.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { formatHelpLines } from '../src/replies/helpLines.js';
import { helpLinesForGuild } from '../src/services/crisis.js';

const definition = {
  name: 'sos',
  description: 'Crisis and help lines, right now',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const satisfies CommandDefinition;

export const sos: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const lines = await helpLinesForGuild(ctx.repos, interaction.guildId ?? undefined);
    await interaction.reply({ content: formatHelpLines(lines), flags: MessageFlags.Ephemeral });
  },
};
