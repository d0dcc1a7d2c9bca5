import type { CheckInOutcome } from '../services/checkIns.js';
import type { ShareResult } from '../services/checkInSharing.js';
import { formatShareResult } from './checkInShare.js';
import { formatHelpLines } from './helpLines.js';
import { formatLongDate, pluralDays } from './format.js';

export const MAT_REMINDER =
  '💊 Safety reminder: keep take-home doses locked away, count them, and never share them, not even with your partner.';

export function formatCheckInReply(outcome: CheckInOutcome, share?: ShareResult): string {
  const { checkIn } = outcome;
  const lines = [
    outcome.created
      ? `✅ Checked in for ${formatLongDate(outcome.localDate)}.`
      : `✏️ Updated your check-in for ${formatLongDate(outcome.localDate)}.`,
  ];
  const answers = [`sober today: **${checkIn.sober ? 'yes' : 'no'}**`];
  if (checkIn.craving !== undefined) answers.push(`craving: **${checkIn.craving}/10**`);
  if (checkIn.mood !== undefined) answers.push(`mood: **${checkIn.mood}/5**`);
  if (checkIn.meeting !== undefined) answers.push(`meeting: **${checkIn.meeting ? 'yes' : 'not today'}**`);
  lines.push(answers.join(' · '));
  if (checkIn.hasNote) lines.push('🔒 Your private note is saved, encrypted. Only you can see it.');
  lines.push(`Check-in streak: **${pluralDays(outcome.streak)}**.`);

  if (!checkIn.sober) {
    lines.push(
      'Thank you for being honest. One hard day does not erase the work you have done. If you want, `/slip` records it with care, and your home group and sponsor are there for you.',
    );
  }
  if (share) lines.push(formatShareResult(share));
  if (outcome.matReminder) lines.push(MAT_REMINDER);
  if (!outcome.timezoneIsSet) {
    lines.push(`Tip: set your timezone with \`/settings timezone\` so your day starts at your midnight (using ${outcome.timezone} for now).`);
  }
  if (outcome.helpLines) lines.push('', formatHelpLines(outcome.helpLines));
  return lines.join('\n');
}
