import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { LocalDate } from '../../src/domain/calendar.js';
import { InvalidInputError } from '../../src/domain/errors.js';
import { silentLogger } from '../../src/logger.js';
import { formatSlipReply } from '../../src/replies/slip.js';
import { getProgress } from '../../src/services/progress.js';
import type { Repositories } from '../../src/services/ports.js';
import { planMemberSlip, recordSlip, type SlipRequest } from '../../src/services/slips.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake } from '../support/fakes.js';
import { asCouple, inHomeGroup, memberWith, recordingDiscord } from '../support/recoveryFixtures.js';
import { withoutMentions } from '../support/mentions.js';

describe.each(availableProviders())('slips on %s', (provider) => {
  let db: Db;
  let repos: Repositories;
  let destroy: () => Promise<void>;
  const clock = fixedClock('2026-11-22T15:00:00Z');
  const discord = recordingDiscord();
  const deps = () => ({ repos, clock, discord: discord.port, logger: silentLogger });
  const slip = async (guildId: string, userId: string, request: Partial<SlipRequest> & { restartCleanTime: boolean }) =>
    recordSlip(deps(), await planMemberSlip(deps(), { guildId, userId }, { date: undefined, tellPartner: false, ...request }));

  beforeAll(async () => {
    ({ db, destroy } = await openTestDb(provider));
    repos = createRepositories(db);
  });
  afterAll(async () => destroy?.());

  it('a backdated slip that restarts clean time keeps the earlier period, the milestones told and the streak', async () => {
    const member = await memberWith(repos, snowflake(), { timezone: 'America/New_York', cleanDate: '2026-01-01' });
    await repos.milestones.claim(member.id, '2026-01-01' as LocalDate, '30d', clock.now());
    await repos.checkIns.upsert({ memberId: member.id, localDate: '2026-11-22' as LocalDate, sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined });

    const outcome = await slip(member.guildId, member.userId, { date: '2026-11-10', restartCleanTime: true });
    expect(outcome).toMatchObject({ keptDays: 313, partner: 'not-asked', plan: { newCleanDate: '2026-11-11' } });
    expect(await repos.members.get(member.id)).toMatchObject({ cleanDate: '2026-11-11' });
    expect(await repos.slips.listCleanPeriods(member.id)).toEqual([{ startDate: '2026-01-01', endDate: '2026-11-10' }]);
    expect(await db.milestoneNotice.count({ where: { memberId: member.id } })).toBe(1);
    expect(await db.slip.findMany({ where: { memberId: member.id } })).toEqual([
      expect.objectContaining({ localDate: '2026-11-10', restartedCleanTime: true, toldPartner: false }),
    ]);

    const progress = await getProgress(deps(), member);
    expect(progress).toMatchObject({ cleanTime: { days: 11 }, streak: 1, latestMilestone: { key: '7d' }, earlierPeriods: [{ startDate: '2026-01-01' }] });
    expect(discord.sent).toEqual([]);
  });

  it('a slip that keeps clean time only adds to the private history', async () => {
    const member = await memberWith(repos, snowflake(), { cleanDate: '2026-03-01' });
    const outcome = await slip(member.guildId, member.userId, { restartCleanTime: false });
    expect(outcome.plan).toEqual({ slipDate: '2026-11-22', closedPeriod: undefined, newCleanDate: undefined });
    expect(await repos.members.get(member.id)).toMatchObject({ cleanDate: '2026-03-01' });
    expect(await repos.slips.listCleanPeriods(member.id)).toEqual([]);
    expect(await db.slip.count({ where: { memberId: member.id } })).toBe(1);
  });

  it('a slip today with a restart: the new clean time begins tomorrow, in the member timezone', async () => {
    clock.set('2026-11-23T02:00:00Z'); // still the 22nd in Los Angeles
    const member = await memberWith(repos, snowflake(), { timezone: 'America/Los_Angeles', cleanDate: '2026-10-01' });
    await slip(member.guildId, member.userId, { restartCleanTime: true });
    expect(await repos.members.get(member.id)).toMatchObject({ cleanDate: '2026-11-23' });
    expect((await getProgress(deps(), member)).cleanTime).toBeUndefined();
    clock.set('2026-11-22T15:00:00Z');
  });

  it.each([
    ['2026-11-23', /after today/],
    ['2026-13-01', /year-month-day/],
    ['2025-12-01', /before your current clean time began/],
  ])('bad input (%s) changes nothing', async (date, message) => {
    const member = await memberWith(repos, snowflake(), { cleanDate: '2026-01-01' });
    await expect(planMemberSlip(deps(), member, { date, restartCleanTime: true, tellPartner: true })).rejects.toThrow(message);
    expect(await db.slip.count({ where: { memberId: member.id } })).toBe(0);
    expect(await repos.members.get(member.id)).toMatchObject({ cleanDate: '2026-01-01' });
  });

  it('bad input from a first-time member does not even create their record', async () => {
    const who = { guildId: snowflake(), userId: snowflake() };
    await expect(planMemberSlip(deps(), who, { date: '2030-01-01', restartCleanTime: true, tellPartner: false })).rejects.toThrow(InvalidInputError);
    expect(await db.member.count({ where: { userId: who.userId } })).toBe(0);
  });

  it('telling the partner sends one private, detail-free message pointing to their own home group', async () => {
    discord.sent.length = 0;
    const guildId = snowflake();
    const member = await memberWith(repos, guildId, { cleanDate: '2026-01-01' });
    const { channelId, member: partner } = await inHomeGroup(repos, await memberWith(repos, guildId));
    await asCouple(repos, member, partner, { paused: true });

    const outcome = await slip(guildId, member.userId, { date: '2026-11-20', restartCleanTime: true, tellPartner: true });
    expect(outcome.partner).toBe('told');
    expect(discord.sent).toHaveLength(1);
    const [dm] = discord.sent;
    expect(dm).toMatchObject({ kind: 'dm', to: partner.userId });
    expect(dm!.content).toContain(`<#${channelId}>`);
    expect(dm!.content).toMatch(/sponsor/);
    expect(dm!.content).toContain('/checkin');
    expect(withoutMentions(dm!.content)).not.toMatch(/slip|relapse|2026|clean time|restart|days/i);
    const stored = await db.slip.findFirstOrThrow({ where: { memberId: member.id } });
    expect(stored).toMatchObject({ toldPartner: true });
    expect(discord.attempts.at(-1)).toMatchObject({ kind: 'dm', to: partner.userId, key: `slip:${stored.id}:partner`, outcome: 'sent' });
  });

  it('says so when the partner cannot be told, and tells nobody else', async () => {
    discord.sent.length = 0;
    const guildId = snowflake();
    const alone = await memberWith(repos, guildId);
    expect((await slip(guildId, alone.userId, { restartCleanTime: false, tellPartner: true })).partner).toBe('no-partner');
    const member = await memberWith(repos, guildId);
    const partner = await memberWith(repos, guildId);
    await asCouple(repos, member, partner);
    discord.closedDms.add(partner.userId);
    expect((await slip(guildId, member.userId, { restartCleanTime: false, tellPartner: true })).partner).toBe('dms-closed');
    expect(discord.sent).toEqual([]);
    // What is stored is what happened: the partner was not told.
    expect(await db.slip.findMany({ where: { memberId: { in: [alone.id, member.id] } }, select: { toldPartner: true } })).toEqual([{ toldPartner: false }, { toldPartner: false }]);
  });

  it('a partner message that failed is recorded as not told, and the reply says so', async () => {
    discord.sent.length = 0;
    const guildId = snowflake();
    const [member, partner] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, member, partner);
    discord.failNext(1);
    const outcome = await slip(guildId, member.userId, { restartCleanTime: false, tellPartner: true });
    expect(outcome.partner).toBe('undelivered');
    expect(formatSlipReply(outcome)).toContain("I couldn't reach your partner");
    expect(formatSlipReply(outcome)).not.toContain('I told your partner');
    expect(await db.slip.findFirstOrThrow({ where: { memberId: member.id } })).toMatchObject({ toldPartner: false });
    expect(discord.sent).toEqual([]);
  });
});
