import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { Db } from '../../src/db/client.js';
import type { Repositories } from '../../src/services/ports.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake } from '../support/fakes.js';

const d = (text: string) => text as LocalDate;

describe.each(availableProviders())('repositories on %s', (provider) => {
  let db: Db;
  let repos: Repositories;
  let destroy: () => Promise<void>;

  beforeAll(async () => {
    ({ db, destroy } = await openTestDb(provider));
    repos = createRepositories(db);
  });
  afterAll(async () => destroy?.());

  it('creates a guild with the default region once', async () => {
    const guildId = snowflake();
    const [a, b] = await Promise.all([repos.guilds.ensure(guildId), repos.guilds.ensure(guildId)]);
    expect(a).toEqual({ id: guildId, region: 'US', language: 'en', moderatorRoleId: undefined, facilitatorRoleId: undefined, categoryId: undefined, configured: false });
    expect(b).toEqual(a);
    expect(await db.guild.count({ where: { id: guildId } })).toBe(1);
  });

  it('creates a member on first use, scoped by guild, and stores timezone and clean date', async () => {
    const [guildA, guildB, userId] = [snowflake(), snowflake(), snowflake()];
    const inA = await repos.members.ensure(guildA, userId);
    const inB = await repos.members.ensure(guildB, userId);
    expect(inA.id).not.toBe(inB.id);
    expect(inA).toMatchObject({ guildId: guildA, userId, timezone: undefined, cleanDate: undefined });
    const updated = await repos.members.update(inA.id, { timezone: 'Europe/Madrid', cleanDate: d('2025-03-14') });
    expect(updated).toMatchObject({ timezone: 'Europe/Madrid', cleanDate: '2025-03-14' });
    expect(await repos.members.find(guildB, userId)).toMatchObject({ timezone: undefined });
    expect(await repos.members.find(snowflake(), userId)).toBeUndefined();
  });

  it('keeps one check-in per member per local day; a second updates it and keeps unstated answers', async () => {
    const member = await repos.members.ensure(snowflake(), snowflake());
    const first = await repos.checkIns.upsert({
      memberId: member.id, localDate: d('2026-11-22'), sober: true, craving: 3, mood: 4, meeting: true, noteSealed: 'sealed-1', share: 'private',
    });
    expect(first.created).toBe(true);
    const second = await repos.checkIns.upsert({
      memberId: member.id, localDate: d('2026-11-22'), sober: false, craving: undefined, mood: 2, meeting: undefined, noteSealed: undefined, share: 'private',
    });
    expect(second.created).toBe(false);
    expect(second.checkIn).toMatchObject({ id: first.checkIn.id, sober: false, craving: 3, mood: 2, meeting: true, hasNote: true });
    expect(await db.checkIn.count({ where: { memberId: member.id } })).toBe(1);
  });

  it('two check-ins racing for the same day end as one row', async () => {
    const member = await repos.members.ensure(snowflake(), snowflake());
    const write = { memberId: member.id, localDate: d('2026-11-21'), sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined, share: 'private' as const };
    const results = await Promise.all([repos.checkIns.upsert(write), repos.checkIns.upsert({ ...write, mood: 3 })]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.checkIn.count({ where: { memberId: member.id } })).toBe(1);
  });

  it('lists check-ins in a date range, oldest first, and all dates for streaks', async () => {
    const member = await repos.members.ensure(snowflake(), snowflake());
    for (const date of ['2026-11-20', '2026-11-18', '2026-11-22', '2026-10-01']) {
      await repos.checkIns.upsert({ memberId: member.id, localDate: d(date), sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined, share: 'private' });
    }
    const range = await repos.checkIns.listBetween(member.id, d('2026-11-09'), d('2026-11-22'));
    expect(range.map((c) => c.localDate)).toEqual(['2026-11-18', '2026-11-20', '2026-11-22']);
    expect((await repos.checkIns.listDates(member.id)).sort()).toEqual(['2026-10-01', '2026-11-18', '2026-11-20', '2026-11-22']);
  });

  it('deleting a member deletes their check-ins (cascade)', async () => {
    const member = await repos.members.ensure(snowflake(), snowflake());
    await repos.checkIns.upsert({ memberId: member.id, localDate: d('2026-11-22'), sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined, share: 'private' });
    await db.member.delete({ where: { id: member.id } });
    expect(await db.checkIn.count({ where: { memberId: member.id } })).toBe(0);
  });

  it('a day\'s check-in is shared at most once per target, whatever the order', async () => {
    const member = await repos.members.ensure(snowflake(), snowflake());
    const day = d('2026-11-22');
    await repos.checkIns.upsert({ memberId: member.id, localDate: day, sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined, share: 'private' });
    const at = new Date('2026-11-22T12:00:00Z');
    const claims = [
      await repos.checkIns.claimShare(member.id, day, 'homegroup', at),
      await repos.checkIns.claimShare(member.id, day, 'partner', at),
      await repos.checkIns.claimShare(member.id, day, 'homegroup', at),
      await repos.checkIns.claimShare(member.id, day, 'partner', at),
    ];
    expect(claims).toEqual([true, true, false, false]);
    const next = d('2026-11-23');
    await repos.checkIns.upsert({ memberId: member.id, localDate: next, sober: true, craving: undefined, mood: undefined, meeting: undefined, noteSealed: undefined, share: 'private' });
    const racing = await Promise.all([1, 2, 3].map(() => repos.checkIns.claimShare(member.id, next, 'partner', at)));
    expect(racing.filter(Boolean)).toHaveLength(1);
  });
});
