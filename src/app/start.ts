// Wires the layers together: migrations → database → repositories → Discord client → ready.
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { createSealer } from '../crypto/sealer.js';
import { openDatabase, type Db } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { createRepositories } from '../db/repositories/index.js';
import { createInteractionListener } from '../discord/dispatch.js';
import { createDiscordPort } from '../discord/discordPort.js';
import { InFlight } from '../discord/inflight.js';
import { syncCommands } from '../discord/registration.js';
import { repairDrift } from '../services/drift.js';
import { createRegistry, type CommandRegistry } from '../discord/registry.js';
import type { Logger } from '../logger.js';
import type { AppContext } from './context.js';
import { startHealthServer, type HealthServer } from './health.js';
import { scheduledJobs } from './jobs.js';
import { startScheduler, type Scheduler } from './scheduler.js';

const MIGRATIONS = {
  sqlite: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
  postgresql: fileURLToPath(new URL('../../prisma/postgres/migrations', import.meta.url)),
};
const SHUTDOWN_GRACE_MS = 10_000;

export interface Tandem {
  client: Client<true>;
  db: Db;
  context: AppContext;
  /** Settles when the start-up check of channels against the database is done. */
  repaired: Promise<void>;
  /** Milliseconds from start to ready, per phase. */
  timings: Record<string, number>;
  /** The scheduled tick (milestones); tests drive it with `runOnce` and the injected clock. */
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  registry?: CommandRegistry;
}

export function createDiscordClient(apiUrl: string): Client {
  return new Client({
    // Only what the product needs, and nothing privileged: slash commands need no message content.
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl },
    // Nobody is pinged unless a reply explicitly allows it.
    allowedMentions: { parse: [], repliedUser: false },
  });
}

export async function startTandem(config: Config, options: StartOptions): Promise<Tandem> {
  const { logger } = options;
  const started = performance.now();
  const timings: Record<string, number> = {};
  const mark = (phase: string) => (timings[phase] = Math.round(performance.now() - started));

  const { provider, url } = config.database;
  const { applied } = await applyMigrations({
    provider,
    url,
    migrationsDir: MIGRATIONS[provider],
    log: (msg, fields) => {
      const { level, ...rest } = (fields ?? {}) as { level?: string };
      if (level === 'warn') logger.warn(rest, msg);
      else logger.info(rest, msg);
    },
  });
  mark('migrations');
  logger.info({ provider, applied: applied.length }, 'database ready');

  const db = await openDatabase(config.database);
  const client = createDiscordClient(config.discordApiUrl);
  const context: AppContext = {
    repos: createRepositories(db),
    clock: options.clock ?? systemClock,
    sealer: createSealer(config.encryptionKey, config.previousEncryptionKeys),
    logger,
    discord: createDiscordPort(client.rest, () => client.user?.id ?? ''),
  };
  const registry = options.registry ?? createRegistry();
  const inFlight = new InFlight();
  client.on(Events.InteractionCreate, createInteractionListener(registry, context, inFlight));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  let health: HealthServer | undefined;
  let scheduler: Scheduler | undefined;
  const stop = async () => {
    logger.info({ inFlight: inFlight.size }, 'shutting down');
    scheduler?.stop();
    const finished = await inFlight.drain(SHUTDOWN_GRACE_MS);
    if (!finished) logger.warn({ inFlight: inFlight.size }, 'shutdown grace ended with work still running');
    await client.destroy();
    await health?.close();
    await db.$disconnect();
    logger.info('stopped');
  };

  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(config.discordToken);
    const readyClient = await ready;
    mark('ready');
    await syncCommands(client.rest, readyClient.application.id, config.devGuildId, registry.definitions(), logger);
    mark('commands');
    const repaired = new Promise<void>((resolve) => {
      inFlight.run(() =>
        repairDrift(context, [...readyClient.guilds.cache.keys()])
          .then((report) => logger.info(report, 'channels checked against the database'))
          .catch((error: unknown) => logger.error({ err: error }, 'channel check failed; it runs again at the next start'))
          .finally(resolve),
      );
    });
    if (config.healthPort !== undefined) {
      health = await startHealthServer(config.healthPort, () => ({ discord: client.isReady(), inFlight: inFlight.size }));
    }
    scheduler = startScheduler(scheduledJobs(context), { logger, inFlight });
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, timings }, 'Tandem is ready');
    return { client: readyClient, db, context, timings, repaired, scheduler, stop };
  } catch (error) {
    await client.destroy().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
    throw error;
  }
}
