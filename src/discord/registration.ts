// Registers slash commands only when the local definitions differ from what Discord has.
import { Routes, type REST } from 'discord.js';
import type { Logger } from '../logger.js';
import type { CommandDefinition } from './command.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Discord fills these in when absent; treat absent and default alike so an unchanged command compares equal.
const DEFAULTS: Record<string, Json> = {
  type: 1,
  required: false,
  autocomplete: false,
  nsfw: false,
  default_member_permissions: null,
  name_localizations: null,
  description_localizations: null,
};
// Fields Discord adds to stored commands that are not part of a definition.
const SERVER_FIELDS = new Set(['id', 'application_id', 'guild_id', 'version', 'dm_permission', 'name_localized', 'description_localized', 'handler', 'default_permission']);

function normalize(value: unknown): Json {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value as Json;
  const result: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    if (SERVER_FIELDS.has(key)) continue;
    const item = normalize((value as Record<string, unknown>)[key]);
    const isDefault = key in DEFAULTS ? JSON.stringify(item) === JSON.stringify(DEFAULTS[key]) : false;
    const isEmpty = item === null || (Array.isArray(item) && item.length === 0 && key === 'options');
    if (!isDefault && !isEmpty) result[key] = item;
  }
  return result;
}

export interface CommandDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export function diffCommands(local: readonly CommandDefinition[], remote: readonly unknown[]): CommandDiff {
  const remoteByName = new Map<string, Json>();
  for (const command of remote) {
    const name = (command as { name?: unknown }).name;
    if (typeof name === 'string') remoteByName.set(name, normalize(command));
  }
  const localNames = new Set(local.map((command) => command.name));
  const diff: CommandDiff = { added: [], removed: [], changed: [] };
  for (const command of local) {
    const existing = remoteByName.get(command.name);
    if (existing === undefined) diff.added.push(command.name);
    else if (JSON.stringify(existing) !== JSON.stringify(normalize(command))) diff.changed.push(command.name);
  }
  for (const name of remoteByName.keys()) if (!localNames.has(name)) diff.removed.push(name);
  return diff;
}

export function hasChanges(diff: CommandDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

/** Fetches the registered commands (guild-scoped when `guildId` is set) and overwrites them only if they differ. */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  definitions: readonly CommandDefinition[],
  logger: Logger,
): Promise<CommandDiff & { registered: boolean }> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const remote = (await rest.get(route)) as unknown[];
  const diff = diffCommands(definitions, remote);
  const scope = guildId ? 'guild' : 'global';
  if (!hasChanges(diff)) {
    logger.info({ scope, count: definitions.length }, 'slash commands unchanged; not registering');
    return { ...diff, registered: false };
  }
  await rest.put(route, { body: definitions });
  logger.info({ scope, ...diff }, 'slash commands registered');
  return { ...diff, registered: true };
}
