// Time-zone helpers for tests: zones with daylight-saving changes (some at midnight, some by 30
// minutes, southern hemisphere), and the instant at which a local wall-clock time happens.
import fc from 'fast-check';
import type { LocalDate } from '../../src/domain/calendar.js';
import { localDateTimeAt } from '../../src/domain/localTime.js';

export const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns', // -03:30 / -02:30
  'America/Santiago', // DST in the southern summer, changes at midnight
  'America/Havana', // changes at midnight
  'Europe/London',
  'Europe/Madrid',
  'Asia/Kolkata', // +05:30, no DST
  'Asia/Kathmandu', // +05:45
  'Australia/Sydney',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11
] as const;

export const zone = fc.constantFrom(...ZONES);

/** A local date between 2024 and 2028: every DST change in those years is in range. */
export const localDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((x) => x.toISOString().slice(0, 10) as LocalDate);

/** The instant at which clocks in `timeZone` show `date` `hour`:`minute` (the wall time must exist). */
export function instantAtLocal(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d, hour, minute);
  let guess = target;
  for (let i = 0; i < 4; i += 1) {
    const local = localDateTimeAt(new Date(guess), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(ly, lm - 1, ld, local.hour, local.minute);
    if (shown === target) return new Date(guess);
    guess -= shown - target;
  }
  throw new Error(`${date} ${hour}:${minute} does not exist in ${timeZone}`);
}
