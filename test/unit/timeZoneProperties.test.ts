// Clean time and streaks as a member lives them: instants on their own clock, across DST changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, localDateAt, type LocalDate } from '../../src/domain/calendar.js';
import { cleanTimeOn } from '../../src/domain/cleanTime.js';
import { localDateTimeAt } from '../../src/domain/localTime.js';
import { checkInStreak } from '../../src/domain/streak.js';
import { instantAtLocal, ZONES } from '../support/zones.js';

const HOUR = 3_600_000;

/** Instants just before each change of UTC offset in 2026 (DST starts and ends), per zone. */
function offsetChanges(timeZone: string): number[] {
  const offsetAt = (t: number) => {
    const local = localDateTimeAt(new Date(t), timeZone);
    const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d, local.hour, local.minute) - t;
  };
  const changes: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let t = start; t < Date.UTC(2027, 0, 1); t += HOUR) {
    if (offsetAt(t) !== offsetAt(t + HOUR)) changes.push(t);
  }
  return changes;
}

const DST_CHANGES = ZONES.flatMap((timeZone) => offsetChanges(timeZone).map((instant) => ({ timeZone, instant })));
const aroundDstChange = fc.constantFrom(...DST_CHANGES);

describe('clean time across daylight-saving changes', () => {
  it('there are DST changes to test (sanity)', () => {
    expect(DST_CHANGES.length).toBeGreaterThanOrEqual(16);
  });

  it('grows by exactly one day at each local midnight, never skips or repeats, on both sides of a change', () => {
    fc.assert(
      fc.property(aroundDstChange, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 59 }), ({ timeZone, instant }, daysClean, minute) => {
        const start = instant - 36 * HOUR + minute * 60_000;
        const cleanDate = addDays(localDateAt(new Date(start), timeZone), -daysClean);
        let previous = cleanTimeOn(cleanDate, localDateAt(new Date(start), timeZone))!.days;
        let sinceChange = 0;
        for (let t = start + HOUR; t <= start + 72 * HOUR; t += HOUR) {
          const today = localDateAt(new Date(t), timeZone);
          const days = cleanTimeOn(cleanDate, today)!.days;
          expect(days).toBe(daysBetween(cleanDate, today));
          expect(days - previous === 0 || days - previous === 1).toBe(true);
          sinceChange = days === previous ? sinceChange + 1 : 0;
          expect(sinceChange).toBeLessThan(26); // a local day lasts 23 to 25 hours, never more
          previous = days;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('check-in streaks across daylight-saving changes', () => {
  it('one check-in per local day, at any hour the member chooses, is an unbroken streak', () => {
    fc.assert(
      fc.property(aroundDstChange, fc.array(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 10 }), ({ timeZone, instant }, hours) => {
        const firstDay = addDays(localDateAt(new Date(instant), timeZone), -Math.floor(hours.length / 2));
        const dates: LocalDate[] = [];
        hours.forEach((hour, i) => {
          const day = addDays(firstDay, i);
          // 12:00 exists everywhere; other hours may fall in a DST gap, so fall back to noon there.
          let at: Date;
          try {
            at = instantAtLocal(day, hour, 30, timeZone);
          } catch {
            at = instantAtLocal(day, 12, 0, timeZone);
          }
          dates.push(localDateAt(at, timeZone));
        });
        const lastDay = addDays(firstDay, hours.length - 1);
        expect(checkInStreak(dates, lastDay)).toBe(hours.length);
        expect(checkInStreak(dates, addDays(lastDay, 1))).toBe(hours.length); // still alive the next day
        expect(checkInStreak(dates, addDays(lastDay, 2))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a day without a check-in ends the streak there; the days after count on their own', () => {
    fc.assert(
      fc.property(aroundDstChange, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), ({ timeZone, instant }, before, after) => {
        const first = addDays(localDateAt(new Date(instant), timeZone), -before);
        const days = [...Array(before).keys()].map((i) => addDays(first, i));
        const resumed = [...Array(after).keys()].map((i) => addDays(first, before + 1 + i));
        const dates = [...days, ...resumed].map((day) => localDateAt(instantAtLocal(day, 12, 0, timeZone), timeZone));
        expect(checkInStreak(dates, resumed.at(-1)!)).toBe(after);
      }),
    );
  });
});
