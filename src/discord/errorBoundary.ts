// The one place errors become replies. Users see a kind message and a short reference;
// the log gets the whole error under that reference. Nothing internal is ever shown.
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { ExpectedError } from '../domain/errors.js';
import type { Logger } from '../logger.js';

const KNOWN_DISCORD_ERRORS: Partial<Record<number, string>> = {
  [RESTJSONErrorCodes.MissingPermissions]:
    "I don't have the Discord permission I need for that. A server admin can check my role (see the README's permission list).",
  [RESTJSONErrorCodes.MissingAccess]: "I can't reach that channel. A server admin can check my access to it.",
  [RESTJSONErrorCodes.UnknownChannel]: 'That channel no longer exists.',
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser]: "I couldn't send you a direct message: your DMs from this server seem to be closed.",
};

export function newReference(): string {
  return randomBytes(3).toString('hex');
}

export function userMessageFor(error: unknown, reference: string): string {
  if (error instanceof ExpectedError) return error.userMessage;
  if (error instanceof DiscordAPIError && typeof error.code === 'number') {
    const known = KNOWN_DISCORD_ERRORS[error.code];
    if (known) return `${known} (ref ${reference})`;
  }
  return `Sorry, something went wrong on my side. Please try again in a moment; anything already saved is kept. If it keeps happening, tell a moderator this reference: ${reference}`;
}

function describe(interaction: Interaction) {
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId ?? undefined,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customIdPrefix: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId.split(':')[0] : undefined,
  };
}

export async function handleInteractionError(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const reference = newReference();
  const context = { ...describe(interaction), ref: reference };
  if (error instanceof ExpectedError) {
    // The message may quote the member's input: log only the kind.
    logger.info({ ...context, kind: error.name }, 'expected error answered');
  } else {
    logger.error({ ...context, err: error }, 'interaction failed');
  }

  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const content = userMessageFor(error, reference);
    if (interaction.deferred || interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    }
  } catch (replyError) {
    logger.warn({ ...context, err: replyError }, 'could not tell the user about an error');
  }
}
