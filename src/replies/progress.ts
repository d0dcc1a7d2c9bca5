import { daysBetween } from '../domain/calendar.js';
import type { CleanTime } from '../domain/cleanTime.js';
import type { DayStatus, Progress } from '../services/progress.js';
import { formatLongDate, pluralDays } from './format.js';

const DAY_MARKS: Record<DayStatus, string> = { sober: '🟩', rough: '🟨', none: '⬜' };

function formatCleanTime(time: CleanTime): string {
  const parts: string[] = [];
  if (time.years) parts.push(time.years === 1 ? '1 year' : `${time.years} years`);
  if (time.months) parts.push(time.months === 1 ? '1 month' : `${time.months} months`);
  if (time.remainderDays || parts.length === 0) parts.push(pluralDays(time.remainderDays));
  const total = pluralDays(time.days);
  return time.days >= 30 ? `**${total}** (${parts.join(', ')})` : `**${total}**`;
}

export function formatProgressReply(progress: Progress): string {
  const lines: string[] = ['**Your progress**'];
  if (progress.cleanDate && progress.cleanTime) {
    lines.push(`Clean time: ${formatCleanTime(progress.cleanTime)} since ${formatLongDate(progress.cleanDate)}.`);
  } else {
    lines.push('Clean time: set your clean date with `/settings clean_date` (for example 2025-03-14) to see it here.');
  }
  if (progress.nextMilestone) {
    const inDays = daysBetween(progress.today, progress.nextMilestone.date);
    lines.push(`Next milestone: **${progress.nextMilestone.label}** on ${formatLongDate(progress.nextMilestone.date)} (in ${pluralDays(inDays)}).`);
  }
  lines.push(`Check-in streak: **${pluralDays(progress.streak)}**.`);
  lines.push('', `Last ${progress.lastDays.length} days: ${progress.lastDays.map((day) => DAY_MARKS[day.status]).join('')}`);
  lines.push('🟩 sober · 🟨 a hard day, and you checked in anyway · ⬜ no check-in');
  if (!progress.timezoneIsSet) {
    lines.push('', `Days are counted in ${progress.timezone} until you set your timezone with \`/settings timezone\`.`);
  }
  return lines.join('\n');
}
