// Words partners read. Neutral and kind: nobody is blamed for stepping back.
import type { ShareSettings } from '../domain/couple.js';

export const INVITE_DAYS = 7;

export const coupleText = {
  inviteDm: (inviterUserId: string, serverName: string) =>
    `<@${inviterUserId}> invited you to be partners on Tandem in **${serverName}**. Partners keep their own home groups and choose, item by item, what the other may see (nothing is shared until you turn it on). This invite stays open for ${INVITE_DAYS} days.`,
  inviteSent: (inviteeUserId: string, delivered: boolean) =>
    delivered
      ? `Invite sent to <@${inviteeUserId}>. They can accept with the buttons in their DMs or with \`/couple accept\`. It expires in ${INVITE_DAYS} days.`
      : `Invite saved for <@${inviteeUserId}>, but I couldn't DM them (their DMs are closed). Ask them to run \`/couple accept\` in this server. It expires in ${INVITE_DAYS} days.`,
  accepted: (partnerUserId: string) =>
    `You and <@${partnerUserId}> are now partners on Tandem. Nothing is shared yet: choose what your partner may see with \`/couple share\`. A shared couple channel is optional: \`/couple channel\` (both of you must agree).`,
  acceptedToInviter: (partnerUserId: string) =>
    `<@${partnerUserId}> accepted your invite. Nothing is shared yet: choose what your partner may see with \`/couple share\`.`,
  declined: 'Invite declined. Nobody else is told.',
  shareSummary: (s: ShareSettings) =>
    [
      '**What your partner may see** (only what is on):',
      `• that you checked in: **${s.checkInDone ? 'on' : 'off'}**`,
      `• sober yes/no: **${s.sober ? 'on' : 'off'}**`,
      `• check-in streak: **${s.streak ? 'on' : 'off'}**`,
      `• milestones: **${s.milestones ? 'on' : 'off'}**`,
      'Your notes, cravings, mood and slips are never shared by these settings.',
    ].join('\n'),
  channelWaiting: 'Noted: you would like a shared couple channel. It is created only when your partner agrees too; I let them know.',
  channelAskPartner: (userId: string) => `<@${userId}> would like a shared couple channel with you. It is created only if you agree too; you can say no by doing nothing.`,
  channelCreated: (channelId: string) =>
    `Your shared couple channel is ready: <#${channelId}>. Only the two of you (and the server's couple facilitators, if it has them) can see it. Server admins can see every channel on Discord.`,
  channelExists: (channelId: string) => `Your couple channel is <#${channelId}>.`,
  paused:
    'Paused. Taking separate routes for a while is a healthy choice. Couple prompts stop and the couple channel is read-only (nothing is deleted). Either of you can ask to resume; it needs both of you.',
  pausedToPartner: 'Your partner has paused the couple for now (separate routes for a while). The couple channel is read-only and nothing is deleted. Your own home group and support people are there for you.',
  resumeWaiting: 'Noted: you would like to resume. It happens when your partner agrees too; I let them know.',
  resumeAskPartner: (userId: string) => `<@${userId}> would like to resume the couple. If you agree, use \`/couple resume\` or the button.`,
  resumed: 'Resumed. The couple channel is open again for both of you.',
  left: 'You have stepped out of the couple. All sharing has stopped and the couple channel is archived (read-only). Your own record and home group are unchanged.',
  leftToPartner:
    'Your partner has stepped out of the couple on Tandem. Sharing has stopped both ways and the couple channel is archived. Your own record, home group and support people are unchanged; your home group and sponsor are there for you.',
} as const;

export function formatChannelRequest(result: { state: 'waiting' | 'creating' | 'created' | 'exists'; channelId?: string }): string {
  if (result.state === 'creating') return 'Your couple channel is being created right now; it appears in a moment.';
  if (result.state === 'waiting' || !result.channelId) return coupleText.channelWaiting;
  return result.state === 'created' ? coupleText.channelCreated(result.channelId) : coupleText.channelExists(result.channelId);
}
