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

/** Every call to the port, whatever became of it, with the idempotency key it carried. */
export interface Attempt {
  kind: 'dm' | 'channel';
  to: string;
  key: string | undefined;
  outcome: 'sent' | 'closed' | 'failed';
}

export function recordingDiscord() {
  const sent: Sent[] = [];
  const attempts: Attempt[] = [];
  const closedDms = new Set<string>();
  /** Channels (or users) Discord refuses for good, as it does without permission: 403, code 50013. */
  const refused = new Set<string>();
  let failures = 0;
  /** Transient failures for one recipient only. */
  const failuresTo = new Map<string, number>();
  // A transient failure (a 5xx after discord.js's own retries, a timeout) for the next `failures` sends.
  const failIfAsked = (kind: Attempt['kind'], to: string, key: string | undefined) => {
    const targeted = failuresTo.get(to) ?? 0;
    if (failures === 0 && targeted === 0 && !refused.has(to)) return;
    attempts.push({ kind, to, key, outcome: 'failed' });
    if (refused.has(to)) throw Object.assign(new Error('Missing Permissions'), { status: 403, code: 50013 });
    if (targeted > 0) failuresTo.set(to, targeted - 1);
    else failures -= 1;
    throw Object.assign(new Error('503: Service Unavailable'), { status: 503 });
  };
  const port: Pick<DiscordPort, 'sendChannelMessage' | 'sendDirectMessage'> = {
    async sendChannelMessage(channelId: string, message: OutgoingMessage, idempotencyKey?: string) {
      failIfAsked('channel', channelId, idempotencyKey);
      attempts.push({ kind: 'channel', to: channelId, key: idempotencyKey, outcome: 'sent' });
      sent.push({ kind: 'channel', to: channelId, content: message.content });
    },
    async sendDirectMessage(userId: string, message: OutgoingMessage, idempotencyKey?: string) {
      failIfAsked('dm', userId, idempotencyKey);
      if (closedDms.has(userId)) {
        attempts.push({ kind: 'dm', to: userId, key: idempotencyKey, outcome: 'closed' });
        return 'closed';
      }
      attempts.push({ kind: 'dm', to: userId, key: idempotencyKey, outcome: 'sent' });
      sent.push({ kind: 'dm', to: userId, content: message.content });
      return 'sent';
    },
  };
  // Only the two sending methods are used by these services; anything else would throw.
  return {
    sent,
    attempts,
    closedDms,
    refused,
    /** The next `count` sends throw, as a send does after a 5xx or a timeout. */
    failNext(count: number) {
      failures += count;
    },
    /** The next `count` sends to this channel or user throw, as after a 5xx. */
    failNextTo(to: string, count = 1) {
      failuresTo.set(to, (failuresTo.get(to) ?? 0) + count);
    },
    port: port as DiscordPort,
  };
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
