// Sharing a check-in: only where the member asked, only what they allowed, and never twice. The
// claim comes first (so two racing check-ins post once) and is released when nothing was delivered,
// so the member can share that day once Discord or their partner's DMs let it through.
import { partnerViewOf } from '../domain/checkInShare.js';
import { isTogether, partnerOf } from '../domain/couple.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { homeGroupCheckInLine, partnerCheckInMessage } from '../replies/checkInShare.js';
import type { CheckInOutcome } from './checkIns.js';
import type { DiscordPort, Repositories } from './ports.js';

export interface SharingDeps {
  repos: Repositories;
  discord: DiscordPort;
  logger: Logger;
  clock: Clock;
}

export type ShareResult =
  | { target: 'homegroup'; status: 'posted' | 'already-shared' | 'no-home-group' | 'undelivered' }
  | {
      target: 'partner';
      status: 'sent-dm' | 'already-shared' | 'no-partner' | 'paused' | 'nothing-allowed' | 'dms-closed' | 'undelivered';
    };

async function deliver(deps: SharingDeps, send: () => Promise<'sent' | 'closed'>): Promise<'sent' | 'closed' | 'failed'> {
  try {
    return await send();
  } catch (error) {
    // The error carries no health detail (Discord's own message); the content is never logged.
    deps.logger.warn({ err: error }, 'could not deliver a shared check-in');
    return 'failed';
  }
}

type Target = ShareResult['target'];

/** The same key for every attempt at sharing this check-in with this target. */
function shareKey(outcome: CheckInOutcome, target: Target): string {
  return `checkin:${outcome.checkIn.id}:${target}`;
}

/** Sends after the claim; releases the claim unless the message was delivered. */
async function deliverClaimed(deps: SharingDeps, outcome: CheckInOutcome, target: Target, send: (key: string) => Promise<'sent' | 'closed'>) {
  const sent = await deliver(deps, () => send(shareKey(outcome, target)));
  if (sent !== 'sent') await deps.repos.checkIns.releaseShare(outcome.member.id, outcome.localDate, target);
  return sent;
}

async function shareWithHomeGroup(deps: SharingDeps, outcome: CheckInOutcome): Promise<ShareResult> {
  const { member } = outcome;
  const group = member.homeGroupId ? await deps.repos.homeGroups.get(member.homeGroupId) : undefined;
  if (!group || group.status !== 'active' || !group.channelId) return { target: 'homegroup', status: 'no-home-group' };
  const channelId = group.channelId;
  if (!(await deps.repos.checkIns.claimShare(member.id, outcome.localDate, 'homegroup', deps.clock.now()))) {
    return { target: 'homegroup', status: 'already-shared' };
  }
  const sent = await deliverClaimed(deps, outcome, 'homegroup', async (key) => {
    await deps.discord.sendChannelMessage(channelId, { content: homeGroupCheckInLine(member.userId) }, key);
    return 'sent';
  });
  return { target: 'homegroup', status: sent === 'sent' ? 'posted' : 'undelivered' };
}

async function shareWithPartner(deps: SharingDeps, outcome: CheckInOutcome): Promise<ShareResult> {
  const { member } = outcome;
  const couple = await deps.repos.couples.findCurrentFor(member.id);
  if (!couple || !isTogether(couple.status)) return { target: 'partner', status: 'no-partner' };
  if (couple.status === 'paused') return { target: 'partner', status: 'paused' };
  const partner = await deps.repos.members.get(partnerOf(couple, member.id));
  if (!partner) return { target: 'partner', status: 'no-partner' };
  const view = partnerViewOf(outcome.checkIn, outcome.streak, await deps.repos.couples.getShare(couple.id, member.id));
  if (!view) return { target: 'partner', status: 'nothing-allowed' };
  if (!(await deps.repos.checkIns.claimShare(member.id, outcome.localDate, 'partner', deps.clock.now()))) {
    return { target: 'partner', status: 'already-shared' };
  }

  // By DM to the partner alone, even with a couple channel: the facilitator role may read that
  // channel, and the member chose what their partner may see.
  const message = { content: partnerCheckInMessage(member.userId, view) };
  const sent = await deliverClaimed(deps, outcome, 'partner', (key) => deps.discord.sendDirectMessage(partner.userId, message, key));
  return { target: 'partner', status: sent === 'sent' ? 'sent-dm' : sent === 'closed' ? 'dms-closed' : 'undelivered' };
}

/** Shares today's check-in as the member asked; undefined when they kept it private. */
export async function shareCheckIn(deps: SharingDeps, outcome: CheckInOutcome): Promise<ShareResult | undefined> {
  if (outcome.requestedShare === 'homegroup') return shareWithHomeGroup(deps, outcome);
  if (outcome.requestedShare === 'partner') return shareWithPartner(deps, outcome);
  return undefined;
}
