import type { Clock } from '../clock.js';
import { isValidTimeZone, localDateAt, parseLocalDate, type LocalDate } from '../domain/calendar.js';
import { InvalidInputError } from '../domain/errors.js';
import { newMember, timezoneOf, type Member } from '../domain/member.js';
import type { Repositories } from './ports.js';

export interface SettingsChange {
  timezone?: string | undefined;
  /** "YYYY-MM-DD" as typed by the member. */
  cleanDate?: string | undefined;
  /** Post milestones in the home group too (off by default). */
  announceMilestones?: boolean | undefined;
  /** Medication-assisted-treatment safety reminder with each check-in reply (off by default). */
  matReminder?: boolean | undefined;
}

/** Validates everything first, then stores it all at once: bad input changes nothing. */
export async function updateSettings(
  deps: { repos: Repositories; clock: Clock },
  ids: { guildId: string; userId: string },
  change: SettingsChange,
): Promise<Member> {
  const timezone = change.timezone?.trim();
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    throw new InvalidInputError(
      `I don't know the timezone "${timezone.slice(0, 64)}". Pick one from the list as you type, e.g. America/New_York or Europe/Madrid.`,
    );
  }
  // Validate everything before storing anything: a refusal creates no record.
  const existing = await deps.repos.members.find(ids.guildId, ids.userId);
  let cleanDate: LocalDate | undefined;
  if (change.cleanDate !== undefined) {
    cleanDate = parseLocalDate(change.cleanDate);
    if (!cleanDate) {
      throw new InvalidInputError('Please write your clean date as year-month-day, for example 2025-03-14.');
    }
    const today = localDateAt(deps.clock.now(), timezone ?? timezoneOf(existing ?? { timezone: undefined }));
    if (cleanDate > today) {
      throw new InvalidInputError(`Your clean date can't be later than today (${today}).`);
    }
  }
  const { announceMilestones, matReminder } = change;
  if (timezone === undefined && cleanDate === undefined && announceMilestones === undefined && matReminder === undefined) {
    return existing ?? newMember(ids);
  }
  const member = existing ?? (await deps.repos.members.ensure(ids.guildId, ids.userId));
  return deps.repos.members.update(member.id, {
    ...(timezone !== undefined && { timezone }),
    ...(cleanDate !== undefined && { cleanDate }),
    ...(announceMilestones !== undefined && { announceMilestones }),
    ...(matReminder !== undefined && { matReminder }),
  });
}

const ALL_ZONES: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];

/** Up to 25 IANA zones matching what the member typed (Discord shows at most 25). */
export function suggestTimeZones(typed: string, limit = 25): string[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!query) return ALL_ZONES.slice(0, limit);
  const starts = ALL_ZONES.filter((zone) => zone.toLowerCase().split('/').some((part) => part.startsWith(query)));
  const contains = ALL_ZONES.filter((zone) => !starts.includes(zone) && zone.toLowerCase().includes(query));
  return [...starts, ...contains].slice(0, limit);
}
