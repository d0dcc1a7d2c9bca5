// The explicit list of slash commands. It feeds both registration and dispatch.
import { checkin } from '../../commands/checkin.js';
import { progress } from '../../commands/progress.js';
import { settings } from '../../commands/settings.js';
import { sos } from '../../commands/sos.js';
import type { CommandDefinition, SlashCommand } from './command.js';

export const COMMANDS: readonly SlashCommand[] = [checkin, progress, sos, settings];

export interface CommandRegistry {
  definitions(): CommandDefinition[];
  get(name: string): SlashCommand | undefined;
}

export function createRegistry(commands: readonly SlashCommand[] = COMMANDS): CommandRegistry {
  const byName = new Map<string, SlashCommand>();
  for (const command of commands) {
    if (byName.has(command.definition.name)) throw new Error(`two commands are named ${command.definition.name}`);
    byName.set(command.definition.name, command);
  }
  return {
    definitions: () => commands.map((command) => command.definition),
    get: (name) => byName.get(name),
  };
}
