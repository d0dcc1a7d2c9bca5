import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, isValidTimeZone, localDateAt, parseLocalDate, type LocalDate } from '../../src/domain/calendar.js';

const d = (text: string) => text as LocalDate;

describe('local day in the member timezone', () => {
  it('is the previous calendar day in New York just after midnight UTC', () => {
    expect(localDateAt(new Date('2026-11-22T03:30:00Z'), 'America/New_York')).toBe('2026-11-21');
    expect(localDateAt(new Date('2026-11-22T05:30:00Z'), 'America/New_York')).toBe('2026-11-22');
  });

  it('is already the next day in Auckland', () => {
    expect(localDateAt(new Date('2026-11-22T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-11-23');
  });

  it('follows daylight saving: the day starts at local midnight on both sides of the change', () => {
    // US DST ended 2026-11-01 at 02:00 local: midnight is 04:00Z before, 05:00Z after.
    expect(localDateAt(new Date('2026-11-01T03:59:00Z'), 'America/New_York')).toBe('2026-10-31');
    expect(localDateAt(new Date('2026-11-01T04:00:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDateAt(new Date('2026-11-02T04:59:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDateAt(new Date('2026-11-02T05:00:00Z'), 'America/New_York')).toBe('2026-11-02');
  });
});

describe('parsing a date a member typed', () => {
  it('accepts a real calendar date', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
    expect(parseLocalDate(' 2025-03-14 ')).toBe('2025-03-14');
  });

  it.each(['2025-02-29', '2025-13-01', '14/03/2025', '2025-3-14', '', 'yesterday', '1850-01-01'])('rejects %j', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });
});

describe('timezones', () => {
  it('knows IANA zones and rejects made-up ones', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('clamps month ends', () => {
    expect(addMonths(d('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
  });

  it('addDays and daysBetween are inverse', () => {
    const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10) as LocalDate);
    fc.assert(
      fc.property(date, fc.integer({ min: -20000, max: 20000 }), (start, days) => {
        expect(daysBetween(start, addDays(start, days))).toBe(days);
      }),
    );
  });
});
