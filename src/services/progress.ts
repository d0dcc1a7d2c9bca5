import type { Clock } from '../clock.js';
import { addDays, localDateAt, type LocalDate } from '../domain/calendar.js';
import { cleanTimeOn, type CleanTime } from '../domain/cleanTime.js';
import { timezoneOf } from '../domain/member.js';
import { latestMilestone } from '../domain/milestoneDue.js';
import { nextMilestone, type Milestone } from '../domain/milestones.js';
import type { CleanPeriod } from '../domain/slip.js';
import { checkInStreak } from '../domain/streak.js';
import type { Repositories } from './ports.js';

export const GLANCE_DAYS = 14;

export type DayStatus = 'sober' | 'rough' | 'none';

export interface Progress {
  today: LocalDate;
  timezone: string;
  timezoneIsSet: boolean;
  cleanDate: LocalDate | undefined;
  cleanTime: CleanTime | undefined;
  nextMilestone: Milestone | undefined;
  /** The most recent milestone reached in the current clean period. */
  latestMilestone: Milestone | undefined;
  /** Earlier clean periods (closed by a slip that restarted clean time), most recent first. */
  earlierPeriods: CleanPeriod[];
  streak: number;
  /** The last 14 local days, oldest first. "rough" = checked in, not sober that day. */
  lastDays: { date: LocalDate; status: DayStatus }[];
}

export async function getProgress(
  deps: { repos: Repositories; clock: Clock },
  ids: { guildId: string; userId: string },
): Promise<Progress> {
  const member = await deps.repos.members.ensure(ids.guildId, ids.userId);
  const timezone = timezoneOf(member);
  const today = localDateAt(deps.clock.now(), timezone);
  const from = addDays(today, -(GLANCE_DAYS - 1));

  const [recent, allDates, earlierPeriods] = await Promise.all([
    deps.repos.checkIns.listBetween(member.id, from, today),
    deps.repos.checkIns.listDates(member.id),
    deps.repos.slips.listCleanPeriods(member.id),
  ]);
  const byDate = new Map(recent.map((c) => [c.localDate, c]));
  const lastDays = Array.from({ length: GLANCE_DAYS }, (_, i) => {
    const date = addDays(from, i);
    const checkIn = byDate.get(date);
    const status: DayStatus = !checkIn ? 'none' : checkIn.sober ? 'sober' : 'rough';
    return { date, status };
  });

  const cleanDate = member.cleanDate;
  return {
    today,
    timezone,
    timezoneIsSet: member.timezone !== undefined,
    cleanDate,
    cleanTime: cleanDate ? cleanTimeOn(cleanDate, today) : undefined,
    nextMilestone: cleanDate ? nextMilestone(cleanDate, today) : undefined,
    latestMilestone: cleanDate ? latestMilestone(cleanDate, today) : undefined,
    earlierPeriods,
    streak: checkInStreak(allDates, today),
    lastDays,
  };
}
