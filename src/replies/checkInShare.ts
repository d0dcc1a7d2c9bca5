// Words for shared check-ins: the line others see, and what the member is told about it.
// Others never see the note, the craving or the mood; the home group sees no details at all.
import type { PartnerView } from '../domain/checkInShare.js';
import type { ShareResult } from '../services/checkInSharing.js';
import { pluralDays } from './format.js';

export function homeGroupCheckInLine(userId: string): string {
  return `🌱 <@${userId}> checked in today. One day at a time, together.`;
}

export function partnerCheckInMessage(userId: string, view: PartnerView): string {
  const lines: string[] = [];
  if (view.sober === undefined) lines.push(`💞 <@${userId}> checked in today.`);
  else if (view.sober) lines.push(`💞 <@${userId}> checked in today: sober today.`);
  else {
    lines.push(
      `💞 <@${userId}> checked in today and said it is a hard day.`,
      'You can be there for them without carrying it for them: your own sponsor and home group are there for you too.',
    );
  }
  if (view.streak !== undefined) lines.push(`Their check-in streak: ${pluralDays(view.streak)}.`);
  return lines.join('\n');
}

const HOME_GROUP: Record<Extract<ShareResult, { target: 'homegroup' }>['status'], string> = {
  posted: '🌱 Your home group sees a short line that you checked in, with no details.',
  'already-shared': 'Your home group already knows you checked in today, so nothing was posted again.',
  'no-home-group': "You're not in a home group yet (`/homegroup join`), so this check-in stayed private.",
  undelivered: "I couldn't post in your home group's channel just now, so this check-in stayed private. You can share it again later today.",
};

const PARTNER: Record<Extract<ShareResult, { target: 'partner' }>['status'], string> = {
  'sent-dm': '💞 Your partner got a private message with only what your share settings allow (never your note, craving or mood).',
  'already-shared': 'Your partner already heard about today’s check-in, so nothing was sent again.',
  'no-partner': "You're not in a couple on Tandem here, so this check-in stayed private.",
  paused: "You and your partner are on separate routes for now, so nothing was sent. That's okay.",
  'nothing-allowed': 'Your share settings don’t let your partner see anything yet, so nothing was sent. `/couple share` chooses what they may see.',
  'dms-closed': "Your partner's direct messages are closed, so I couldn't pass it on. Nothing else was shared. If they open them, you can share it again today.",
  undelivered: "I couldn't reach your partner just now, so nothing was shared. You can share it again later today.",
};

/** One line telling the member what happened to their share choice. */
export function formatShareResult(result: ShareResult): string {
  return result.target === 'homegroup' ? HOME_GROUP[result.status] : PARTNER[result.status];
}
