import { describe, expect, it } from 'vitest';
import { suggestTimeZones } from '../../src/services/settings.js';

describe('timezone autocomplete', () => {
  it('suggests zones whose city starts with what was typed', () => {
    expect(suggestTimeZones('madr')).toContain('Europe/Madrid');
    expect(suggestTimeZones('new york')).toContain('America/New_York');
  });

  it('never offers more than Discord accepts (25)', () => {
    expect(suggestTimeZones('')).toHaveLength(25);
    expect(suggestTimeZones('a').length).toBeLessThanOrEqual(25);
  });

  it('offers nothing for nonsense', () => {
    expect(suggestTimeZones('zzzzzz')).toEqual([]);
  });
});
