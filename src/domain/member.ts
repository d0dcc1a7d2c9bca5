import type { LocalDate } from './calendar.js';

export interface Member {
  id: string;
  guildId: string;
  userId: string;
  /** IANA zone, undefined until the member sets one (we then use UTC and say so). */
  timezone: string | undefined;
  cleanDate: LocalDate | undefined;
  homeGroupId: string | undefined;
  /** Post milestones in the home group (off by default). */
  announceMilestones: boolean;
  /** Medication-assisted-treatment safety reminder with check-ins (off by default). */
  matReminder: boolean;
}

export const FALLBACK_TIMEZONE = 'UTC';

export function timezoneOf(member: Pick<Member, 'timezone'>): string {
  return member.timezone ?? FALLBACK_TIMEZONE;
}

/** A member as they are before storing anything (shown, never saved). */
export function newMember(ids: { guildId: string; userId: string }): Member {
  return { id: '', ...ids, timezone: undefined, cleanDate: undefined, homeGroupId: undefined, announceMilestones: false, matReminder: false };
}
