import type { Clock } from '../clock.js';
import { localDateAt, type LocalDate } from '../domain/calendar.js';
import { HIGH_CRAVING, validateCheckIn, type CheckIn, type CheckInAnswers } from '../domain/checkIn.js';
import { helpLinesFor, type HelpLine } from '../domain/crisisLines.js';
import { timezoneOf, type Member } from '../domain/member.js';
import { checkInStreak } from '../domain/streak.js';
import type { Repositories, Sealer } from './ports.js';

export interface CheckInDeps {
  repos: Repositories;
  clock: Clock;
  sealer: Sealer;
}

export interface CheckInOutcome {
  member: Member;
  checkIn: CheckIn;
  /** Where the member asked to share this check-in (the sharing itself is shareCheckIn's job). */
  requestedShare: CheckInAnswers['share'];
  /** False when today's check-in already existed and was updated. */
  created: boolean;
  localDate: LocalDate;
  timezone: string;
  timezoneIsSet: boolean;
  streak: number;
  /** Present when the answers call for crisis resources (a craving of 8 or more). */
  helpLines: HelpLine[] | undefined;
  /** The member asked for the medication-assisted-treatment safety reminder. */
  matReminder: boolean;
}

/** Records today's check-in in the member's timezone; a second one the same local day updates it. */
export async function recordCheckIn(
  deps: CheckInDeps,
  ids: { guildId: string; userId: string },
  rawAnswers: CheckInAnswers,
): Promise<CheckInOutcome> {
  const answers = validateCheckIn(rawAnswers);
  const guild = await deps.repos.guilds.ensure(ids.guildId);
  const member = await deps.repos.members.ensure(ids.guildId, ids.userId);
  const timezone = timezoneOf(member);
  const localDate = localDateAt(deps.clock.now(), timezone);

  const { checkIn, created } = await deps.repos.checkIns.upsert({
    memberId: member.id,
    localDate,
    sober: answers.sober,
    craving: answers.craving,
    mood: answers.mood,
    meeting: answers.meeting,
    noteSealed: answers.note ? deps.sealer.seal(answers.note) : undefined,
  });
  const streak = checkInStreak(await deps.repos.checkIns.listDates(member.id), localDate);
  const highCraving = answers.craving !== undefined && answers.craving >= HIGH_CRAVING;

  return {
    member,
    checkIn,
    requestedShare: answers.share,
    created,
    localDate,
    timezone,
    timezoneIsSet: member.timezone !== undefined,
    streak,
    helpLines: highCraving ? helpLinesFor(guild.region) : undefined,
    matReminder: member.matReminder,
  };
}
