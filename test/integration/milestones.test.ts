import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { LocalDate } from '../../src/domain/calendar.js';
import { retryPolicy } from '../../src/domain/milestoneDue.js';
import { silentLogger } from '../../src/logger.js';
import { postDueCoupleMilestones } from '../../src/services/coupleMilestoneTick.js';
import { tellDueMilestones } from '../../src/services/milestoneTick.js';
import type { Repositories } from '../../src/services/ports.js';
import { planMemberSlip, recordSlip } from '../../src/services/slips.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake } from '../support/fakes.js';
import { asCouple, inHomeGroup, memberWith, recordingDiscord } from '../support/recoveryFixtures.js';

describe.each(availableProviders())('milestones on %s', (provider) => {
  let db: Db;
  let repos: Repositories;
  let destroy: () => Promise<void>;
  const clock = fixedClock('2026-11-22T10:00:00Z');
  let discord = recordingDiscord();
  const deps = () => ({ repos, clock, discord: discord.port, logger: silentLogger });
  const sentTo = (to: string) => discord.sent.filter((s) => s.to === to);

  beforeAll(async () => {
    ({ db, destroy } = await openTestDb(provider));
    repos = createRepositories(db);
  });
  beforeEach(async () => {
    discord = recordingDiscord();
    // Each test starts from a clean slate of candidates.
    await db.member.deleteMany({});
  });
  afterAll(async () => destroy?.());

  it('a claim succeeds once, even when several processes race for it', async () => {
    const member = await memberWith(repos, snowflake(), { cleanDate: '2026-10-23' });
    const claims = await Promise.all(Array.from({ length: 6 }, () => repos.milestones.claim(member.id, '2026-10-23' as LocalDate, '30d', clock.now(), retryPolicy(clock.now()))));
    expect(claims.filter(Boolean)).toEqual([1]);
    const partner = await memberWith(repos, member.guildId);
    const couple = await asCouple(repos, member, partner);
    const coupleClaims = await Promise.all(
      Array.from({ length: 6 }, () => repos.milestones.claimForCouple(couple.id, '30d', '2026-10-23' as LocalDate, clock.now(), retryPolicy(clock.now()))),
    );
    expect(coupleClaims.filter(Boolean)).toEqual([1]);
  });

  it('tells the member on the right local day, once, and nobody else unless they opted in', async () => {
    // 30 days on 2026-11-22 in Madrid; 10:00Z is 11:00 there. In Los Angeles it is 02:00 on the 22nd.
    const madrid = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    await inHomeGroup(repos, madrid);
    const early = await memberWith(repos, snowflake(), { timezone: 'America/Los_Angeles', cleanDate: '2026-10-23' });

    expect(await tellDueMilestones(deps())).toBe(1);
    expect(discord.sent).toEqual([{ kind: 'dm', to: madrid.userId, content: expect.stringContaining('**30 days** clean today') }]);
    expect(await tellDueMilestones(deps())).toBe(0);
    expect(discord.sent).toHaveLength(1);

    clock.set('2026-11-22T17:00:00Z'); // 09:00 in Los Angeles
    expect(await tellDueMilestones(deps())).toBe(1);
    expect(sentTo(early.userId)).toHaveLength(1);
    clock.set('2026-11-22T10:00:00Z');
  });

  it('posts in the home group only when the member turned announcements on', async () => {
    const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23', announceMilestones: true });
    const { channelId } = await inHomeGroup(repos, member);
    await tellDueMilestones(deps());
    expect(sentTo(channelId)).toEqual([{ kind: 'channel', to: channelId, content: `🎉 <@${member.userId}> reached **30 days** clean today. Congratulations!` }]);
    expect(sentTo(member.userId)[0]!.content).toContain('Your home group is celebrating with you');
  });

  it('with DMs closed, the milestone is not pushed anywhere else', async () => {
    const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    await inHomeGroup(repos, member);
    discord.closedDms.add(member.userId);
    expect(await tellDueMilestones(deps())).toBe(1);
    expect(discord.sent).toEqual([]);
  });

  it('a partner hears about a milestone only when the member shares milestones with them, by DM even with a couple channel', async () => {
    const guildId = snowflake();
    const sharer = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    const partner = await memberWith(repos, guildId, { timezone: 'Europe/Madrid' });
    await asCouple(repos, sharer, partner, { shareA: { milestones: true }, channelId: 'their-couple-channel' });
    const private1 = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    const partner2 = await memberWith(repos, guildId);
    await asCouple(repos, private1, partner2, { shareA: { sober: true, streak: true, checkInDone: true } });

    await tellDueMilestones(deps());
    expect(sentTo(partner.userId)).toEqual([{ kind: 'dm', to: partner.userId, content: expect.stringContaining(`<@${sharer.userId}> reached **30 days**`) }]);
    // The couple channel can be read by the facilitator role: the member consented to what the partner sees.
    expect(sentTo('their-couple-channel')).toEqual([]);
    expect(sentTo(partner2.userId)).toEqual([]);
  });

  it('a couple milestone is posted once in the couple channel, when both are past it and both share milestones', async () => {
    const guildId = snowflake();
    const a = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-06-01' });
    const b = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    await asCouple(repos, a, b, { shareA: { milestones: true }, shareB: { milestones: true }, channelId: 'couple-channel' });
    const c = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-06-01' });
    const d = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
    await asCouple(repos, c, d, { shareA: { milestones: true }, channelId: 'other-couple-channel' });

    expect(await postDueCoupleMilestones(deps())).toBe(1);
    expect(await postDueCoupleMilestones(deps())).toBe(0);
    expect(sentTo('couple-channel')).toEqual([{ kind: 'channel', to: 'couple-channel', content: expect.stringContaining('You have both reached **30 days**') }]);
    expect(sentTo('couple-channel')[0]!.content).not.toMatch(/<@|first|ahead|longer|more than/);
    expect(sentTo('other-couple-channel')).toEqual([]);
  });

  describe('delivery: nothing lost after a failure or a crash, nothing doubled', () => {
    const notice = (memberId: string) => db.milestoneNotice.findFirstOrThrow({ where: { memberId } });
    const tickAt = async (iso: string) => {
      clock.set(iso);
      return tellDueMilestones(deps());
    };
    afterEach(() => clock.set('2026-11-22T10:00:00Z'));

    it('a telling that failed is retried on a later tick, with the same keys, and marked delivered once it went through', async () => {
      const guildId = snowflake();
      const member = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23', announceMilestones: true });
      const { channelId } = await inHomeGroup(repos, member);
      const partner = await memberWith(repos, guildId);
      await asCouple(repos, member, partner, { shareA: { milestones: true } });
      discord.failNext(1);
      expect(await tickAt('2026-11-22T10:00:00Z')).toBe(1);
      expect(discord.sent).toEqual([]);
      expect(await notice(member.id)).toMatchObject({ attempts: 1, deliveredAt: null });

      expect(await tickAt('2026-11-22T10:01:00Z')).toBe(0); // too soon: another process may still be sending it
      expect(await tickAt('2026-11-22T10:05:00Z')).toBe(1);
      expect(discord.sent.map((s) => s.to)).toEqual([member.userId, channelId, partner.userId]);
      expect(await notice(member.id)).toMatchObject({ attempts: 2, deliveredAt: new Date('2026-11-22T10:05:00Z') });
      expect(await tickAt('2026-11-22T10:10:00Z')).toBe(0);
      expect(discord.sent).toHaveLength(3);

      const base = `milestone:${member.id}:2026-10-23:30d`;
      expect(discord.attempts.map((a) => [a.outcome, a.key])).toEqual([
        ['failed', `${base}:member`],
        ['sent', `${base}:member`],
        ['sent', `${base}:homegroup`],
        ['sent', `${base}:partner`],
      ]);
    });

    it('a retry sends only what the failed attempt had not: the member is not told twice', async () => {
      const guildId = snowflake();
      const member = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23', announceMilestones: true });
      const { channelId } = await inHomeGroup(repos, member);
      const partner = await memberWith(repos, guildId);
      await asCouple(repos, member, partner, { shareA: { milestones: true } });
      discord.failNextTo(channelId, 1);
      expect(await tickAt('2026-11-22T10:00:00Z')).toBe(1);
      expect(discord.sent.map((s) => s.to)).toEqual([member.userId]);
      expect(await tickAt('2026-11-22T10:05:00Z')).toBe(1);
      expect(discord.sent.map((s) => s.to)).toEqual([member.userId, channelId, partner.userId]);
      expect(await notice(member.id)).toMatchObject({ attempts: 2, deliveredAt: expect.any(Date) });
    });

    it('a crash between the claim and the telling loses nothing: a later tick tells it', async () => {
      const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
      expect(await repos.milestones.claim(member.id, '2026-10-23' as LocalDate, '30d', clock.now(), retryPolicy(clock.now()))).toBe(1);
      expect(await tickAt('2026-11-22T10:02:00Z')).toBe(0);
      expect(await tickAt('2026-11-22T10:05:00Z')).toBe(1);
      expect(sentTo(member.userId)).toEqual([expect.objectContaining({ content: expect.stringContaining('**30 days** clean today') })]);
      expect(await notice(member.id)).toMatchObject({ attempts: 2, deliveredAt: expect.any(Date) });
    });

    it('gives up after five attempts', async () => {
      const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
      discord.failNext(1000);
      for (const minute of ['00', '05', '10', '15', '20', '25', '30']) await tickAt(`2026-11-22T10:${minute}:00Z`);
      expect(discord.attempts).toHaveLength(5);
      expect(await notice(member.id)).toMatchObject({ attempts: 5, deliveredAt: null });
    });

    it('closed DMs are final: the notice is delivered, and the member is never tried again', async () => {
      const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
      discord.closedDms.add(member.userId);
      expect(await tickAt('2026-11-22T10:00:00Z')).toBe(1);
      expect(await tickAt('2026-11-22T10:05:00Z')).toBe(0);
      expect(discord.attempts).toEqual([{ kind: 'dm', to: member.userId, key: `milestone:${member.id}:2026-10-23:30d:member`, outcome: 'closed' }]);
      expect(await notice(member.id)).toMatchObject({ attempts: 1, deliveredAt: new Date('2026-11-22T10:00:00Z') });
    });

    it('a refusal (no permission in the home-group channel) is final: the member is not told again for it', async () => {
      const member = await memberWith(repos, snowflake(), { timezone: 'Europe/Madrid', cleanDate: '2026-10-23', announceMilestones: true });
      const { channelId } = await inHomeGroup(repos, member);
      discord.refused.add(channelId);
      expect(await tickAt('2026-11-22T10:00:00Z')).toBe(1);
      expect(await tickAt('2026-11-22T10:05:00Z')).toBe(0);
      expect(discord.attempts.map((a) => [a.to, a.outcome])).toEqual([
        [member.userId, 'sent'],
        [channelId, 'failed'],
      ]);
      expect(await notice(member.id)).toMatchObject({ attempts: 1, deliveredAt: expect.any(Date) });
    });

    it('a couple milestone that could not be posted is posted on a later tick, once, with the same key', async () => {
      const guildId = snowflake();
      const a = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-06-01' });
      const b = await memberWith(repos, guildId, { timezone: 'Europe/Madrid', cleanDate: '2026-10-23' });
      const couple = await asCouple(repos, a, b, { shareA: { milestones: true }, shareB: { milestones: true }, channelId: 'retry-couple-channel' });
      discord.failNext(1);
      expect(await postDueCoupleMilestones(deps())).toBe(1);
      expect(await db.coupleMilestoneNotice.findFirstOrThrow({ where: { coupleId: couple.id } })).toMatchObject({ attempts: 1, deliveredAt: null });
      clock.set('2026-11-22T10:05:00Z');
      expect(await postDueCoupleMilestones(deps())).toBe(1);
      clock.set('2026-11-22T10:10:00Z');
      expect(await postDueCoupleMilestones(deps())).toBe(0);
      expect(sentTo('retry-couple-channel')).toHaveLength(1);
      expect(discord.attempts.map((x) => x.key)).toEqual([`couple-milestone:${couple.id}:30d:2026-10-23`, `couple-milestone:${couple.id}:30d:2026-10-23`]);
      expect(await db.coupleMilestoneNotice.findFirstOrThrow({ where: { coupleId: couple.id } })).toMatchObject({ attempts: 2, deliveredAt: new Date('2026-11-22T10:05:00Z') });
    });
  });

  it('after a slip that restarts clean time, the new period has its own milestones and the old notices stay', async () => {
    const member = await memberWith(repos, snowflake(), { cleanDate: '2026-01-01' });
    await repos.milestones.claim(member.id, '2026-01-01' as LocalDate, '90d', clock.now());
    clock.set('2026-11-20T12:00:00Z');
    await recordSlip(deps(), await planMemberSlip(deps(), member, { date: undefined, restartCleanTime: true, tellPartner: false }));
    clock.set('2026-11-22T10:00:00Z'); // 24 hours on 2026-11-22
    expect(await tellDueMilestones(deps())).toBe(1);
    expect(sentTo(member.userId)[0]!.content).toContain('**24 hours**');
    const notices = await db.milestoneNotice.findMany({ where: { memberId: member.id }, orderBy: { cleanDate: 'asc' } });
    expect(notices.map((n) => [n.cleanDate, n.key])).toEqual([['2026-01-01', '90d'], ['2026-11-21', '1d']]);
  });
});
