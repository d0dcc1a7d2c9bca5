import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partnerViewOf } from '../../src/domain/checkInShare.js';
import { NOTHING_SHARED } from '../../src/domain/couple.js';
import { homeGroupCheckInLine, partnerCheckInMessage } from '../../src/replies/checkInShare.js';

describe('what a shared check-in may say', () => {
  it('nothing at all when the member shares nothing with their partner', () => {
    expect(partnerViewOf({ sober: true }, 4, NOTHING_SHARED)).toBeUndefined();
  });

  it('only the items switched on', () => {
    expect(partnerViewOf({ sober: false }, 4, { ...NOTHING_SHARED, checkInDone: true })).toEqual({ checkedIn: true });
    expect(partnerViewOf({ sober: false }, 4, { ...NOTHING_SHARED, sober: true })).toEqual({ checkedIn: true, sober: false });
    expect(partnerViewOf({ sober: true }, 4, { ...NOTHING_SHARED, streak: true })).toEqual({ checkedIn: true, streak: 4 });
  });

  it('sharing milestones alone does not share check-ins', () => {
    expect(partnerViewOf({ sober: true }, 4, { ...NOTHING_SHARED, milestones: true })).toBeUndefined();
  });

  it('the partner message never says more than allowed', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 999 }), (checkInDone, sober, streak, isSober, days) => {
        const view = partnerViewOf({ sober: isSober }, days, { checkInDone, sober, streak, milestones: false });
        if (!view) return;
        const text = partnerCheckInMessage('42', view);
        expect(text).not.toMatch(/craving|mood|note|slip|relapse/i);
        expect(/sober today|hard day/.test(text)).toBe(sober);
        expect(/streak/.test(text)).toBe(streak);
      }),
    );
  });

  it('the home-group line carries no health details', () => {
    expect(homeGroupCheckInLine('42')).toBe('🌱 <@42> checked in today. One day at a time, together.');
  });
});
