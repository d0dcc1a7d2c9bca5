import { requireServer, requireServerManager, type Actor } from '../domain/authorization.js';
import { isRegion, REGIONS } from '../domain/crisisLines.js';
import { InvalidInputError } from '../domain/errors.js';
import type { ServiceDeps } from './deps.js';
import { syncGuildChannels } from './drift.js';
import type { GuildConfiguration, GuildSettings } from './ports.js';

export const LANGUAGES = ['en', 'es'] as const;

export interface SetupOutcome {
  settings: GuildSettings;
  /** False when a role changed but Discord refused to update the channels (repaired at the next start). */
  channelsUpdated: boolean;
}

/** /setup: stores the server's configuration. Safe to run again: only what is given changes. */
export async function configureServer(deps: ServiceDeps, actor: Actor, changes: GuildConfiguration): Promise<SetupOutcome> {
  const guildId = requireServer(actor);
  requireServerManager(actor);
  if (changes.region !== undefined && !isRegion(changes.region)) {
    throw new InvalidInputError(`Region can be one of ${REGIONS.join(', ')}.`);
  }
  if (changes.language !== undefined && !(LANGUAGES as readonly string[]).includes(changes.language)) {
    throw new InvalidInputError(`Language can be one of ${LANGUAGES.join(', ')}.`);
  }
  if (changes.moderatorRoleId === guildId || changes.facilitatorRoleId === guildId) {
    throw new InvalidInputError('@everyone cannot be the moderator or facilitator role: pick the role those people have.');
  }
  const before = await deps.repos.guilds.ensure(guildId);
  const settings = await deps.repos.guilds.configure(guildId, changes, deps.clock.now());
  const rolesChanged = before.moderatorRoleId !== settings.moderatorRoleId || before.facilitatorRoleId !== settings.facilitatorRoleId;
  if (!rolesChanged) return { settings, channelsUpdated: true };
  // The old role must lose access to existing channels now, not at the next restart.
  try {
    await syncGuildChannels(deps, guildId);
    return { settings, channelsUpdated: true };
  } catch (error) {
    deps.logger.warn({ err: error, guildId }, 'could not update channel access after /setup');
    return { settings, channelsUpdated: false };
  }
}
