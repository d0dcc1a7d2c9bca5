// The "details" button and modal on a check-in reply: only the member who checked in may use it,
// for that day (or, just after midnight, the day before). Bad input changes nothing.
import type { Clock } from '../clock.js';
import { addDays, localDateAt, parseLocalDate, type LocalDate } from '../domain/calendar.js';
import { HIGH_CRAVING, type CheckIn } from '../domain/checkIn.js';
import { parseDetails, type DetailsText } from '../domain/checkInDetails.js';
import { helpLinesFor } from '../domain/crisisLines.js';
import { InvalidInputError, NotAllowedError } from '../domain/errors.js';
import { timezoneOf, type Member } from '../domain/member.js';
import { checkInStreak } from '../domain/streak.js';
import type { CheckInOutcome } from './checkIns.js';
import type { Repositories, Sealer } from './ports.js';

export interface DetailsRequest {
  guildId: string;
  /** Who pressed the button or sent the modal. */
  userId: string;
  /** From the custom id: whose check-in, and which local day. */
  ownerUserId: string;
  date: string;
}

async function findTarget(deps: { repos: Repositories; clock: Clock }, request: DetailsRequest): Promise<{ member: Member; checkIn: CheckIn; date: LocalDate }> {
  if (request.userId !== request.ownerUserId) {
    throw new NotAllowedError('These buttons belong to someone else’s check-in. `/checkin` records your own, privately.');
  }
  const member = await deps.repos.members.find(request.guildId, request.userId);
  const date = parseLocalDate(request.date);
  const today = localDateAt(deps.clock.now(), member ? timezoneOf(member) : 'UTC');
  if (!member || !date) throw new InvalidInputError('I can’t find that check-in. `/checkin` records today’s.');
  if (date !== today && date !== addDays(today, -1)) {
    throw new InvalidInputError('That check-in day has passed, so its details stay as they are. `/checkin` records today’s.');
  }
  const [checkIn] = await deps.repos.checkIns.listBetween(member.id, date, date);
  if (!checkIn) throw new InvalidInputError('I can’t find that check-in. `/checkin` records today’s.');
  return { member, checkIn, date };
}

/** The check-in the modal will edit (for pre-filling it); refuses anyone but its owner. */
export async function checkInForDetails(deps: { repos: Repositories; clock: Clock }, request: DetailsRequest): Promise<CheckIn> {
  return (await findTarget(deps, request)).checkIn;
}

/** Saves the modal's details into that day's check-in (empty fields keep what is saved). */
export async function saveCheckInDetails(
  deps: { repos: Repositories; clock: Clock; sealer: Sealer },
  request: DetailsRequest,
  text: DetailsText,
): Promise<CheckInOutcome> {
  const details = parseDetails(text);
  const { member, checkIn: existing, date } = await findTarget(deps, request);
  const { checkIn } = await deps.repos.checkIns.upsert({
    memberId: member.id,
    localDate: date,
    sober: existing.sober,
    craving: details.craving,
    mood: details.mood,
    meeting: details.meeting,
    noteSealed: details.note ? deps.sealer.seal(details.note) : undefined,
  });
  const timezone = timezoneOf(member);
  const today = localDateAt(deps.clock.now(), timezone);
  const guild = await deps.repos.guilds.ensure(request.guildId);
  return {
    member,
    checkIn,
    requestedShare: 'private',
    created: false,
    localDate: date,
    timezone,
    timezoneIsSet: member.timezone !== undefined,
    streak: checkInStreak(await deps.repos.checkIns.listDates(member.id), today),
    // Every reply that shows a craving of 8 or more carries the crisis card.
    helpLines: checkIn.craving !== undefined && checkIn.craving >= HIGH_CRAVING ? helpLinesFor(guild.region) : undefined,
    matReminder: member.matReminder,
  };
}
