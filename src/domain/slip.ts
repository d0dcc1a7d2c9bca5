// A slip, with compassion: what it changes in the record, decided before anything is written. Pure.
import { addDays, daysBetween, parseLocalDate, type LocalDate } from './calendar.js';
import { InvalidInputError } from './errors.js';

/** An earlier clean period, from its first clean day to the day it ended. */
export interface CleanPeriod {
  startDate: LocalDate;
  endDate: LocalDate;
}

export function periodDays(period: CleanPeriod): number {
  return daysBetween(period.startDate, period.endDate);
}

export interface SlipRequest {
  /** As typed ("YYYY-MM-DD"); undefined means today. */
  date: string | undefined;
  restartCleanTime: boolean;
  today: LocalDate;
  cleanDate: LocalDate | undefined;
}

export interface SlipPlan {
  slipDate: LocalDate;
  /** The clean period the slip closes (kept as history), when clean time restarts and one was running. */
  closedPeriod: CleanPeriod | undefined;
  /** The new first clean day (the day after the slip), when clean time restarts. */
  newCleanDate: LocalDate | undefined;
}

/** Validates the date and works out what changes. Throws InvalidInputError (nothing is changed). */
export function planSlip(request: SlipRequest): SlipPlan {
  const slipDate = request.date === undefined ? request.today : parseLocalDate(request.date);
  if (!slipDate) {
    throw new InvalidInputError('Please write the date as year-month-day, for example 2026-03-14, or leave it out for today. Nothing was recorded.');
  }
  if (slipDate > request.today) {
    throw new InvalidInputError(`That date is after today (${request.today}). Nothing was recorded.`);
  }
  const { cleanDate } = request;
  // The day before the clean date is the day of the slip that began it: reporting it again is fine.
  if (cleanDate && daysBetween(slipDate, cleanDate) > 1) {
    throw new InvalidInputError(
      `That date is before your current clean time began (${cleanDate}), so it is already behind you. ` +
        'If your clean date should be different, `/settings clean_date` changes it. Nothing was recorded.',
    );
  }
  if (!request.restartCleanTime) return { slipDate, closedPeriod: undefined, newCleanDate: undefined };
  const closedPeriod = cleanDate && cleanDate < slipDate ? { startDate: cleanDate, endDate: slipDate } : undefined;
  return { slipDate, closedPeriod, newCleanDate: addDays(slipDate, 1) };
}
