import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/botHarness.js';
import { dmsTo, postsIn, setUpCommunity, type Community } from '../support/community.js';
import { availableProviders } from '../support/databases.js';
import { expectNothingPrivatePosted } from '../support/privacyScan.js';

describe.each(availableProviders())('milestones on the right local day, through the stand-in (%s)', (provider) => {
  let h: Harness;
  let c: Community;
  let coupleChannelId: string;
  const milestoneDms = (who: Harness['alice']) => dmsTo(h, who).filter((text) => text.startsWith('🎉'));
  const tickAt = async (iso: string) => {
    h.clock.set(iso);
    await h.tandem.scheduler.runOnce();
  };

  beforeAll(async () => {
    h = await startHarness(provider, { now: '2026-11-23T12:00:00Z' });
    c = await setUpCommunity(h);
    await h.slash(h.carol, 'homegroup join', { group: 'Serenity' }).reply();
    // Carol lives in Auckland (UTC+13 in November): 30 days on 2026-11-24, which starts there at 2026-11-23T11:00Z.
    await h.slash(h.carol, 'settings', { timezone: 'Pacific/Auckland', clean_date: '2026-10-25', milestone_announcements: true }).reply();
    // Alice and Bob in Madrid (UTC+1): Bob reaches 30 days on 2026-11-24; Alice is past it already.
    await h.slash(h.alice, 'settings', { timezone: 'Europe/Madrid', clean_date: '2026-06-01' }).reply();
    await h.slash(h.bob, 'settings', { timezone: 'Europe/Madrid', clean_date: '2026-10-25' }).reply();
    for (const who of [h.alice, h.bob]) await h.slash(who, 'couple share', { milestones: true }).reply();
    for (const who of [h.alice, h.bob]) await h.slash(who, 'couple channel').reply();
    coupleChannelId = (await h.tandem.db.couple.findUniqueOrThrow({ where: { id: c.coupleId } })).channelId!;
  });
  afterAll(async () => h?.stop());

  it('is not told the day before, nor before 09:00 on the day', async () => {
    await tickAt('2026-11-23T10:59:00Z'); // 23:59 on the 23rd in Auckland
    await tickAt('2026-11-23T19:59:00Z'); // 08:59 on the 24th
    expect(milestoneDms(h.carol)).toEqual([]);
  });

  it('is told to the member at 09:00 on her own local day, and posted in her home group because she opted in', async () => {
    const groupPosts = postsIn(h, c.serenityChannelId).length;
    await tickAt('2026-11-23T20:00:00Z');
    expect(milestoneDms(h.carol)).toEqual([expect.stringContaining('🎉 You reached **30 days** clean today.')]);
    expect(postsIn(h, c.serenityChannelId).slice(groupPosts)).toEqual([`🎉 <@${h.carol.user.id}> reached **30 days** clean today. Congratulations!`]);
  });

  it('is told once: later ticks, and a restarted bot, do not tell it again', async () => {
    await tickAt('2026-11-23T20:05:00Z');
    await tickAt('2026-11-24T03:00:00Z');
    await h.restart();
    await tickAt('2026-11-24T05:00:00Z');
    expect(milestoneDms(h.carol)).toHaveLength(1);
    expect(postsIn(h, c.serenityChannelId).filter((text) => text.includes('30 days'))).toHaveLength(1);
  });

  it('a crash after telling, before it was recorded: the next tick retries with the same nonces and Discord keeps one copy', async () => {
    const carol = await h.tandem.db.member.findFirstOrThrow({ where: { userId: h.carol.user.id, guildId: h.guildId } });
    const sends = () =>
      h.standIn.recorder.requests.filter((r) => r.route === 'POST /channels/:channel_id/messages' && JSON.stringify(r.body).includes('**30 days**') && JSON.stringify(r.body).includes('🎉'));
    const before = sends().length;
    // As if the process died between Discord's answers and recording them (no part recorded yet).
    await h.tandem.db.milestoneNotice.updateMany({ where: { memberId: carol.id }, data: { deliveredAt: null, deliveredParts: '' } });
    await tickAt('2026-11-24T05:05:00Z');
    const retried = sends().slice(before);
    expect(retried).toHaveLength(2); // her DM and her home-group line, sent again
    for (const request of retried) expect(request.body).toMatchObject({ nonce: expect.stringMatching(/^[0-9a-z]{1,25}$/), enforce_nonce: true });
    const firstNonces = sends().slice(0, before).map((r) => (r.body as { nonce?: string }).nonce);
    expect(firstNonces).toEqual(retried.map((r) => (r.body as { nonce: string }).nonce));
    expect(milestoneDms(h.carol)).toHaveLength(1);
    expect(postsIn(h, c.serenityChannelId).filter((text) => text.includes('30 days'))).toHaveLength(1);
    expect(await h.tandem.db.milestoneNotice.findFirstOrThrow({ where: { memberId: carol.id } })).toMatchObject({ attempts: 2, deliveredAt: expect.any(Date) });
  });

  it('a couple milestone: Bob is told, his partner hears by DM because he shares milestones, and the couple channel celebrates both, once', async () => {
    await tickAt('2026-11-24T07:59:00Z'); // 08:59 in Madrid
    expect(milestoneDms(h.bob)).toEqual([]);
    // Discord answers 500 to opening Bob's DM on every try discord.js makes (4): the milestone is not lost, the next tick tells it.
    h.standIn.faults.failNext(4, { status: 500, route: 'POST /users/@me/channels' });
    await tickAt('2026-11-24T08:00:00Z');
    expect(milestoneDms(h.bob)).toEqual([]);
    await tickAt('2026-11-24T08:05:00Z');
    await tickAt('2026-11-24T08:10:00Z');
    expect(milestoneDms(h.bob)).toEqual([expect.stringContaining('You reached **30 days** clean today')]);
    expect(milestoneDms(h.alice)).toEqual([`🎉 <@${h.bob.user.id}> reached **30 days** clean today, and wanted you to know.`]);
    const celebrations = postsIn(h, coupleChannelId).filter((text) => text.startsWith('🎉') || text.startsWith('💞'));
    // Only the couple line, which names no one: the facilitator role can read this channel.
    expect(celebrations).toEqual(['💞 You have both reached **30 days** clean, each on your own path, side by side. Congratulations to you both.']);
    expect(postsIn(h, c.harborChannelId).filter((text) => text.includes('30 days'))).toEqual([]);
  });

  it('nothing the bot posted outside an ephemeral reply carries slip, craving, mood or note data, nor clean time nobody chose to post', () => {
    expectNothingPrivatePosted(h, {
      notes: [],
      slipDates: [],
      chosenPosts: [
        `🎉 <@${h.carol.user.id}> reached **30 days** clean today. Congratulations!`, // Carol turned milestone announcements on
        '💞 You have both reached **30 days** clean, each on your own path, side by side. Congratulations to you both.', // both share milestones
      ],
    });
  });
});
