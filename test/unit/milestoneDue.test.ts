import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type LocalDate } from '../../src/domain/calendar.js';
import { localDateTimeAt } from '../../src/domain/localTime.js';
import { dueCoupleMilestone, dueMilestone, mayRetry, MILESTONE_MAX_ATTEMPTS, MILESTONE_TELL_HOUR, retryPolicy } from '../../src/domain/milestoneDue.js';
import { milestonesFor, type Milestone } from '../../src/domain/milestones.js';
import { instantAtLocal, localDate, zone } from '../support/zones.js';

const d = (text: string) => text as LocalDate;
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

function firstMilestones(cleanDate: LocalDate, count: number): Milestone[] {
  const list: Milestone[] = [];
  for (const m of milestonesFor(cleanDate)) {
    if (list.length === count) break;
    list.push(m);
  }
  return list;
}

describe('when a milestone is due', () => {
  it('is due from 09:00 on its own local day, not at midnight and not the day before', () => {
    // Clean since 2026-10-23 in Madrid: 30 days on 2026-11-22 (CET, UTC+1).
    const clean = d('2026-10-23');
    expect(dueMilestone(clean, at('2026-11-21T22:00:00Z'), 'Europe/Madrid')).toBeUndefined(); // 23:00 the day before
    expect(dueMilestone(clean, at('2026-11-22T07:59:00Z'), 'Europe/Madrid')).toBeUndefined(); // 08:59 on the day
    expect(dueMilestone(clean, at('2026-11-22T08:00:00Z'), 'Europe/Madrid')).toMatchObject({ key: '30d', date: '2026-11-22' });
  });

  it('is still told the day after (catch-up after downtime), and never later', () => {
    const clean = d('2026-10-23');
    expect(dueMilestone(clean, at('2026-11-23T02:00:00Z'), 'Europe/Madrid')).toMatchObject({ key: '30d' });
    expect(dueMilestone(clean, at('2026-11-24T10:00:00Z'), 'Europe/Madrid')).toBeUndefined();
  });

  it('never tells old milestones after a clean date far in the past is set', () => {
    expect(dueMilestone(d('2019-05-01'), at('2026-11-22T12:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('tells nothing while a new clean time has not begun', () => {
    expect(dueMilestone(d('2026-11-23'), at('2026-11-22T20:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('counts the day in the member timezone: Auckland reaches it while New York is still on the day before', () => {
    const clean = d('2026-11-15'); // 7 days on 2026-11-22
    const instant = at('2026-11-21T21:00:00Z'); // 10:00 on the 22nd in Auckland, 16:00 on the 21st in New York
    expect(dueMilestone(clean, instant, 'Pacific/Auckland')).toMatchObject({ key: '7d' });
    expect(dueMilestone(clean, instant, 'America/New_York')).toBeUndefined();
  });

  it('every milestone is claimed exactly once, on its own local day from 09:00, across zones and DST changes', () => {
    fc.assert(
      fc.property(localDate, zone, fc.constantFrom(5, 15, 60, 97), (cleanDate, timeZone, stepMinutes) => {
        const claimed = new Map<string, { date: LocalDate; hour: number }>();
        for (const milestone of firstMilestones(cleanDate, 9)) {
          const from = instantAtLocal(addDays(milestone.date, -2), 12, 0, timeZone).getTime();
          const to = instantAtLocal(addDays(milestone.date, 3), 12, 0, timeZone).getTime();
          for (let t = from; t <= to; t += stepMinutes * 60_000) {
            const now = new Date(t);
            const due = dueMilestone(cleanDate, now, timeZone);
            if (!due) continue;
            const local = localDateTimeAt(now, timeZone);
            expect(due.date <= local.date).toBe(true); // never early
            if (!claimed.has(due.key)) claimed.set(due.key, { date: local.date, hour: local.hour });
          }
          expect(claimed.get(milestone.key)).toEqual({ date: milestone.date, hour: expect.any(Number) });
          expect(claimed.get(milestone.key)!.hour).toBeGreaterThanOrEqual(MILESTONE_TELL_HOUR);
        }
        expect(claimed.size).toBe(9);
      }),
      { numRuns: 60 },
    );
  });
});

describe('couple milestones', () => {
  const madrid = (cleanDate: string) => ({ cleanDate: d(cleanDate), timeZone: 'Europe/Madrid' });

  it('are due when the partner with the later clean date reaches it, counted from that date', () => {
    const due = dueCoupleMilestone(madrid('2026-09-01'), madrid('2026-10-23'), at('2026-11-22T09:00:00Z'));
    expect(due).toMatchObject({ milestone: { key: '30d' }, sinceDate: '2026-10-23' });
    expect(dueCoupleMilestone(madrid('2026-09-01'), madrid('2026-10-24'), at('2026-11-22T09:00:00Z'))).toBeUndefined();
  });

  it('are never due before both partners reached the milestone on their own calendars', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 200 }), zone, zone, fc.integer({ min: 0, max: 24 * 400 }), (later, gap, zoneA, zoneB, hours) => {
        const a = { cleanDate: addDays(later, -gap), timeZone: zoneA };
        const b = { cleanDate: later, timeZone: zoneB };
        const now = new Date(instantAtLocal(later, 12, 0, 'UTC').getTime() + hours * HOUR);
        const due = dueCoupleMilestone(a, b, now);
        if (!due) return;
        expect(due.sinceDate).toBe(later);
        for (const partner of [a, b]) {
          const own = firstMilestones(partner.cleanDate, 40).find((m) => m.key === due.milestone.key)!;
          expect(own.date <= localDateTimeAt(now, partner.timeZone).date).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('when an undelivered milestone is tried again', () => {
  const now = at('2026-11-22T10:05:00Z');
  const notice = (changes: Partial<{ attempts: number; deliveredAt: Date; lastAttemptAt: Date }> = {}) => ({
    attempts: 1,
    deliveredAt: undefined,
    lastAttemptAt: at('2026-11-22T10:00:00Z'),
    ...changes,
  });

  it('at the next tick (five minutes on), never while another process may still be sending it', () => {
    expect(mayRetry(notice(), retryPolicy(now))).toBe(true);
    expect(mayRetry(notice(), retryPolicy(at('2026-11-22T10:03:59Z')))).toBe(false);
    expect(mayRetry(notice(), retryPolicy(at('2026-11-22T10:04:00Z')))).toBe(true);
  });

  it('never once delivered (a closed DM counts), and not after the last attempt', () => {
    expect(mayRetry(notice({ deliveredAt: at('2026-11-22T10:00:01Z') }), retryPolicy(now))).toBe(false);
    expect(mayRetry(notice({ attempts: MILESTONE_MAX_ATTEMPTS - 1 }), retryPolicy(now))).toBe(true);
    expect(mayRetry(notice({ attempts: MILESTONE_MAX_ATTEMPTS }), retryPolicy(now))).toBe(false);
  });
});
