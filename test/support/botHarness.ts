// Starts the whole bot (real discord.js client, real database) against the local Discord stand-in.
import type { APIApplicationCommandInteractionDataOption, APIGuildMember, APIUser } from 'discord.js';
import { fixedClock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { startTandem, type Tandem } from '../../src/app/start.js';
import { COMMANDS } from '../../src/discord/registry.js';
import { silentLogger } from '../../src/logger.js';
import { build, startStandIn, type GuildSeed, type InteractionTranscript, type StandIn } from '../../src/standin/index.js';
import { createTestDatabase, type Provider, type TestDatabase } from './databases.js';
import { testKey } from './fakes.js';

type OptionValue = string | number | boolean;

/** Turns `{ sober: true, craving: 3 }` into Discord's option list, typed from the command's own definition. */
export function optionsFor(commandName: string, values: Record<string, OptionValue>): APIApplicationCommandInteractionDataOption[] {
  const definition = COMMANDS.find((command) => command.definition.name === commandName)?.definition;
  if (!definition) throw new Error(`no command /${commandName}`);
  return Object.entries(values).map(([name, value]) => {
    const option = definition.options?.find((o) => o.name === name);
    if (!option) throw new Error(`/${commandName} has no option ${name}`);
    return { name, type: option.type, value } as APIApplicationCommandInteractionDataOption;
  });
}

export interface Harness {
  standIn: StandIn;
  seed: GuildSeed;
  guildId: string;
  channelId: string;
  alice: APIGuildMember & { user: APIUser };
  bob: APIGuildMember & { user: APIUser };
  tandem: Tandem;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  database: TestDatabase;
  slash(who: APIGuildMember & { user: APIUser }, name: string, values?: Record<string, OptionValue>, extra?: { guildId?: string | null }): InteractionTranscript;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(provider: Provider = 'sqlite', { now = '2026-11-22T15:00:00Z', devGuild = true } = {}): Promise<Harness> {
  const standIn = await startStandIn();
  const alice = build.member({ user: build.user({ username: 'alice' }) }) as Harness['alice'];
  const bob = build.member({ user: build.user({ username: 'bob' }) }) as Harness['bob'];
  const seed = build.guild({ name: 'Serenity Commons', members: [alice, bob] });
  standIn.addGuild(seed);
  const guildId = seed.guild.id;
  const channelId = seed.channels[0]!.id;
  // Migrations are left to startTandem, so every end-to-end run also exercises migrate-at-start.
  const database = await createTestDatabase(provider, { migrate: false });
  const clock = fixedClock(now);
  const config: Config = {
    discordToken: standIn.token,
    discordApiUrl: standIn.apiUrl,
    database: database.target,
    devGuildId: devGuild ? guildId : undefined,
    encryptionKey: testKey,
    previousEncryptionKeys: [],
    logLevel: 'silent',
    healthPort: undefined,
  };

  const harness: Harness = {
    standIn,
    seed,
    guildId,
    channelId,
    alice,
    bob,
    clock,
    config,
    database,
    tandem: await startTandem(config, { logger: silentLogger, clock }),
    slash(who, name, values = {}, extra = {}) {
      const inDm = extra.guildId === null;
      return standIn.invoke(
        build.chatInput({
          ...(inDm ? { user: who.user } : { guildId: extra.guildId ?? guildId, channelId, member: who }),
          name,
          options: optionsFor(name, values),
        }),
      );
    },
    async restart() {
      await harness.tandem.stop();
      harness.tandem = await startTandem(config, { logger: silentLogger, clock });
    },
    async stop() {
      await harness.tandem.stop();
      await standIn.close();
      await database.destroy();
    },
  };
  return harness;
}
