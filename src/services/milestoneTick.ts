// The scheduled milestone task: finds what is due now, claims an attempt (insert before telling, so
// it is told once even across processes), tells the member, and others only as the member chose,
// then records the delivery. An attempt cut short (Discord failing, or a crash after the claim) is
// retried on a later tick while the milestone is still due, a few times at most; every attempt
// sends each message with the same idempotency key, so Discord keeps one copy of what it already has.
import type { Clock } from '../clock.js';
import { localDateAt } from '../domain/calendar.js';
import { isTogether, partnerOf } from '../domain/couple.js';
import { timezoneOf, type Member } from '../domain/member.js';
import { dueMilestone, MILESTONE_MAX_ATTEMPTS, retryPolicy } from '../domain/milestoneDue.js';
import type { Milestone } from '../domain/milestones.js';
import type { Logger } from '../logger.js';
import { homeGroupMilestoneLine, memberMilestoneMessage, partnerMilestoneMessage } from '../replies/milestones.js';
import type { DiscordPort, Repositories } from './ports.js';

export interface TickDeps {
  repos: Repositories;
  discord: DiscordPort;
  clock: Clock;
  logger: Logger;
}

/**
 * Discord refused for good (a 4xx other than 429: missing access, unknown channel): the same
 * request would be refused again, and Discord counts refusals toward its invalid-request limit.
 */
function isRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

/**
 * Sends one scheduled message. A refusal is logged and final (never retried, like a closed DM);
 * any other failure (a 5xx after discord.js's own retries, a timeout) is thrown, so the whole
 * attempt is retried later. Nothing about the message is logged.
 */
export async function sendScheduled(deps: Pick<TickDeps, 'logger'>, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    deps.logger.warn({ err: error, what }, 'Discord refused a scheduled message; it is not retried');
  }
}

/** Logged without the member or the milestone: the error is Discord's own. */
export function logUndelivered(deps: Pick<TickDeps, 'logger'>, error: unknown, attempt: number, what: string): void {
  if (attempt >= MILESTONE_MAX_ATTEMPTS) deps.logger.error({ err: error, attempt }, `telling ${what} failed on the last attempt; it is not tried again`);
  else deps.logger.warn({ err: error, attempt }, `telling ${what} failed; a later tick tries again`);
}

async function homeGroupChannel(repos: Repositories, member: Member): Promise<string | undefined> {
  const group = member.homeGroupId ? await repos.homeGroups.get(member.homeGroupId) : undefined;
  return group?.status === 'active' ? group.channelId : undefined;
}

/** The partner who may hear about the member's milestones, if any. */
async function partnerToTell(repos: Repositories, member: Member): Promise<Member | undefined> {
  const couple = await repos.couples.findCurrentFor(member.id);
  if (!couple || !isTogether(couple.status) || couple.status === 'paused') return undefined;
  if (!(await repos.couples.getShare(couple.id, member.id)).milestones) return undefined;
  return repos.members.get(partnerOf(couple, member.id));
}

/** Which audiences an attempt has told: earlier attempts' are skipped, each new one is recorded at once. */
interface Progress {
  done: Set<string>;
  record(part: string): Promise<void>;
}

/** Sends one part unless an earlier attempt already did, then records it. */
async function sendPart(deps: TickDeps, progress: Progress, part: string, send: () => Promise<unknown>): Promise<void> {
  if (progress.done.has(part)) return;
  await sendScheduled(deps, `milestone to ${part}`, send);
  await progress.record(part);
}

/**
 * Every message of one milestone, in order. `key` identifies the claim; each message's idempotency
 * key adds its audience. A closed DM is final: the member (or partner) is never tried again for it.
 */
async function tell(deps: TickDeps, member: Member, milestone: Milestone, isToday: boolean, key: string, progress: Progress): Promise<void> {
  const groupChannelId = member.announceMilestones ? await homeGroupChannel(deps.repos, member) : undefined;
  const content = memberMilestoneMessage(milestone, isToday, groupChannelId !== undefined);
  await sendPart(deps, progress, 'member', () => deps.discord.sendDirectMessage(member.userId, { content }, `${key}:member`));
  if (groupChannelId) {
    const line = homeGroupMilestoneLine(member.userId, milestone, isToday);
    await sendPart(deps, progress, 'homegroup', () => deps.discord.sendChannelMessage(groupChannelId, { content: line }, `${key}:homegroup`));
  }
  // By DM to the partner alone, never in the couple channel (the facilitator role may read it):
  // the member chose to share milestones with their partner.
  const partner = await partnerToTell(deps.repos, member);
  if (!partner) return;
  const message = { content: partnerMilestoneMessage(member.userId, milestone, isToday) };
  await sendPart(deps, progress, 'partner', () => deps.discord.sendDirectMessage(partner.userId, message, `${key}:partner`));
}

/** One pass over members with a clean date. Returns how many milestones it tried to tell (no details). */
export async function tellDueMilestones(deps: TickDeps): Promise<number> {
  const now = deps.clock.now();
  let attempted = 0;
  for (const member of await deps.repos.milestones.listMembersWithCleanDate()) {
    const cleanDate = member.cleanDate;
    if (!cleanDate) continue;
    const timezone = timezoneOf(member);
    const milestone = dueMilestone(cleanDate, now, timezone);
    if (!milestone) continue;
    const attempt = await deps.repos.milestones.claim(member.id, cleanDate, milestone.key, now, retryPolicy(now));
    if (attempt === undefined) continue;
    attempted += 1;
    try {
      const progress: Progress = {
        done: attempt > 1 ? await deps.repos.milestones.deliveredParts(member.id, cleanDate, milestone.key) : new Set(),
        record: (part) => deps.repos.milestones.markPartDelivered(member.id, cleanDate, milestone.key, part),
      };
      await tell(deps, member, milestone, localDateAt(now, timezone) === milestone.date, `milestone:${member.id}:${cleanDate}:${milestone.key}`, progress);
      await deps.repos.milestones.markDelivered(member.id, cleanDate, milestone.key, deps.clock.now());
    } catch (error) {
      logUndelivered(deps, error, attempt, 'a milestone');
    }
  }
  return attempted;
}
