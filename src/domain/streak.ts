import { addDays, type LocalDate } from './calendar.js';

/**
 * Consecutive local days with a check-in, ending today — or yesterday, because a streak stays
 * alive until the day is over. `checkInDates` may be in any order and contain duplicates.
 */
export function checkInStreak(checkInDates: Iterable<LocalDate>, today: LocalDate): number {
  const dates = new Set(checkInDates);
  let day = dates.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (dates.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
