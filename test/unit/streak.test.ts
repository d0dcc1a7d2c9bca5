import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type LocalDate } from '../../src/domain/calendar.js';
import { checkInStreak } from '../../src/domain/streak.js';

const d = (text: string) => text as LocalDate;

describe('check-in streak', () => {
  it('counts consecutive days ending today', () => {
    expect(checkInStreak([d('2026-11-20'), d('2026-11-21'), d('2026-11-22')], d('2026-11-22'))).toBe(3);
  });

  it('stays alive until the day is over: ending yesterday still counts', () => {
    expect(checkInStreak([d('2026-11-20'), d('2026-11-21')], d('2026-11-22'))).toBe(2);
  });

  it('is zero after a whole day without a check-in', () => {
    expect(checkInStreak([d('2026-11-19'), d('2026-11-20')], d('2026-11-22'))).toBe(0);
  });

  it('ignores duplicates and order', () => {
    expect(checkInStreak([d('2026-11-22'), d('2026-11-21'), d('2026-11-22')], d('2026-11-22'))).toBe(2);
  });

  it('equals the length of any unbroken run that reaches today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50 }), (run, olderGap) => {
        const today = d('2026-03-08');
        const dates = Array.from({ length: run }, (_, i) => addDays(today, -i));
        const older = addDays(today, -(run + 1 + olderGap));
        expect(checkInStreak([...dates, older], today)).toBe(run);
      }),
    );
  });
});
