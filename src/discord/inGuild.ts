import type { ChatInputCommandInteraction } from 'discord.js';
import { NotAllowedError } from '../domain/errors.js';

/** The server id, or a friendly refusal when a server-only command arrives from a DM. */
export function requireGuildId(interaction: ChatInputCommandInteraction): string {
  if (!interaction.guildId) {
    throw new NotAllowedError('This command works inside your recovery server, where your record is kept. Try it there.');
  }
  return interaction.guildId;
}
