import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
} from 'discord.js';
import { CRAVING_MAX, CRAVING_MIN, MOOD_MAX, MOOD_MIN, NOTE_MAX_LENGTH, type ShareTarget } from '../src/domain/checkIn.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { requireGuildId } from '../src/discord/inGuild.js';
import { formatCheckInReply } from '../src/replies/checkIn.js';
import { recordCheckIn } from '../src/services/checkIns.js';
import { shareCheckIn } from '../src/services/checkInSharing.js';
import { detailsButtonRow } from './checkinDetails.js';

const definition = {
  name: 'checkin',
  description: "Today's check-in (private unless you choose to share)",
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    { type: ApplicationCommandOptionType.Boolean, name: 'sober', description: 'Sober today?', required: true },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'craving',
      description: `Craving from ${CRAVING_MIN} (none) to ${CRAVING_MAX} (very strong)`,
      min_value: CRAVING_MIN,
      max_value: CRAVING_MAX,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'mood',
      description: `Mood from ${MOOD_MIN} (very low) to ${MOOD_MAX} (great)`,
      min_value: MOOD_MIN,
      max_value: MOOD_MAX,
    },
    { type: ApplicationCommandOptionType.Boolean, name: 'meeting', description: 'Did you go to a meeting today?' },
    {
      type: ApplicationCommandOptionType.String,
      name: 'note',
      description: 'A private note, encrypted, only for you',
      max_length: NOTE_MAX_LENGTH,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'share',
      description: 'Who may see that you checked in (private by default)',
      choices: [
        { name: 'Only me', value: 'private' },
        { name: 'My home group (a short supportive line)', value: 'homegroup' },
        { name: 'My partner (what your share settings allow)', value: 'partner' },
      ],
    },
  ],
} as const satisfies CommandDefinition;

export const checkin: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const guildId = requireGuildId(interaction);
    const options = interaction.options;
    const outcome = await recordCheckIn(ctx, { guildId, userId: interaction.user.id }, {
      sober: options.getBoolean('sober', true),
      craving: options.getInteger('craving') ?? undefined,
      mood: options.getInteger('mood') ?? undefined,
      meeting: options.getBoolean('meeting') ?? undefined,
      note: options.getString('note') ?? undefined,
      share: (options.getString('share') ?? 'private') as ShareTarget,
    });
    const components = [detailsButtonRow(interaction.user.id, outcome.localDate)];
    if (outcome.requestedShare === 'private') {
      await interaction.reply({ content: formatCheckInReply(outcome), components, flags: MessageFlags.Ephemeral });
      return;
    }
    // Saved first (bad input already refused); sharing talks to Discord, so answer within 3 s.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const shared = await shareCheckIn(ctx, outcome);
    await interaction.editReply({ content: formatCheckInReply(outcome, shared), components });
  },
};
