/**
 * Which parts of a built interaction were defaults rather than the test's choice. `invoke()` replaces
 * those parts with what the stand-in knows (stored channel, member roles, computed permissions, the
 * registered command's id, the bot's own message), so a test only spells out what it cares about.
 */
export interface AutoFields {
  applicationId?: boolean;
  channel?: boolean;
  member?: boolean;
  memberPermissions?: boolean;
  appPermissions?: boolean;
  commandId?: boolean;
  message?: boolean;
}

const autoFields = new WeakMap<object, AutoFields>();

export function markAuto<T extends object>(interaction: T, fields: AutoFields): T {
  autoFields.set(interaction, fields);
  return interaction;
}

/** Fields that may be filled in; an interaction not made by the builders is used exactly as given. */
export function autoFieldsOf(interaction: object): AutoFields {
  return autoFields.get(interaction) ?? {};
}
