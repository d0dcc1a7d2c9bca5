import { ApplicationIntegrationType, InteractionContextType, MessageFlags } from 'discord.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { requireGuildId } from '../src/discord/inGuild.js';
import { formatProgressReply } from '../src/replies/progress.js';
import { getProgress } from '../src/services/progress.js';

const definition = {
  name: 'progress',
  description: 'Your clean time, check-in streak, next milestone and the last 14 days (only you see it)',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const satisfies CommandDefinition;

export const progress: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const guildId = requireGuildId(interaction);
    const result = await getProgress(ctx, { guildId, userId: interaction.user.id });
    await interaction.reply({ content: formatProgressReply(result), flags: MessageFlags.Ephemeral });
  },
};
