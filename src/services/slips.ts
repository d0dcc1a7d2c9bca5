// A slip: recorded privately, clean time restarted only if the member chooses, history and
// milestones kept. The partner hears only that it is a hard time, and only if the member asks.
import type { Clock } from '../clock.js';
import { localDateAt, type LocalDate } from '../domain/calendar.js';
import { isTogether, partnerOf } from '../domain/couple.js';
import { helpLinesFor, type HelpLine } from '../domain/crisisLines.js';
import { timezoneOf, type Member } from '../domain/member.js';
import { periodDays, planSlip, type SlipPlan } from '../domain/slip.js';
import type { Logger } from '../logger.js';
import { partnerSupportMessage } from '../replies/slip.js';
import type { DiscordPort, Repositories } from './ports.js';

export interface SlipDeps {
  repos: Repositories;
  clock: Clock;
  discord: DiscordPort;
  logger: Logger;
}

export interface SlipRequest {
  /** "YYYY-MM-DD" as typed; undefined = today in the member's timezone. */
  date: string | undefined;
  restartCleanTime: boolean;
  tellPartner: boolean;
}

export type PartnerNotice = 'not-asked' | 'told' | 'no-partner' | 'dms-closed' | 'undelivered';

export interface SlipOutcome {
  plan: SlipPlan;
  today: LocalDate;
  /** Days in the clean period the slip closed (kept in history). */
  keptDays: number | undefined;
  partner: PartnerNotice;
  homeGroupChannelId: string | undefined;
  helpLines: HelpLine[];
}

async function activeGroupChannel(repos: Repositories, member: Member): Promise<string | undefined> {
  const group = member.homeGroupId ? await repos.homeGroups.get(member.homeGroupId) : undefined;
  return group?.status === 'active' ? group.channelId : undefined;
}

async function findPartner(repos: Repositories, member: Member): Promise<Member | undefined> {
  const couple = await repos.couples.findCurrentFor(member.id);
  // A paused couple is still a couple: the member asked, and the message is for the partner's own care.
  if (!couple || !isTogether(couple.status)) return undefined;
  return repos.members.get(partnerOf(couple, member.id));
}

async function tellPartner(deps: SlipDeps, slipId: string, member: Member, partner: Member): Promise<PartnerNotice> {
  try {
    const content = partnerSupportMessage(member.userId, await activeGroupChannel(deps.repos, partner));
    const sent = await deps.discord.sendDirectMessage(partner.userId, { content }, `slip:${slipId}:partner`);
    return sent === 'sent' ? 'told' : 'dms-closed';
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not send a partner support message');
    return 'undelivered';
  }
}

/** The partner was told: recorded, but a failure here must not cost the member their reply. */
async function markTold(deps: SlipDeps, slipId: string): Promise<void> {
  try {
    await deps.repos.slips.markToldPartner(slipId);
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record that the partner was told');
  }
}

export interface PlannedSlip {
  ids: { guildId: string; userId: string };
  request: SlipRequest;
  known: Member | undefined;
  today: LocalDate;
  plan: SlipPlan;
}

/** Validates the slip without writing anything: bad input changes nothing, not even a first-use row. */
export async function planMemberSlip(deps: Pick<SlipDeps, 'repos' | 'clock'>, ids: PlannedSlip['ids'], request: SlipRequest): Promise<PlannedSlip> {
  const known = await deps.repos.members.find(ids.guildId, ids.userId);
  const today = localDateAt(deps.clock.now(), known ? timezoneOf(known) : 'UTC');
  const plan = planSlip({ date: request.date, restartCleanTime: request.restartCleanTime, today, cleanDate: known?.cleanDate });
  return { ids, request, known, today, plan };
}

/**
 * Records a planned slip (slip, closed period and new clean date together), then tells the partner
 * if asked; the slip says the partner was told only once the DM went out.
 */
export async function recordSlip(deps: SlipDeps, planned: PlannedSlip): Promise<SlipOutcome> {
  const { ids, request, plan } = planned;
  const guild = await deps.repos.guilds.ensure(ids.guildId);
  const member = planned.known ?? (await deps.repos.members.ensure(ids.guildId, ids.userId));
  const partner = request.tellPartner ? await findPartner(deps.repos, member) : undefined;
  const { slipId } = await deps.repos.slips.record({
    memberId: member.id,
    localDate: plan.slipDate,
    restartedCleanTime: request.restartCleanTime,
    closedPeriod: plan.closedPeriod,
    newCleanDate: plan.newCleanDate,
  });

  let notice: PartnerNotice = 'not-asked';
  if (request.tellPartner) notice = partner ? await tellPartner(deps, slipId, member, partner) : 'no-partner';
  if (notice === 'told') await markTold(deps, slipId);
  return {
    plan,
    today: planned.today,
    keptDays: plan.closedPeriod ? periodDays(plan.closedPeriod) : undefined,
    partner: notice,
    homeGroupChannelId: await activeGroupChannel(deps.repos, member),
    helpLines: helpLinesFor(guild.region),
  };
}
