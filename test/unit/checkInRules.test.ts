import { describe, expect, it } from 'vitest';
import { validateCheckIn } from '../../src/domain/checkIn.js';
import { InvalidInputError } from '../../src/domain/errors.js';

describe('check-in answers', () => {
  it('accepts the full range and trims the note', () => {
    expect(validateCheckIn({ sober: true, craving: 10, mood: 1, note: '  hello  ', share: 'private' })).toMatchObject({ note: 'hello' });
    expect(validateCheckIn({ sober: false, craving: 0, mood: 5, share: 'partner' })).toMatchObject({ craving: 0 });
  });

  it('turns a blank note into no note', () => {
    expect(validateCheckIn({ sober: true, note: '   ', share: 'private' }).note).toBeUndefined();
  });

  it.each([
    [{ craving: 11 }, /Craving/],
    [{ craving: -1 }, /Craving/],
    [{ craving: 2.5 }, /Craving/],
    [{ mood: 0 }, /Mood/],
    [{ mood: 6 }, /Mood/],
    [{ note: 'x'.repeat(501) }, /501 characters/],
    [{ share: 'everyone' }, /Share/],
  ])('refuses %j with a friendly message', (bad, message) => {
    const answers = { sober: true, share: 'private', ...bad } as Parameters<typeof validateCheckIn>[0];
    expect(() => validateCheckIn(answers)).toThrow(InvalidInputError);
    expect(() => validateCheckIn(answers)).toThrow(message);
  });
});
