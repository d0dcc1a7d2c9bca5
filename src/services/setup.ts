import { requireServer, requireServerManager, type Actor } from '../domain/authorization.js';
import { isRegion, REGIONS } from '../domain/crisisLines.js';
import { InvalidInputError } from '../domain/errors.js';
import type { ServiceDeps } from './deps.js';
import type { GuildConfiguration, GuildSettings } from './ports.js';

export const LANGUAGES = ['en', 'es'] as const;

/** /setup: stores the server's configuration. Safe to run again: only what is given changes. */
export async function configureServer(deps: Pick<ServiceDeps, 'repos' | 'clock'>, actor: Actor, changes: GuildConfiguration): Promise<GuildSettings> {
  const guildId = requireServer(actor);
  requireServerManager(actor);
  if (changes.region !== undefined && !isRegion(changes.region)) {
    throw new InvalidInputError(`Region can be one of ${REGIONS.join(', ')}.`);
  }
  if (changes.language !== undefined && !(LANGUAGES as readonly string[]).includes(changes.language)) {
    throw new InvalidInputError(`Language can be one of ${LANGUAGES.join(', ')}.`);
  }
  if (changes.moderatorRoleId !== undefined && changes.moderatorRoleId === guildId) {
    throw new InvalidInputError('The moderator role cannot be @everyone: pick the role your moderators have.');
  }
  return deps.repos.guilds.configure(guildId, changes, deps.clock.now());
}
