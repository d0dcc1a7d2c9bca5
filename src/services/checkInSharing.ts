// Sharing a check-in: only where the member asked, only what they allowed, and never twice.
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
      status: 'sent-dm' | 'sent-couple-channel' | 'already-shared' | 'no-partner' | 'paused' | 'nothing-allowed' | 'dms-closed' | 'undelivered';
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

async function shareWithHomeGroup(deps: SharingDeps, outcome: CheckInOutcome): Promise<ShareResult> {
  const { member } = outcome;
  const group = member.homeGroupId ? await deps.repos.homeGroups.get(member.homeGroupId) : undefined;
  if (!group || group.status !== 'active' || !group.channelId) return { target: 'homegroup', status: 'no-home-group' };
  const channelId = group.channelId;
  if (!(await deps.repos.checkIns.claimShare(member.id, outcome.localDate, 'homegroup', deps.clock.now()))) {
    return { target: 'homegroup', status: 'already-shared' };
  }
  const sent = await deliver(deps, async () => {
    await deps.discord.sendChannelMessage(channelId, { content: homeGroupCheckInLine(member.userId) });
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

  const message = { content: partnerCheckInMessage(member.userId, view) };
  const channelId = couple.channelId;
  if (channelId) {
    const sent = await deliver(deps, async () => {
      await deps.discord.sendChannelMessage(channelId, message);
      return 'sent';
    });
    return { target: 'partner', status: sent === 'sent' ? 'sent-couple-channel' : 'undelivered' };
  }
  const sent = await deliver(deps, () => deps.discord.sendDirectMessage(partner.userId, message));
  return { target: 'partner', status: sent === 'sent' ? 'sent-dm' : sent === 'closed' ? 'dms-closed' : 'undelivered' };
}

/** Shares today's check-in as the member asked; undefined when they kept it private. */
export async function shareCheckIn(deps: SharingDeps, outcome: CheckInOutcome): Promise<ShareResult | undefined> {
  if (outcome.requestedShare === 'homegroup') return shareWithHomeGroup(deps, outcome);
  if (outcome.requestedShare === 'partner') return shareWithPartner(deps, outcome);
  return undefined;
}
