// The explicit list of slash commands and component handlers. It feeds both registration and dispatch.
import { checkin } from '../../commands/checkin.js';
import { checkinDetails } from '../../commands/checkinDetails.js';
import { couple } from '../../commands/couple.js';
import { group } from '../../commands/group.js';
import { homegroup } from '../../commands/homegroup.js';
import { progress } from '../../commands/progress.js';
import { settings } from '../../commands/settings.js';
import { setup } from '../../commands/setup.js';
import { slip } from '../../commands/slip.js';
import { sos } from '../../commands/sos.js';
import type { CommandDefinition, ComponentHandler, SlashCommand } from './command.js';
import { coupleButtons } from './coupleButtons.js';

export const COMMANDS: readonly SlashCommand[] = [checkin, progress, slip, sos, settings, setup, group, homegroup, couple];

export const COMPONENTS: readonly ComponentHandler[] = [coupleButtons, checkinDetails];

export interface CommandRegistry {
  definitions(): CommandDefinition[];
  get(name: string): SlashCommand | undefined;
  component(prefix: string): ComponentHandler | undefined;
}

export function createRegistry(commands: readonly SlashCommand[] = COMMANDS, components: readonly ComponentHandler[] = COMPONENTS): CommandRegistry {
  const byName = new Map<string, SlashCommand>();
  for (const command of commands) {
    if (byName.has(command.definition.name)) throw new Error(`two commands are named ${command.definition.name}`);
    byName.set(command.definition.name, command);
  }
  const byPrefix = new Map<string, ComponentHandler>();
  for (const handler of components) {
    if (byPrefix.has(handler.prefix)) throw new Error(`two component handlers use the prefix ${handler.prefix}`);
    byPrefix.set(handler.prefix, handler);
  }
  return {
    definitions: () => commands.map((command) => command.definition),
    get: (name) => byName.get(name),
    component: (prefix) => byPrefix.get(prefix),
  };
}
