// When a milestone is told: on its own local day, from a humane hour, once. Pure: `now` is passed in.
import { daysBetween, localDateAt, type LocalDate } from './calendar.js';
import { localDateTimeAt } from './localTime.js';
import { reachedMilestones, type Milestone } from './milestones.js';

/** Milestones are told from this hour of the member's own morning, not at midnight. */
export const MILESTONE_TELL_HOUR = 9;
/** If the bot was down on the day, it still tells the milestone the next day (and never later). */
export const MILESTONE_CATCH_UP_DAYS = 1;

/** The most recent milestone reached on or before `today`, if any. */
export function latestMilestone(cleanDate: LocalDate, today: LocalDate): Milestone | undefined {
  return reachedMilestones(cleanDate, today).at(-1);
}

/**
 * The milestone to tell at `now`, if one is due: reached on the member's local day, from
 * MILESTONE_TELL_HOUR on, or the day after (catch-up). The caller claims it so it is told once.
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
