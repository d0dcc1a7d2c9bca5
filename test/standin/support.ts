import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { afterEach, expect } from 'vitest';
import { build, startStandIn, type GuildSeed, type StandIn, type StandInOptions } from '../../src/standin/index.js';

export interface Harness {
  standIn: StandIn;
  client: Client;
  seed: GuildSeed;
  guildId: string;
  channelId: string;
}

const clients = new Set<Client>();
const standIns = new Set<StandIn>();

/**
 * Destroys every client and stand-in a test made (clients first, so they do not try to reconnect), and
 * fails the test if any stand-in response did not match Discord's published response schema.
 */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    for (const client of clients) await client.destroy();
    clients.clear();
    const issues = [...standIns].flatMap((s) => s.recorder.requests.filter((r) => r.responseIssues.length > 0));
    for (const standIn of standIns) await standIn.close();
    standIns.clear();
    expect(issues.map((r) => ({ route: r.route, issues: r.responseIssues }))).toEqual([]);
  });
}

export async function newStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const standIn = await startStandIn(options);
  standIns.add(standIn);
  return standIn;
}

export function newClient(standIn: StandIn, options: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    ...options,
    rest: { api: standIn.apiUrl, ...options.rest },
  });
  clients.add(client);
  return client;
}

/** Logs the client in and waits for ready (listener attached first: ready can beat login()). */
export async function login(client: Client, standIn: StandIn): Promise<void> {
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
}

/** A stand-in with one seeded guild and a logged-in client. */
export async function harness(options: { standIn?: StandInOptions; guild?: Parameters<typeof build.guild>[0]; client?: Partial<ClientOptions> } = {}): Promise<Harness> {
  const standIn = await newStandIn(options.standIn);
  const seed = build.guild(options.guild);
  standIn.addGuild(seed);
  const client = newClient(standIn, options.client);
  await login(client, standIn);
  return { standIn, client, seed, guildId: seed.guild.id, channelId: seed.channels[0]!.id };
}
