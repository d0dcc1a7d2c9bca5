// When a milestone is told: on its own local day, from a humane hour, once. Pure: `now` is passed in.
import { daysBetween, localDateAt, type LocalDate } from './calendar.js';
import { localDateTimeAt } from './localTime.js';
import { reachedMilestones, type Milestone } from './milestones.js';

/** Milestones are told from this hour of the member's own morning, not at midnight. */
export const MILESTONE_TELL_HOUR = 9;
/** If the bot was down on the day, it still tells the milestone the next day (and never later). */
export const MILESTONE_CATCH_UP_DAYS = 1;

/** A milestone not delivered (a failure, a crash after the claim) is attempted at most this many times in all. */
export const MILESTONE_MAX_ATTEMPTS = 5;
/**
 * A retry waits this long after the last attempt: ticks run every five minutes, so the next tick
 * retries, while two processes ticking together never attempt the same milestone at once.
 */
export const MILESTONE_RETRY_AFTER_MS = 4 * 60 * 1000;

/** Which undelivered milestones may be attempted again at a given time. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Only those last attempted at or before this time. */
  lastAttemptBy: Date;
}

export function retryPolicy(now: Date): RetryPolicy {
  return { maxAttempts: MILESTONE_MAX_ATTEMPTS, lastAttemptBy: new Date(now.getTime() - MILESTONE_RETRY_AFTER_MS) };
}

/** Where a claimed milestone stands. */
export interface NoticeState {
  attempts: number;
  deliveredAt: Date | undefined;
  lastAttemptAt: Date;
}

/** A claimed milestone may be attempted again when undelivered, with attempts left, the last one long enough ago. */
export function mayRetry(notice: NoticeState, policy: RetryPolicy): boolean {
  return notice.deliveredAt === undefined && notice.attempts < policy.maxAttempts && notice.lastAttemptAt <= policy.lastAttemptBy;
}

/** The most recent milestone reached on or before `today`, if any. */
export function latestMilestone(cleanDate: LocalDate, today: LocalDate): Milestone | undefined {
  return reachedMilestones(cleanDate, today).at(-1);
}

/**
 * The milestone to tell at `now`, if one is due: reached on the member's local day, from
 * MILESTONE_TELL_HOUR on, or the day after (catch-up). The caller claims it so it is told once;
 * an undelivered claim is retried only while the milestone is still due.
 */
export function dueMilestone(cleanDate: LocalDate, now: Date, timeZone: string): Milestone | undefined {
  const local = localDateTimeAt(now, timeZone);
  const reached = reachedMilestones(cleanDate, local.date);
  for (let i = reached.length - 1; i >= 0; i -= 1) {
    const milestone = reached[i]!;
    const daysLate = daysBetween(milestone.date, local.date);
    if (daysLate > MILESTONE_CATCH_UP_DAYS) return undefined;
    if (daysLate > 0 || local.hour >= MILESTONE_TELL_HOUR) return milestone;
  }
  return undefined;
}

export interface Partner {
  cleanDate: LocalDate;
  timeZone: string;
}

export interface CoupleMilestone {
  milestone: Milestone;
  /** The later of the two clean dates: the couple milestone is counted from it. */
  sinceDate: LocalDate;
}

/**
 * A couple milestone is due when the partner with the later clean date has it due and the other
 * has reached it too (each on their own calendar). Nothing here compares the two partners.
 */
export function dueCoupleMilestone(a: Partner, b: Partner, now: Date): CoupleMilestone | undefined {
  const [later, other] = a.cleanDate >= b.cleanDate ? [a, b] : [b, a];
  const milestone = dueMilestone(later.cleanDate, now, later.timeZone);
  if (!milestone) return undefined;
  const otherToday = localDateAt(now, other.timeZone);
  const otherReached = reachedMilestones(other.cleanDate, otherToday).some((m) => m.key === milestone.key);
  return otherReached ? { milestone, sinceDate: later.cleanDate } : undefined;
}
