import { addDays, addMonths, type LocalDate } from './calendar.js';

export interface Milestone {
  /** Stable key, e.g. "1d", "30d", "6m", "2y". */
  key: string;
  label: string;
  /** The local date the milestone is reached for a given clean date. */
  date: LocalDate;
}

const DAY_MILESTONES = [
  { key: '1d', label: '24 hours', days: 1 },
  { key: '7d', label: '7 days', days: 7 },
  { key: '30d', label: '30 days', days: 30 },
  { key: '60d', label: '60 days', days: 60 },
  { key: '90d', label: '90 days', days: 90 },
] as const;

const MONTH_MILESTONES = [
  { key: '6m', label: '6 months', months: 6 },
  { key: '9m', label: '9 months', months: 9 },
] as const;

/** Milestones in date order, starting with 24 hours, then yearly for ever (lazily). */
export function* milestonesFor(cleanDate: LocalDate): Generator<Milestone> {
  for (const m of DAY_MILESTONES) yield { key: m.key, label: m.label, date: addDays(cleanDate, m.days) };
  for (const m of MONTH_MILESTONES) yield { key: m.key, label: m.label, date: addMonths(cleanDate, m.months) };
  for (let years = 1; ; years += 1) {
    yield { key: `${years}y`, label: years === 1 ? '1 year' : `${years} years`, date: addMonths(cleanDate, 12 * years) };
  }
}

/** The first milestone reached after `today` (strictly later). */
export function nextMilestone(cleanDate: LocalDate, today: LocalDate): Milestone {
  for (const milestone of milestonesFor(cleanDate)) {
    if (milestone.date > today) return milestone;
  }
  throw new Error('unreachable: milestones are infinite');
}

/** Milestones reached on or before `today`, in order. */
export function reachedMilestones(cleanDate: LocalDate, today: LocalDate): Milestone[] {
  const reached: Milestone[] = [];
  for (const milestone of milestonesFor(cleanDate)) {
    if (milestone.date > today) break;
    reached.push(milestone);
  }
  return reached;
}
