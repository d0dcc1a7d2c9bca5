import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type LocalDate } from '../../src/domain/calendar.js';
import { cleanTimeOn } from '../../src/domain/cleanTime.js';

const d = (text: string) => text as LocalDate;
const localDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2080-01-01'), noInvalidDate: true })
  .map((x) => x.toISOString().slice(0, 10) as LocalDate);

describe('clean time', () => {
  it('is zero days on the clean date itself', () => {
    expect(cleanTimeOn(d('2026-11-22'), d('2026-11-22'))).toEqual({ days: 0, years: 0, months: 0, remainderDays: 0 });
  });

  it('counts years, months and days on the calendar', () => {
    expect(cleanTimeOn(d('2025-10-06'), d('2026-11-22'))).toEqual({ days: 412, years: 1, months: 1, remainderDays: 16 });
    expect(cleanTimeOn(d('2024-02-29'), d('2025-02-28'))).toEqual({ days: 365, years: 1, months: 0, remainderDays: 0 });
  });

  it('is undefined for a clean date in the future', () => {
    expect(cleanTimeOn(d('2026-11-23'), d('2026-11-22'))).toBeUndefined();
  });

  it('grows by exactly one day per day and its parts stay in range', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 20000 }), (clean, elapsed) => {
        const today = addDays(clean, elapsed);
        const time = cleanTimeOn(clean, today)!;
        const tomorrow = cleanTimeOn(clean, addDays(today, 1))!;
        expect(time.days).toBe(elapsed);
        expect(tomorrow.days).toBe(elapsed + 1);
        expect(time.months).toBeGreaterThanOrEqual(0);
        expect(time.months).toBeLessThan(12);
        expect(time.remainderDays).toBeGreaterThanOrEqual(0);
        expect(time.remainderDays).toBeLessThan(31);
      }),
    );
  });
});
