import { DiscordAPIError, Events, RESTEvents, type RateLimitData, type TextChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/standin/index.js';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

describe('rate limits', () => {
  it('makes discord.js wait and retry after an injected 429, emitting rateLimited', async () => {
    const { standIn, client, channelId } = await harness();
    const limited: RateLimitData[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info));
    standIn.faults.rateLimitNext('POST /channels/:channel_id/messages', { retryAfterSeconds: 0.3 });
    const channel = client.channels.cache.get(channelId) as TextChannel;

    const started = Date.now();
    const message = await channel.send('Meeting starts in 15 minutes.');

    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(message.content).toBe('Meeting starts in 15 minutes.');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.retryAfter).toBeGreaterThanOrEqual(300);
    const attempts = standIn.recorder.requests.filter((r) => r.route === 'POST /channels/:channel_id/messages');
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[0]!.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.3, global: false });
  });

  it('answers real 429s with the full header set once a route limit is used up', async () => {
    const { standIn, channelId } = await harness({ standIn: { rateLimits: { 'POST /channels/:id/messages': { limit: 2, windowMs: 1000 } } } });
    const send = (): Promise<Response> =>
      fetch(`${standIn.apiUrl}/v10/channels/${channelId}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bot ${standIn.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: 'hello' }),
      });
    const first = await send();
    const second = await send();
    const third = await send();
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-bucket')).toBe(third.headers.get('x-ratelimit-bucket'));
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.headers.get('x-ratelimit-scope')).toBe('user');
    expect(third.headers.get('content-type')).toBe('application/json');
    expect(await third.json()).toMatchObject({ message: 'You are being rate limited.', global: false });
  });

  it('lets discord.js pace itself from the headers without hitting a 429', async () => {
    const { standIn, client, channelId } = await harness({ standIn: { rateLimits: { 'POST /channels/:id/messages': { limit: 2, windowMs: 400 } } } });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const started = Date.now();
    await Promise.all([channel.send('one'), channel.send('two'), channel.send('three')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(standIn.recorder.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(standIn.state.messagesIn(channelId).map((m) => m.content)).toEqual(['one', 'two', 'three']);
  });

  it('exempts interaction callbacks from the limits', async () => {
    const { standIn } = await harness({ standIn: { globalRequestsPerSecond: 1 } });
    const callback = await fetch(`${standIn.apiUrl}/v10/interactions/1/x/callback`, { method: 'POST', body: '{"type":4}', headers: { 'Content-Type': 'application/json' } });
    expect(callback.status).not.toBe(429);
  });
});

describe('fault injection', () => {
  it('surfaces failNext(1, { status: 403, code: 50013 }) as DiscordAPIError 50013', async () => {
    const { standIn, client, channelId } = await harness();
    standIn.faults.failNext(1, { status: 403, code: 50013 });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const error = await channel.send('hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).status).toBe(403);
    expect(standIn.recorder.requests.at(-1)).toMatchObject({ status: 403, injected: 'fail', response: { code: 50013, message: 'Missing Permissions' } });
  });

  it('fails only the chosen route, and discord.js retries a 500', async () => {
    const { standIn, client, channelId } = await harness();
    standIn.faults.failNext(1, { route: 'POST /channels/:channel_id/messages' });
    await client.application!.fetch();
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await channel.send('after a hiccup');
    const sends = standIn.recorder.requests.filter((r) => r.route === 'POST /channels/:channel_id/messages');
    expect(sends.map((r) => r.status)).toEqual([500, 200]);
  });

  it('delays responses with delayNext', async () => {
    const { standIn, client } = await harness();
    standIn.faults.delayNext(1, 150, 'GET /applications/@me');
    const started = Date.now();
    await client.application!.fetch();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('waitForRoute rejects with the recent routes on timeout', async () => {
    const { standIn } = await harness();
    await expect(standIn.recorder.waitForRoute('DELETE /channels/:id', { timeoutMs: 50 })).rejects.toThrow(/GET \/gateway\/bot -> 200/);
  });
});

describe('gateway drops', () => {
  it('resumes after dropGateway() and replays what was dispatched while the client was away', async () => {
    const { standIn, client, guildId } = await harness();
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    standIn.faults.dropGateway();
    expect(standIn.connected).toBe(false);
    const member = build.member();
    standIn.addMember(guildId, member);
    const joined = new Promise<{ id: string }>((resolve) => client.once(Events.GuildMemberAdd, resolve));

    await resumed;
    expect((await joined).id).toBe(member.user.id);
    expect(standIn.connected).toBe(true);
    const events = standIn.recorder.gatewayEvents.map((e) => `${e.direction}:${e.op}${e.t ? `:${e.t}` : ''}`);
    expect(events).toContain('in:6');
    expect(events.indexOf('out:0:GUILD_MEMBER_ADD')).toBeLessThan(events.lastIndexOf('out:0:RESUMED'));
  });
});
