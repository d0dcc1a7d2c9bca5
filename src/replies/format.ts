import type { LocalDate } from '../domain/calendar.js';

export function pluralDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

const longDate = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Sunday, November 22, 2026" for a local date (formatted as a UTC calendar date on purpose). */
export function formatLongDate(date: LocalDate): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Nov 22, 2026" for a local date. */
export function formatShortDate(date: LocalDate): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}
