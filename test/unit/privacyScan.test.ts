import { describe, expect, it } from 'vitest';
import { privateLeaks, type SentMessage } from '../support/privacyScan.js';

const nothingSecret = { notes: [], slipDates: [] };
const post = (content: string): SentMessage => ({ where: 'channel', content });
const dm = (content: string): SentMessage => ({ where: 'dm', content });

// The scan guards the end-to-end tests: it must catch what a home group must never read.
describe('the privacy scan', () => {
  it.each([
    '🌱 <@1> checked in today: sober today.',
    '🌱 <@1> checked in today: not sober.',
    '🌱 <@1> checked in today and said it is a hard day.',
    '🌱 <@1> has 42 days clean.',
    '🌱 <@1> is on a 12-day check-in streak.',
    '🌱 <@1> slipped yesterday.',
    '🌱 <@1> used again.',
    '🌱 <@1> relapsed.',
  ])('catches sober yes/no, clean time, streak or slip wording in a home-group post: %s', (content) => {
    expect(privateLeaks([post(content)], nothingSecret)).not.toEqual([]);
  });

  it('lets through the home-group line a member chose, and what they chose to share with their partner by DM', () => {
    const sent = [
      post('🌱 <@1> checked in today. One day at a time, together.'),
      post('🎉 <@1> reached **30 days** clean today. Congratulations!'),
      dm('💞 <@1> checked in today: sober today.\nTheir check-in streak: 3 days.'),
      dm('🎉 You reached **30 days** clean today.'),
    ];
    expect(privateLeaks(sent, { ...nothingSecret, chosenPosts: ['🎉 <@1> reached **30 days** clean today. Congratulations!'] })).toEqual([]);
    expect(privateLeaks(sent, nothingSecret)).toEqual([expect.stringContaining('reached **30 days** clean today')]);
  });

  it('never lets craving, mood, notes or slips through, not even by DM or in a chosen post', () => {
    const chosen = '🎉 <@1> reached **30 days** clean. Craving 9/10.';
    expect(privateLeaks([post(chosen)], { ...nothingSecret, chosenPosts: [chosen] })).not.toEqual([]);
    expect(privateLeaks([dm('<@1> slipped'), dm('a secret note text')], { notes: ['secret note text'], slipDates: [] })).toHaveLength(3);
  });
});
