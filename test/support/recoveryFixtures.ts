// Fixtures for the check-in, slip and milestone services on a real database: members, a home
// group, a couple with share settings, and a Discord port that records what would be sent.
import type { LocalDate } from '../../src/domain/calendar.js';
import { NOTHING_SHARED, type ShareSettings } from '../../src/domain/couple.js';
import type { Member } from '../../src/domain/member.js';
import type { DiscordPort, OutgoingMessage, Repositories } from '../../src/services/ports.js';
import { snowflake } from './fakes.js';

export interface Sent {
  kind: 'dm' | 'channel';
  /** The user id (DM) or channel id. */
  to: string;
  content: string;
}

export function recordingDiscord() {
  const sent: Sent[] = [];
  const closedDms = new Set<string>();
  const port: Pick<DiscordPort, 'sendChannelMessage' | 'sendDirectMessage'> = {
    async sendChannelMessage(channelId: string, message: OutgoingMessage) {
      sent.push({ kind: 'channel', to: channelId, content: message.content });
    },
    async sendDirectMessage(userId: string, message: OutgoingMessage) {
      if (closedDms.has(userId)) return 'closed';
      sent.push({ kind: 'dm', to: userId, content: message.content });
      return 'sent';
    },
  };
  // Only the two sending methods are used by these services; anything else would throw.
  return { sent, closedDms, port: port as DiscordPort };
}

export async function memberWith(repos: Repositories, guildId: string, changes: { timezone?: string; cleanDate?: string; announceMilestones?: boolean; matReminder?: boolean } = {}): Promise<Member> {
  const member = await repos.members.ensure(guildId, snowflake());
  const { cleanDate, ...rest } = changes;
  return repos.members.update(member.id, { ...rest, ...(cleanDate && { cleanDate: cleanDate as LocalDate }) });
}

/** An active home group with a channel, and the member in it. */
export async function inHomeGroup(repos: Repositories, member: Member): Promise<{ channelId: string; member: Member }> {
  const group = await repos.homeGroups.createIntent(member.guildId, `Group ${snowflake()}`, 'AA');
  const channelId = snowflake();
  await repos.homeGroups.activate(group!.id, channelId);
  return { channelId, member: await repos.members.setHomeGroup(member.id, group!.id) };
}

/** Two members as an active couple; `channelId` gives them a couple channel. */
export async function asCouple(
  repos: Repositories,
  a: Member,
  b: Member,
  options: { shareA?: Partial<ShareSettings>; shareB?: Partial<ShareSettings>; channelId?: string; paused?: boolean } = {},
) {
  const invite = await repos.couples.createInvite({ guildId: a.guildId, inviterId: a.id, inviteeId: b.id, expiresAt: new Date('2100-01-01'), tag: 'a1b2' });
  if (!(await repos.couples.accept(invite.id, new Date('2026-01-01')))) throw new Error('could not seat the couple');
  await repos.couples.setShare(invite.id, a.id, { ...NOTHING_SHARED, ...options.shareA });
  await repos.couples.setShare(invite.id, b.id, { ...NOTHING_SHARED, ...options.shareB });
  return repos.couples.update(invite.id, {
    ...(options.channelId && { channelId: options.channelId }),
    ...(options.paused && { status: 'paused' as const }),
  });
}
