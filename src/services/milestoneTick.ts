// The scheduled milestone task: finds what is due now, claims it (insert before telling, so it is
// told once even across processes), then tells the member, and others only as the member chose.
import type { Clock } from '../clock.js';
import { localDateAt } from '../domain/calendar.js';
import { isTogether, partnerOf } from '../domain/couple.js';
import { timezoneOf, type Member } from '../domain/member.js';
import { dueMilestone } from '../domain/milestoneDue.js';
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

/** Runs one side effect; a failure is logged (never with the message) and does not stop the rest. */
export async function attempt(deps: TickDeps, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    deps.logger.warn({ err: error, what }, 'a scheduled message could not be delivered');
  }
}

async function homeGroupChannel(repos: Repositories, member: Member): Promise<string | undefined> {
  const group = member.homeGroupId ? await repos.homeGroups.get(member.homeGroupId) : undefined;
  return group?.status === 'active' ? group.channelId : undefined;
}

async function tell(deps: TickDeps, member: Member, milestone: Milestone, isToday: boolean): Promise<void> {
  const groupChannelId = member.announceMilestones ? await homeGroupChannel(deps.repos, member) : undefined;
  const content = memberMilestoneMessage(milestone, isToday, groupChannelId !== undefined);
  await attempt(deps, 'milestone to member', () => deps.discord.sendDirectMessage(member.userId, { content }));
  if (groupChannelId) {
    const line = homeGroupMilestoneLine(member.userId, milestone, isToday);
    await attempt(deps, 'milestone to home group', () => deps.discord.sendChannelMessage(groupChannelId, { content: line }));
  }

  const couple = await deps.repos.couples.findCurrentFor(member.id);
  if (!couple || !isTogether(couple.status) || couple.status === 'paused') return;
  if (!(await deps.repos.couples.getShare(couple.id, member.id)).milestones) return;
  const partner = await deps.repos.members.get(partnerOf(couple, member.id));
  if (!partner) return;
  const message = { content: partnerMilestoneMessage(member.userId, milestone, isToday) };
  const channelId = couple.channelId;
  await attempt(deps, 'milestone to partner', () =>
    channelId ? deps.discord.sendChannelMessage(channelId, message) : deps.discord.sendDirectMessage(partner.userId, message),
  );
}

/** One pass over members with a clean date. Returns how many milestones were told (no details). */
export async function tellDueMilestones(deps: TickDeps): Promise<number> {
  const now = deps.clock.now();
  let told = 0;
  for (const member of await deps.repos.milestones.listMembersWithCleanDate()) {
    if (!member.cleanDate) continue;
    const timezone = timezoneOf(member);
    const milestone = dueMilestone(member.cleanDate, now, timezone);
    if (!milestone) continue;
    if (!(await deps.repos.milestones.claim(member.id, member.cleanDate, milestone.key, now))) continue;
    told += 1;
    try {
      await tell(deps, member, milestone, localDateAt(now, timezone) === milestone.date);
    } catch (error) {
      deps.logger.error({ err: error }, 'telling a milestone failed part-way');
    }
  }
  return told;
}
