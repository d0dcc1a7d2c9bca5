import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { COMMANDS } from '../../src/discord/registry.js';
import { build } from '../../src/standin/index.js';
import { createSealer } from '../../src/crypto/sealer.js';
import { availableProviders } from '../support/databases.js';
import { startHarness, type Harness } from '../support/botHarness.js';
import { testKey } from '../support/fakes.js';

const EPHEMERAL = MessageFlags.Ephemeral;

describe.each(availableProviders())('the whole bot against the stand-in (%s)', (provider) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(provider);
  });
  afterAll(async () => h?.stop());

  it('registers exactly its commands to the dev guild, with bodies Discord accepts', async () => {
    const put = await h.standIn.recorder.waitForRoute('PUT /applications/:application_id/guilds/:guild_id/commands');
    expect(put.status).toBe(200);
    const names = (put.body as { name: string }[]).map((c) => c.name).sort();
    expect(names).toEqual(COMMANDS.map((c) => c.definition.name).sort());
    expect(names).toEqual(expect.arrayContaining(['checkin', 'progress', 'settings', 'sos', 'setup', 'group', 'homegroup', 'couple']));
    expect(h.standIn.recorder.requests.some((r) => r.route === 'PUT /applications/:application_id/commands')).toBe(false);
  });

  it('does not register again after a restart when nothing changed', async () => {
    h.standIn.recorder.clear();
    await h.restart();
    await h.standIn.recorder.waitForRoute('GET /applications/:application_id/guilds/:guild_id/commands');
    expect(h.standIn.recorder.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('/checkin stores today’s check-in and answers privately', async () => {
    const reply = await h.slash(h.alice, 'checkin', { sober: true, craving: 2, mood: 4, meeting: true, note: 'called my sponsor' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Checked in for Sunday, November 22, 2026');
    expect(reply.content).toContain('craving: **2/10**');
    expect(reply.content).not.toContain('called my sponsor');

    const rows = await h.tandem.db.checkIn.findMany({ where: { member: { userId: h.alice.user.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ localDate: '2026-11-22', sober: true, craving: 2, mood: 4, meeting: true, share: 'private' });
    expect(rows[0]!.noteSealed).not.toContain('sponsor');
    expect(createSealer(testKey).open(rows[0]!.noteSealed!)).toBe('called my sponsor');
  });

  it('a second /checkin the same day updates it', async () => {
    const reply = await h.slash(h.alice, 'checkin', { sober: true, mood: 5 }).reply();
    expect(reply.content).toContain('Updated your check-in');
    const rows = await h.tandem.db.checkIn.findMany({ where: { member: { userId: h.alice.user.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mood: 5, craving: 2 });
  });

  it('a craving of 8 brings crisis lines with the reply', async () => {
    const reply = await h.slash(h.bob, 'checkin', { sober: true, craving: 8 }).reply();
    expect(reply.content).toContain('988');
    expect(reply.content).toContain('1-800-662-4357');
  });

  it('/settings autocompletes timezones and stores timezone and clean date', async () => {
    const completion = await h.standIn
      .invoke(build.autocomplete({ guildId: h.guildId, channelId: h.channelId, member: h.alice, name: 'settings', options: [], focused: { name: 'timezone', value: 'madr' } }))
      .response();
    expect(completion.type).toBe(8);
    expect(completion.data.choices).toContainEqual({ name: 'Europe/Madrid', value: 'Europe/Madrid' });

    const reply = await h.slash(h.alice, 'settings', { timezone: 'Europe/Madrid', clean_date: '2025-10-06' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Settings saved');
    const member = await h.tandem.db.member.findFirst({ where: { userId: h.alice.user.id } });
    expect(member).toMatchObject({ timezone: 'Europe/Madrid', cleanDate: '2025-10-06' });
  });

  it('a bad timezone gets a friendly error and changes nothing', async () => {
    const reply = await h.slash(h.alice, 'settings', { timezone: 'Mars/Olympus', clean_date: '2024-01-01' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('I don\'t know the timezone "Mars/Olympus"');
    expect(reply.content).not.toMatch(/Error|at .*\.ts/);
    const member = await h.tandem.db.member.findFirst({ where: { userId: h.alice.user.id } });
    expect(member).toMatchObject({ timezone: 'Europe/Madrid', cleanDate: '2025-10-06' });
  });

  it('/progress shows what was stored', async () => {
    const reply = await h.slash(h.alice, 'progress').reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('**412 days** (1 year, 1 month, 16 days)');
    expect(reply.content).toContain('Check-in streak: **1 day**');
    expect(reply.content).toContain('Next milestone: **2 years**');
    expect(reply.content).toMatch(/Last 14 days: ⬜{13}🟩/u);
  });

  it('/sos lists the region’s crisis lines, in the server and in a DM', async () => {
    for (const reply of [await h.slash(h.bob, 'sos').reply(), await h.slash(h.bob, 'sos', {}, { guildId: null }).reply()]) {
      expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toMatch(/988|findahelpline/);
    }
  });

  it('a server-only command from a DM is refused kindly', async () => {
    const reply = await h.slash(h.bob, 'checkin', { sober: true }, { guildId: null }).reply();
    expect(reply.content).toContain('works inside your recovery server');
  });

  it('an internal failure gets a generic reply with a reference, never the internal message', async () => {
    await h.tandem.db.$executeRawUnsafe('DROP TABLE check_ins');
    const reply = await h.slash(h.bob, 'checkin', { sober: true }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/something went wrong on my side.*reference: [0-9a-f]{6}/s);
    expect(reply.content).not.toMatch(/check_ins|prisma|table/i);
  });

  it('every message the bot sent was private or a command registration', () => {
    const posted = h.standIn.recorder.requests.filter((r) => r.method === 'POST' && r.route.startsWith('POST /channels/'));
    expect(posted).toEqual([]);
  });

  it('shutting down lets an interaction in progress finish its reply', async () => {
    h.standIn.faults.delayNext(1, 400, 'POST /interactions/:interaction_id/:interaction_token/callback');
    // The bot's own listener was attached first, so once this one runs the bot's work has begun.
    const received = new Promise((resolve) => h.tandem.client.once('interactionCreate', resolve));
    const transcript = h.slash(h.alice, 'sos');
    await received;
    await h.tandem.stop();
    const reply = await transcript.reply(100);
    expect(reply.content).toMatch(/988|findahelpline/);
    await h.restart();
  });
});
