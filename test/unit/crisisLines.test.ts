import { describe, expect, it } from 'vitest';
import { helpLinesEverywhere, helpLinesFor } from '../../src/domain/crisisLines.js';

describe('crisis lines', () => {
  it('US shows 988 and SAMHSA; Canada 9-8-8; UK and Ireland Samaritans; elsewhere findahelpline', () => {
    expect(helpLinesFor('US').map((l) => l.contact)).toEqual(['call or text 988', '1-800-662-4357']);
    expect(helpLinesFor('CA').map((l) => l.contact)).toContain('call or text 9-8-8');
    expect(helpLinesFor('GB').map((l) => l.contact)).toContain('116 123');
    expect(helpLinesFor('IE').map((l) => l.contact)).toContain('116 123');
    expect(helpLinesFor('unknown').map((l) => l.contact)).toEqual(['https://findahelpline.com']);
  });

  it('where the region is unknown, lists every region once, with the directory last', () => {
    const contacts = helpLinesEverywhere().map((l) => l.contact);
    expect(contacts).toEqual(['call or text 988', '1-800-662-4357', 'call or text 9-8-8', '116 123', 'https://findahelpline.com']);
  });
});
