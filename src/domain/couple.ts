export const COUPLE_STATUSES = ['invited', 'active', 'paused', 'declined', 'expired', 'ended'] as const;
export type CoupleStatus = (typeof COUPLE_STATUSES)[number];

/** What one partner lets the other see. Each is off until the member turns it on. */
export interface ShareSettings {
  checkInDone: boolean;
  sober: boolean;
  streak: boolean;
  milestones: boolean;
}

export const NOTHING_SHARED: ShareSettings = { checkInDone: false, sober: false, streak: false, milestones: false };

export interface Couple {
  id: string;
  guildId: string;
  /** Member ids. */
  inviterId: string;
  inviteeId: string;
  status: CoupleStatus;
  inviteExpiresAt: Date;
  tag: string;
  channelId: string | undefined;
  inviterWantsChannel: boolean;
  inviteeWantsChannel: boolean;
  inviterWantsResume: boolean;
  inviteeWantsResume: boolean;
  sameGroupAllowed: boolean;
}

/** Statuses in which two members are partners (a paused couple is still a couple). */
export function isTogether(status: CoupleStatus): boolean {
  return status === 'active' || status === 'paused';
}

export function partnerOf(couple: Pick<Couple, 'inviterId' | 'inviteeId'>, memberId: string): string {
  return couple.inviterId === memberId ? couple.inviteeId : couple.inviterId;
}

/** Channel name with no member names or health details: couple-<tag>. */
export function coupleChannelName(tag: string): string {
  return `couple-${tag}`;
}
