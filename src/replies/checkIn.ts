import type { CheckInOutcome } from '../services/checkIns.js';
import { formatHelpLines } from './helpLines.js';
import { formatLongDate, pluralDays } from './format.js';

export function formatCheckInReply(outcome: CheckInOutcome): string {
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
  if (checkIn.share !== 'private') {
    lines.push('Sharing starts once you belong to a home group or a couple; this check-in stays private for now.');
  }
  if (!outcome.timezoneIsSet) {
    lines.push(`Tip: set your timezone with \`/settings timezone\` so your day starts at your midnight (using ${outcome.timezone} for now).`);
  }
  if (outcome.helpLines) lines.push('', formatHelpLines(outcome.helpLines));
  return lines.join('\n');
}
