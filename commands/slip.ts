import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
} from 'discord.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { requireGuildId } from '../src/discord/inGuild.js';
import { formatSlipReply } from '../src/replies/slip.js';
import { planMemberSlip, recordSlip } from '../src/services/slips.js';

const definition = {
  name: 'slip',
  description: 'Had a slip? Record it privately, with care. Only you see the reply',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'restart_clean_time',
      description: 'Start your clean time again from the day after? Your history and milestones are kept either way',
      required: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'date',
      description: 'When it happened, as YYYY-MM-DD (today if left out)',
      min_length: 8,
      max_length: 10,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'tell_partner',
      description: 'Let your partner know privately that you are having a hard time (no details). Default: no',
    },
  ],
} as const satisfies CommandDefinition;

export const slip: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const guildId = requireGuildId(interaction);
    const options = interaction.options;
    const request = {
      date: options.getString('date') ?? undefined,
      restartCleanTime: options.getBoolean('restart_clean_time', true),
      tellPartner: options.getBoolean('tell_partner') ?? false,
    };
    const planned = await planMemberSlip(ctx, { guildId, userId: interaction.user.id }, request);
    // Valid: acknowledge privately within Discord's 3 s, then record and (if asked) DM the partner.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const outcome = await recordSlip(ctx, planned);
    await interaction.editReply({ content: formatSlipReply(outcome) });
  },
};
