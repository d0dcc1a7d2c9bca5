import type { LocalDate } from './calendar.js';
import { InvalidInputError } from './errors.js';

export const SHARE_TARGETS = ['private', 'homegroup', 'partner'] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export const CRAVING_MIN = 0;
export const CRAVING_MAX = 10;
export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const NOTE_MAX_LENGTH = 500;
/** A craving at or above this shows crisis resources with the reply. */
export const HIGH_CRAVING = 8;

export interface CheckInAnswers {
  sober: boolean;
  craving?: number | undefined;
  mood?: number | undefined;
  meeting?: boolean | undefined;
  note?: string | undefined;
  share: ShareTarget;
}

export interface CheckIn extends Omit<CheckInAnswers, 'note'> {
  id: string;
  memberId: string;
  localDate: LocalDate;
  hasNote: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function checkWholeNumberIn(value: number | undefined, min: number, max: number, what: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${what} should be a whole number from ${min} to ${max}.`);
  }
}

/** Validates and normalises a member's answers. Throws InvalidInputError with a friendly message. */
export function validateCheckIn(answers: CheckInAnswers): CheckInAnswers {
  checkWholeNumberIn(answers.craving, CRAVING_MIN, CRAVING_MAX, 'Craving');
  checkWholeNumberIn(answers.mood, MOOD_MIN, MOOD_MAX, 'Mood');
  if (!(SHARE_TARGETS as readonly string[]).includes(answers.share)) {
    throw new InvalidInputError('Share can be private, homegroup or partner.');
  }
  const note = answers.note?.trim();
  if (note !== undefined && note.length > NOTE_MAX_LENGTH) {
    throw new InvalidInputError(`Your note is ${note.length} characters; the limit is ${NOTE_MAX_LENGTH}. Your check-in was not saved.`);
  }
  return { ...answers, note: note ? note : undefined };
}
