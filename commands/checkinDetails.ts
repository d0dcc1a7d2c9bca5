// The "details" button on a /checkin reply and the modal it opens. Stateless custom ids:
// checkin:details:<userId>:<localDate> (button) and checkin:save:<userId>:<localDate> (modal).
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIModalInteractionResponseCallbackData,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { CheckIn } from '../src/domain/checkIn.js';
import { NOTE_MAX_LENGTH } from '../src/domain/checkIn.js';
import { InvalidInputError, NotAllowedError } from '../src/domain/errors.js';
import type { ComponentHandler } from '../src/discord/command.js';
import { formatCheckInReply } from '../src/replies/checkIn.js';
import { checkInForDetails, saveCheckInDetails } from '../src/services/checkInDetails.js';

const PREFIX = 'checkin';

export function detailsButtonRow(userId: string, localDate: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Add details', custom_id: `${PREFIX}:details:${userId}:${localDate}` }],
  };
}

function field(customId: string, label: string, options: { value?: string | undefined; long?: boolean; maxLength: number; placeholder: string }) {
  return {
    type: ComponentType.Label as const,
    label,
    component: {
      type: ComponentType.TextInput as const,
      custom_id: customId,
      style: options.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: false,
      max_length: options.maxLength,
      placeholder: options.placeholder,
      ...(options.value !== undefined && { value: options.value }),
    },
  };
}

function detailsModal(userId: string, localDate: string, checkIn: CheckIn): APIModalInteractionResponseCallbackData {
  const meeting = checkIn.meeting === undefined ? undefined : checkIn.meeting ? 'yes' : 'no';
  return {
    custom_id: `${PREFIX}:save:${userId}:${localDate}`,
    title: 'Check-in details (only you see them)',
    components: [
      field('craving', 'Craving, 0 (none) to 10 (very strong)', { value: checkIn.craving?.toString(), maxLength: 2, placeholder: '0–10' }),
      field('mood', 'Mood, 1 (very low) to 5 (great)', { value: checkIn.mood?.toString(), maxLength: 1, placeholder: '1–5' }),
      field('meeting', 'Went to a meeting today? (yes or no)', { value: meeting, maxLength: 9, placeholder: 'yes or no' }),
      field('note', 'Private note (encrypted, only for you)', {
        long: true,
        maxLength: NOTE_MAX_LENGTH,
        placeholder: checkIn.hasNote ? 'Leave empty to keep your saved note' : 'Anything you want to remember about today',
      }),
    ],
  };
}

function textOf(interaction: ModalSubmitInteraction, customId: string): string {
  return interaction.fields.fields.has(customId) ? interaction.fields.getTextInputValue(customId) : '';
}

export const checkinDetails: ComponentHandler = {
  prefix: PREFIX,
  async handle(interaction, ctx, [action, ownerUserId = '', date = '']) {
    if (!interaction.guildId) throw new NotAllowedError('Check-in details work inside your recovery server. `/checkin` there records today’s.');
    const request = { guildId: interaction.guildId, userId: interaction.user.id, ownerUserId, date };
    if (action === 'details' && interaction.isButton()) {
      const checkIn = await checkInForDetails(ctx, request);
      await interaction.showModal(detailsModal(ownerUserId, date, checkIn));
      return;
    }
    if (action === 'save' && interaction.isModalSubmit()) {
      const text = { craving: textOf(interaction, 'craving'), mood: textOf(interaction, 'mood'), meeting: textOf(interaction, 'meeting'), note: textOf(interaction, 'note') };
      const outcome = await saveCheckInDetails(ctx, request, text);
      await interaction.reply({ content: formatCheckInReply(outcome), flags: MessageFlags.Ephemeral });
      return;
    }
    throw new InvalidInputError('This button is no longer in use. `/checkin` records today’s check-in.');
  },
};
