import { describe, expect, it } from 'vitest';
import { diffCommands, hasChanges } from '../../src/discord/registration.js';
import { COMMANDS } from '../../src/discord/registry.js';

const local = COMMANDS.map((command) => command.definition);

/** What Discord sends back for a stored command: our definition plus its own fields and defaults. */
function asStoredByDiscord(definition: (typeof local)[number], index: number) {
  const withDefaults = (options: readonly Record<string, unknown>[] | undefined): unknown[] | undefined =>
    options?.map((option) => ({
      required: false,
      name_localizations: null,
      description_localizations: null,
      ...option,
      ...(option.options ? { options: withDefaults(option.options as Record<string, unknown>[]) } : {}),
    }));
  return {
    id: String(1000 + index),
    application_id: '1',
    version: '2',
    type: 1,
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    name_localizations: null,
    description_localizations: null,
    ...definition,
    options: withDefaults(definition.options as readonly Record<string, unknown>[] | undefined),
  };
}

describe('registering slash commands only when they changed', () => {
  it('sees no change when Discord has the same commands with its own defaults filled in', () => {
    const diff = diffCommands(local, local.map(asStoredByDiscord));
    expect(diff).toEqual({ added: [], removed: [], changed: [] });
    expect(hasChanges(diff)).toBe(false);
  });

  it('sees every command as added on a fresh application', () => {
    expect(diffCommands(local, []).added).toEqual(local.map((c) => c.name));
  });

  it('sees a changed description, a removed command and a new option', () => {
    const remote = local.map(asStoredByDiscord);
    remote[0] = { ...remote[0]!, description: 'old text' };
    remote.push({ ...remote[1]!, name: 'retired' });
    const diff = diffCommands(local, remote);
    expect(diff.changed).toEqual([local[0]!.name]);
    expect(diff.removed).toEqual(['retired']);
  });

  it('sees option order as a change (Discord shows options in order)', () => {
    const remote = local.map(asStoredByDiscord);
    const checkin = remote.find((c) => c.name === 'checkin')!;
    checkin.options = [...checkin.options!].reverse();
    expect(diffCommands(local, remote).changed).toEqual(['checkin']);
  });
});
