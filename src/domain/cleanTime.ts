import { addMonths, daysBetween, type LocalDate } from './calendar.js';

export interface CleanTime {
  /** Whole days since the clean date (0 on the clean date itself). */
  days: number;
  years: number;
  months: number;
  /** Days left over after whole years and months. */
  remainderDays: number;
}

/** Clean time on `today`, both local dates of the member. Undefined when the clean date is in the future. */
export function cleanTimeOn(cleanDate: LocalDate, today: LocalDate): CleanTime | undefined {
  const days = daysBetween(cleanDate, today);
  if (days < 0) return undefined;
  let totalMonths = 0;
  while (addMonths(cleanDate, totalMonths + 1) <= today) totalMonths += 1;
  const remainderDays = daysBetween(addMonths(cleanDate, totalMonths), today);
  return { days, years: Math.floor(totalMonths / 12), months: totalMonths % 12, remainderDays };
}
