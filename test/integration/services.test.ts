import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { InvalidInputError } from '../../src/domain/errors.js';
import { recordCheckIn } from '../../src/services/checkIns.js';
import { getProgress } from '../../src/services/progress.js';
import { updateSettings } from '../../src/services/settings.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake, testSealer } from '../support/fakes.js';

describe.each(availableProviders())('check-in, settings and progress services on %s', (provider) => {
  let db: Db;
  let destroy: () => Promise<void>;
  const clock = fixedClock('2026-11-22T03:30:00Z');
  const deps = () => ({ repos: createRepositories(db), clock, sealer: testSealer });
  const ids = () => ({ guildId: snowflake(), userId: snowflake() });

  beforeAll(async () => ({ db, destroy } = await openTestDb(provider)));
  afterAll(async () => destroy?.());

  it('counts the day in the member timezone: 03:30 UTC is still Saturday in New York', async () => {
    clock.set('2026-11-22T03:30:00Z');
    const who = ids();
    await updateSettings(deps(), who, { timezone: 'America/New_York' });
    const outcome = await recordCheckIn(deps(), who, { sober: true, share: 'private' });
    expect(outcome).toMatchObject({ localDate: '2026-11-21', created: true, timezoneIsSet: true, streak: 1 });
    clock.set('2026-11-22T05:30:00Z');
    const next = await recordCheckIn(deps(), who, { sober: true, share: 'private' });
    expect(next).toMatchObject({ localDate: '2026-11-22', created: true, streak: 2 });
  });

  it('stores the note sealed, never as plaintext', async () => {
    const who = ids();
    const outcome = await recordCheckIn(deps(), who, { sober: true, note: 'talked to my sponsor', share: 'private' });
    const row = await db.checkIn.findUniqueOrThrow({ where: { id: outcome.checkIn.id } });
    expect(row.noteSealed).toBeTruthy();
    expect(row.noteSealed).not.toContain('sponsor');
    expect(testSealer.open(row.noteSealed!)).toBe('talked to my sponsor');
  });

  it('answers a craving of 8 or more with the region’s help lines', async () => {
    const high = await recordCheckIn(deps(), ids(), { sober: true, craving: 8, share: 'private' });
    expect(high.helpLines?.map((l) => l.contact)).toEqual(expect.arrayContaining(['1-800-662-4357']));
    const low = await recordCheckIn(deps(), ids(), { sober: true, craving: 7, share: 'private' });
    expect(low.helpLines).toBeUndefined();
  });

  it('bad input changes nothing: an unknown timezone with a valid clean date stores neither', async () => {
    const who = ids();
    await expect(updateSettings(deps(), who, { timezone: 'Mars/Base', cleanDate: '2025-01-01' })).rejects.toThrow(InvalidInputError);
    expect(await db.member.count({ where: { userId: who.userId } })).toBe(0);
    await expect(updateSettings(deps(), who, { cleanDate: '2099-01-01' })).rejects.toThrow(InvalidInputError);
    await expect(updateSettings(deps(), who, { cleanDate: 'soon' })).rejects.toThrow(InvalidInputError);
    expect(await db.member.count({ where: { userId: who.userId } })).toBe(0);
  });

  it('refuses a clean date in the future or in the wrong format, keeping the old one', async () => {
    clock.set('2026-11-22T12:00:00Z');
    const who = ids();
    await updateSettings(deps(), who, { cleanDate: '2026-01-01' });
    await expect(updateSettings(deps(), who, { cleanDate: '2026-11-23' })).rejects.toThrow(/later than today/);
    await expect(updateSettings(deps(), who, { cleanDate: '01/02/2026' })).rejects.toThrow(/year-month-day/);
    const member = await createRepositories(db).members.find(who.guildId, who.userId);
    expect(member?.cleanDate).toBe('2026-01-01');
  });

  it('shows clean time, streak, next milestone and the last 14 days', async () => {
    clock.set('2026-11-22T12:00:00Z');
    const who = ids();
    await updateSettings(deps(), who, { timezone: 'Europe/Madrid', cleanDate: '2025-10-06' });
    for (const day of ['2026-11-19T12:00:00Z', '2026-11-20T12:00:00Z', '2026-11-21T12:00:00Z']) {
      clock.set(day);
      await recordCheckIn(deps(), who, { sober: day !== '2026-11-20T12:00:00Z', share: 'private' });
    }
    clock.set('2026-11-22T12:00:00Z');
    const progress = await getProgress(deps(), who);
    expect(progress.cleanTime).toEqual({ days: 412, years: 1, months: 1, remainderDays: 16 });
    expect(progress.streak).toBe(3);
    expect(progress.nextMilestone).toMatchObject({ key: '2y', date: '2027-10-06' });
    expect(progress.lastDays).toHaveLength(14);
    expect(progress.lastDays.slice(-4).map((day) => day.status)).toEqual(['sober', 'rough', 'sober', 'none']);
  });
});
