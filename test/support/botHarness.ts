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
export function optionsFor(commandName: string, values: Record<string, OptionValue>, subcommand?: string): APIApplicationCommandInteractionDataOption[] {
  const definition = COMMANDS.find((command) => command.definition.name === commandName)?.definition;
  if (!definition) throw new Error(`no command /${commandName}`);
  const scope = subcommand
    ? (definition.options?.find((o) => o.name === subcommand) as { options?: readonly { name: string; type: number }[] } | undefined)
    : definition;
  if (!scope) throw new Error(`/${commandName} has no subcommand ${subcommand}`);
  return Object.entries(values).map(([name, value]) => {
    const option = scope.options?.find((o) => o.name === name);
    if (!option) throw new Error(`/${commandName} ${subcommand ?? ''} has no option ${name}`);
    return { name, type: option.type, value } as APIApplicationCommandInteractionDataOption;
  });
}

export type Who = APIGuildMember & { user: APIUser };

export interface Harness {
  standIn: StandIn;
  seed: GuildSeed;
  guildId: string;
  channelId: string;
  categoryId: string;
  moderatorRoleId: string;
  facilitatorRoleId: string;
  /** Members of the main server: two partners-to-be, a third member, a moderator and the owner (admin). */
  alice: Who;
  bob: Who;
  carol: Who;
  mod: Who;
  owner: Who;
  /** A second server with the same people, for cross-server checks. */
  otherGuildId: string;
  tandem: Tandem;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  database: TestDatabase;
  /** `name` may include a subcommand: "group create". `guildId: null` runs it in a DM. */
  slash(who: Who, name: string, values?: Record<string, OptionValue>, extra?: { guildId?: string | null }): InteractionTranscript;
  /** Presses a button (in a DM unless `guildId` is given). */
  press(who: Who, customId: string, extra?: { guildId?: string }): InteractionTranscript;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(provider: Provider = 'sqlite', { now = '2026-11-22T15:00:00Z', devGuild = true } = {}): Promise<Harness> {
  const standIn = await startStandIn();
  const person = (username: string, roles: string[] = []) => build.member({ user: build.user({ username }), roles }) as Who;
  const moderatorRole = build.role({ name: 'Moderators' });
  const facilitatorRole = build.role({ name: 'Couple facilitators' });
  const [alice, bob, carol, mod] = [person('alice'), person('bob'), person('carol'), person('mod', [moderatorRole.id])];
  const owner = build.member({ user: build.user({ username: 'owner' }) }) as Who;
  const general = build.textChannel({ name: 'general' });
  const category = build.categoryChannel({ name: 'Tandem' });
  const seed = build.guild({
    name: 'Serenity Commons',
    owner: owner.user,
    roles: [moderatorRole, facilitatorRole],
    channels: [general, category],
    members: [alice, bob, carol, mod],
  });
  standIn.addGuild(seed);
  const other = build.guild({ name: 'Another Server', members: [alice, bob, carol, mod].map((m) => build.member({ user: m.user })) });
  standIn.addGuild(other);
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
    categoryId: seed.channels[1]!.id,
    moderatorRoleId: moderatorRole.id,
    facilitatorRoleId: facilitatorRole.id,
    alice,
    bob,
    carol,
    mod,
    owner,
    otherGuildId: other.guild.id,
    clock,
    config,
    database,
    tandem: await startTandem(config, { logger: silentLogger, clock }),
    slash(who, fullName, values = {}, extra = {}) {
      const [name = '', subcommand] = fullName.split(' ');
      const targetGuild = extra.guildId === null ? undefined : (extra.guildId ?? guildId);
      const where = !targetGuild
        ? { user: who.user }
        : { guildId: targetGuild, channelId: standIn.state.guildChannels(targetGuild)[0]!.id, member: standIn.state.member(targetGuild, who.user.id) ?? who };
      return standIn.invoke(build.chatInput({ ...where, name, options: optionsFor(name, values, subcommand), ...(subcommand && { subcommand }) }));
    },
    press(who, customId, extra = {}) {
      const where = extra.guildId ? { guildId: extra.guildId, channelId, member: who } : { user: who.user };
      return standIn.invoke(build.button({ ...where, customId }));
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
