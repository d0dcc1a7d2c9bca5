// Words for a slip. The member's reply is private; the partner hears only that it is a hard time.
// No blame, no counting down: history is kept, and the next step is small.
import type { PartnerNotice, SlipOutcome } from '../services/slips.js';
import { formatHelpLines } from './helpLines.js';
import { formatLongDate, pluralDays } from './format.js';

const PARTNER: Record<PartnerNotice, string> = {
  'not-asked': 'Nobody else was told. This stays between you and me.',
  told: 'I told your partner privately that you are going through a hard time and pointed them to their own support. I shared no details.',
  'no-partner': "You're not in a couple on Tandem here, so nobody was told.",
  'dms-closed': "Your partner's direct messages are closed, so I couldn't tell them. You can tell them yourself whenever you're ready.",
  undelivered: "I couldn't reach your partner just now. You can tell them yourself whenever you're ready.",
};

function recordLine(outcome: SlipOutcome): string {
  const { plan } = outcome;
  if (!plan.newCleanDate) {
    return 'Your clean time stays as it is. This day is noted in your private history, and only you can see it.';
  }
  const starts =
    plan.newCleanDate > outcome.today
      ? `Your new clean time begins tomorrow, ${formatLongDate(plan.newCleanDate)}.`
      : `Your new clean time counts from ${formatLongDate(plan.newCleanDate)}.`;
  const kept = outcome.keptDays
    ? ` Your earlier ${pluralDays(outcome.keptDays)} stay in your history, and every milestone you reached stays yours.`
    : ' Every milestone you reached stays yours.';
  return starts + kept;
}

export function formatSlipReply(outcome: SlipOutcome): string {
  const homeGroup = outcome.homeGroupChannelId
    ? `Your home group is there for you: <#${outcome.homeGroupChannelId}>.`
    : 'A home group can be there for you: `/homegroup join` finds one.';
  return [
    '💙 **Thank you for telling me.** Reaching out right now takes courage, and a slip does not erase the work you have done.',
    recordLine(outcome),
    'Your check-in streak is untouched.',
    '',
    '**Some next steps, one at a time:**',
    '1. Call your sponsor or someone you trust. Now is a good time.',
    '2. Go to a meeting today, in person or online.',
    `3. ${homeGroup}`,
    '4. Be gentle with yourself tonight: eat something, drink water, rest.',
    '',
    PARTNER[outcome.partner],
    '',
    formatHelpLines(outcome.helpLines),
  ].join('\n');
}

/** The DM a partner gets: no date, no details, and a turn towards their own recovery. */
export function partnerSupportMessage(memberUserId: string, ownHomeGroupChannelId: string | undefined): string {
  return [
    `💙 <@${memberUserId}> asked me to let you know they are going through a hard time right now.`,
    "You don't have to fix it, and it isn't yours to carry. Caring for your own recovery is the best support you can give.",
    '• Reach out to your sponsor or someone in your support network.',
    ownHomeGroupChannelId ? `• Your home group is there for you too: <#${ownHomeGroupChannelId}>.` : '• A meeting or your home group is there for you too.',
    '• Check in on yourself: how are you doing today? `/checkin` takes a moment.',
    'If things feel heavy, `/sos` lists help lines, any time.',
  ].join('\n');
}
