import { ChannelType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/standin/index.js';
import { cleanUpAfterEach, harness, login, newClient, newStandIn } from './support.js';

cleanUpAfterEach();

describe('logging in against the stand-in', () => {
  it('becomes ready with the seeded guild, its roles, channels and members cached', async () => {
    const { standIn, client, seed, guildId, channelId } = await harness();

    const guild = client.guilds.cache.get(guildId);
    expect(guild?.name).toBe(seed.guild.name);
    expect(guild?.roles.cache.size).toBe(2);
    expect(guild?.channels.cache.get(channelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.cache.has(seed.guild.owner_id)).toBe(true);
    expect(guild?.members.me?.id).toBe(standIn.botUser.id);
    expect(client.user?.id).toBe(standIn.botUser.id);
    expect(client.application?.id).toBe(standIn.applicationId);
    expect(standIn.connected).toBe(true);
    expect(standIn.recorder.requests.map((r) => r.route)).toContain('GET /gateway/bot');
  });

  it('follows the handshake: HELLO, IDENTIFY, READY with the guild unavailable, then GUILD_CREATE', async () => {
    const { standIn, guildId } = await harness();
    const events = standIn.recorder.gatewayEvents;
    const summary = events.map((e) => `${e.direction}:${e.op}${e.t ? `:${e.t}` : ''}`);
    expect(summary.slice(0, 4)).toEqual(['out:10', 'in:2', 'out:0:READY', 'out:0:GUILD_CREATE']);
    const ready = events[2]!.d as { guilds: unknown[]; session_id: string; resume_gateway_url: string };
    expect(ready.guilds).toEqual([{ id: guildId, unavailable: true }]);
    expect(ready.session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(ready.resume_gateway_url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/gateway/);
  });

  it('announces a guild added after the client connected', async () => {
    const { standIn, client } = await harness();
    const second = build.guild({ name: 'Second community' });
    const created = new Promise((resolve) => client.once('guildCreate', resolve));
    standIn.addGuild(second);
    await created;
    expect(client.guilds.cache.get(second.guild.id)?.name).toBe('Second community');
  });

  it('delivers member joins and leaves to a client with the GuildMembers intent', async () => {
    const { standIn, client, guildId } = await harness();
    const member = build.member();
    const added = new Promise((resolve) => client.once('guildMemberAdd', resolve));
    standIn.addMember(guildId, member);
    await added;
    expect(client.guilds.cache.get(guildId)?.members.cache.has(member.user.id)).toBe(true);
    const removed = new Promise((resolve) => client.once('guildMemberRemove', resolve));
    standIn.removeMember(guildId, member.user.id);
    await removed;
    expect(standIn.state.member(guildId, member.user.id)).toBeUndefined();
  });

  it('rejects a wrong token over REST with 401 and over the gateway with 4004', async () => {
    const standIn = await newStandIn();
    const response = await fetch(`${standIn.apiUrl}/v10/users/@me`, { headers: { Authorization: 'Bot wrong' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ code: 0, message: '401: Unauthorized' });
    const client = newClient(standIn);
    await expect(client.login('wrong')).rejects.toThrow();
  });

  it('accepts a second client after the first one is destroyed (a bot restart)', async () => {
    const { standIn, client, guildId } = await harness();
    await client.destroy();
    const again = newClient(standIn);
    await login(again, standIn);
    expect(again.guilds.cache.has(guildId)).toBe(true);
    expect(standIn.connected).toBe(true);
  });

  it('answers unknown routes with 404 and Discord error body', async () => {
    const standIn = await newStandIn();
    const response = await fetch(`${standIn.apiUrl}/v10/nothing/here`, { headers: { Authorization: `Bot ${standIn.token}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 0, message: '404: Not Found' });
  });
});
