import { describe, expect, it } from 'vitest';
import { parseDetails } from '../../src/domain/checkInDetails.js';
import { InvalidInputError } from '../../src/domain/errors.js';

const empty = { craving: '', mood: '', meeting: '', note: '' };

describe('the check-in details modal', () => {
  it('turns text into answers; empty fields keep what is saved', () => {
    expect(parseDetails(empty)).toEqual({ craving: undefined, mood: undefined, meeting: undefined, note: undefined });
    expect(parseDetails({ craving: ' 8 ', mood: '3', meeting: 'Yes', note: '  went for a walk ' })).toEqual({
      craving: 8,
      mood: 3,
      meeting: true,
      note: 'went for a walk',
    });
    expect(parseDetails({ ...empty, meeting: 'no' }).meeting).toBe(false);
    expect(parseDetails({ ...empty, meeting: 'sí' }).meeting).toBe(true);
  });

  it.each([
    [{ craving: '11' }, /Craving should be a whole number from 0 to 10/],
    [{ craving: 'high' }, /Craving/],
    [{ craving: '2.5' }, /Craving/],
    [{ mood: '0' }, /Mood should be a whole number from 1 to 5/],
    [{ meeting: 'maybe' }, /write yes or no/],
    [{ note: 'x'.repeat(501) }, /501 characters; the limit is 500/],
  ])('refuses %j with a friendly message that says nothing changed', (fields, message) => {
    const attempt = () => parseDetails({ ...empty, ...fields });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/Nothing was changed/);
  });
});
