import { daysBetween } from '../domain/calendar.js';
import type { CleanTime } from '../domain/cleanTime.js';
import { periodDays } from '../domain/slip.js';
import type { DayStatus, Progress } from '../services/progress.js';
import { formatLongDate, formatShortDate, pluralDays } from './format.js';

const DAY_MARKS: Record<DayStatus, string> = { sober: '🟩', rough: '🟨', none: '⬜' };
/** Earlier clean periods listed one by one; the rest are summed up. */
const PERIODS_SHOWN = 5;

function formatCleanTime(time: CleanTime): string {
  const parts: string[] = [];
  if (time.years) parts.push(time.years === 1 ? '1 year' : `${time.years} years`);
  if (time.months) parts.push(time.months === 1 ? '1 month' : `${time.months} months`);
  if (time.remainderDays || parts.length === 0) parts.push(pluralDays(time.remainderDays));
  const total = pluralDays(time.days);
  const hasCalendarParts = time.years > 0 || time.months > 0;
  return hasCalendarParts ? `**${total}** (${parts.join(', ')})` : `**${total}**`;
}

function cleanTimeLines(progress: Progress): string[] {
  const { cleanDate, cleanTime } = progress;
  if (!cleanDate) return ['Clean time: set your clean date with `/settings clean_date` (for example 2025-03-14) to see it here.'];
  if (!cleanTime) return [`Your new clean time begins tomorrow, ${formatLongDate(cleanDate)}. Today still counts: you showed up.`];
  const lines = [`Clean time: ${formatCleanTime(cleanTime)} since ${formatLongDate(cleanDate)}.`];
  if (progress.latestMilestone) {
    lines.push(`Latest milestone: **${progress.latestMilestone.label}**, reached ${formatLongDate(progress.latestMilestone.date)} 🎉`);
  }
  return lines;
}

function earlierPeriodLines(progress: Progress): string[] {
  const periods = progress.earlierPeriods;
  if (periods.length === 0) return [];
  const shown = periods.slice(0, PERIODS_SHOWN).map(
    (p) => `• ${formatShortDate(p.startDate)} – ${formatShortDate(p.endDate)}: ${pluralDays(periodDays(p))}`,
  );
  const rest = periods.length - shown.length;
  return [
    '',
    'Earlier clean time, still yours:',
    ...shown,
    ...(rest > 0 ? [`• and ${rest} earlier ${rest === 1 ? 'period' : 'periods'}`] : []),
  ];
}

export function formatProgressReply(progress: Progress): string {
  const lines: string[] = ['**Your progress**', ...cleanTimeLines(progress)];
  if (progress.nextMilestone) {
    const inDays = daysBetween(progress.today, progress.nextMilestone.date);
    lines.push(`Next milestone: **${progress.nextMilestone.label}** on ${formatLongDate(progress.nextMilestone.date)} (in ${pluralDays(inDays)}).`);
  }
  lines.push(`Check-in streak: **${pluralDays(progress.streak)}**.`);
  lines.push(...earlierPeriodLines(progress));
  lines.push('', `Last ${progress.lastDays.length} days: ${progress.lastDays.map((day) => DAY_MARKS[day.status]).join('')}`);
  lines.push('🟩 sober · 🟨 a hard day, and you checked in anyway · ⬜ no check-in');
  lines.push(
    progress.timezoneIsSet
      ? `Days are counted in your timezone (${progress.timezone}); today is ${formatLongDate(progress.today)}.`
      : `Days are counted in ${progress.timezone} until you set your timezone with \`/settings timezone\`.`,
  );
  return lines.join('\n');
}
