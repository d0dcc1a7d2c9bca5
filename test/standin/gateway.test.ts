import { Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/standin/index.js';
import { applyMessageContentIntent, Intent } from '../../src/standin/gateway/intents.js';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

const waitFor = async (check: () => boolean, timeoutMs = 1000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('gateway', () => {
  it('answers heartbeats with ACKs', async () => {
    const { standIn } = await harness({ standIn: { heartbeatIntervalMs: 40 } });
    await waitFor(() => standIn.recorder.gatewayEvents.some((e) => e.op === 11));
    const ops = standIn.recorder.gatewayEvents.map((e) => `${e.direction}:${e.op}`);
    expect(ops.indexOf('in:1')).toBeLessThan(ops.indexOf('out:11'));
  });

  it('answers REQUEST_GUILD_MEMBERS, so guild.members.fetch() gets everyone', async () => {
    const members = [build.member(), build.member()];
    const { client, guildId } = await harness({ guild: { members } });
    const fetched = await client.guilds.cache.get(guildId)!.members.fetch();
    expect(fetched.size).toBe(4);
    expect(fetched.has(members[1]!.user.id)).toBe(true);
  });

  it('only sends member events to clients with the GuildMembers intent', async () => {
    const { standIn, guildId } = await harness({ client: { intents: [GatewayIntentBits.Guilds] } });
    standIn.addMember(guildId, build.member());
    expect(standIn.recorder.gatewayEvents.some((e) => e.t === 'GUILD_MEMBER_ADD')).toBe(false);
  });

  it('passes raw dispatches through with the next sequence number', async () => {
    const { standIn, client, seed, guildId } = await harness();
    const updated = new Promise((resolve) => client.once(Events.GuildUpdate, (_old, guild) => resolve(guild.name)));
    standIn.dispatch('GUILD_UPDATE', { ...seed.guild, name: 'Renamed community' });
    expect(await updated).toBe('Renamed community');
    const sequences = standIn.recorder.gatewayEvents.filter((e) => e.direction === 'out' && e.op === 0).map((e) => e.s);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    expect(client.guilds.cache.get(guildId)?.name).toBe('Renamed community');
  });

  it('tells the client when the bot is removed from a guild', async () => {
    const { standIn, client, guildId } = await harness();
    const deleted = new Promise((resolve) => client.once(Events.GuildDelete, (guild) => resolve(guild.id)));
    standIn.removeMember(guildId, standIn.botUser.id);
    expect(await deleted).toBe(guildId);
    expect(standIn.state.guild(guildId)).toBeUndefined();
  });

  it('reports disconnected after the client is destroyed', async () => {
    const { standIn, client } = await harness();
    await client.destroy();
    await waitFor(() => !standIn.connected);
  });
});

describe('message content intent', () => {
  const message = { id: '1', guild_id: '2', author: { id: '3' }, content: 'secret', embeds: [{}], mentions: [] };

  it('empties guild message content for clients without the intent', () => {
    expect(applyMessageContentIntent('MESSAGE_CREATE', message, Intent.GuildMessages, '99')).toMatchObject({ content: '', embeds: [] });
    expect(applyMessageContentIntent('MESSAGE_CREATE', message, Intent.GuildMessages | Intent.MessageContent, '99')).toBe(message);
  });

  it("keeps the bot's own messages, mentions of the bot and DMs", () => {
    expect(applyMessageContentIntent('MESSAGE_CREATE', { ...message, author: { id: '99' } }, 0, '99')).toMatchObject({ content: 'secret' });
    expect(applyMessageContentIntent('MESSAGE_CREATE', { ...message, mentions: [{ id: '99' }] }, 0, '99')).toMatchObject({ content: 'secret' });
    expect(applyMessageContentIntent('MESSAGE_CREATE', { ...message, guild_id: undefined }, 0, '99')).toMatchObject({ content: 'secret' });
  });
});
