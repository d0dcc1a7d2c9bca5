// The details modal sends text; this turns it into check-in answers, or a friendly error. Pure.
import { CRAVING_MAX, CRAVING_MIN, MOOD_MAX, MOOD_MIN, NOTE_MAX_LENGTH } from './checkIn.js';
import { InvalidInputError } from './errors.js';

export interface DetailsText {
  craving: string;
  mood: string;
  meeting: string;
  note: string;
}

export interface Details {
  craving: number | undefined;
  mood: number | undefined;
  meeting: boolean | undefined;
  note: string | undefined;
}

const NOTHING_CHANGED = 'Nothing was changed; press the button again to retry.';

function wholeNumber(text: string, min: number, max: number, what: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidInputError(`${what} should be a whole number from ${min} to ${max}. ${NOTHING_CHANGED}`);
  }
  return value;
}

const YES = new Set(['yes', 'y', 'si', 'sí', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', 'not today']);

function yesOrNo(text: string): boolean | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return undefined;
  if (YES.has(trimmed)) return true;
  if (NO.has(trimmed)) return false;
  throw new InvalidInputError(`For the meeting, please write yes or no. ${NOTHING_CHANGED}`);
}

/** Empty fields mean "keep what is saved". Throws InvalidInputError; nothing is stored on error. */
export function parseDetails(text: DetailsText): Details {
  const note = text.note.trim();
  if (note.length > NOTE_MAX_LENGTH) {
    throw new InvalidInputError(`Your note is ${note.length} characters; the limit is ${NOTE_MAX_LENGTH}. ${NOTHING_CHANGED}`);
  }
  return {
    craving: wholeNumber(text.craving, CRAVING_MIN, CRAVING_MAX, 'Craving'),
    mood: wholeNumber(text.mood, MOOD_MIN, MOOD_MAX, 'Mood'),
    meeting: yesOrNo(text.meeting),
    note: note || undefined,
  };
}
