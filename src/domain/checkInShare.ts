// What a shared check-in may say, decided only by what the member allowed. Pure.
// The note, craving and mood are never shared; the home group gets no details at all.
import type { CheckIn } from './checkIn.js';
import type { ShareSettings } from './couple.js';

export interface PartnerView {
  /** Always true when anything is shared: every shared item implies a check-in. */
  checkedIn: true;
  /** Present only when the member shares sober yes/no. */
  sober?: boolean;
  /** Present only when the member shares their check-in streak. */
  streak?: number;
}

/** What the partner may see of this check-in; undefined when the member shares nothing with them. */
export function partnerViewOf(checkIn: Pick<CheckIn, 'sober'>, streak: number, settings: ShareSettings): PartnerView | undefined {
  if (!settings.checkInDone && !settings.sober && !settings.streak) return undefined;
  return {
    checkedIn: true,
    ...(settings.sober && { sober: checkIn.sober }),
    ...(settings.streak && { streak }),
  };
}
