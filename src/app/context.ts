import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { DiscordPort, Repositories, Sealer } from '../services/ports.js';

/** What command handlers get: plain dependencies, passed in, never looked up. */
export interface AppContext {
  repos: Repositories;
  clock: Clock;
  sealer: Sealer;
  logger: Logger;
  discord: DiscordPort;
}
