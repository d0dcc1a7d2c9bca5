import { describe, expect, it } from 'vitest';
import { homeGroupText } from '../../src/replies/homeGroup.js';
import type { HomeGroup } from '../../src/domain/homeGroup.js';

const group = (name: string): HomeGroup => ({ id: name, guildId: 'g', name, fellowship: 'Families Anonymous', channelId: '123456789012345678', status: 'active' });

describe('long lists stay within Discord’s 2,000 characters', () => {
  it('/group members with 500 members', () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(100000000000000000n + BigInt(i)));
    const text = homeGroupText.members(group('Serenity'), ids);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/…and \d+ more$/);
    expect(text).toContain('(500)');
  });

  it('/homegroup info with 100 groups of the longest names', () => {
    const groups = Array.from({ length: 100 }, (_, i) => group(`${'x'.repeat(37)}${String(i).padStart(3, '0')}`));
    const text = homeGroupText.info(undefined, 0, groups);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toContain('more');
  });
});
