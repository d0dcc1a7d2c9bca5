// Couple milestones: both partners past a milestone, posted once in their shared channel. Only
// when both let the other see milestones; it says "both", never who was first or ahead. Claimed
// before posting and retried like a member's milestone (see milestoneTick.ts), with one key.
import { timezoneOf } from '../domain/member.js';
import { dueCoupleMilestone, retryPolicy } from '../domain/milestoneDue.js';
import { coupleMilestoneMessage } from '../replies/milestones.js';
import { logUndelivered, sendScheduled, type TickDeps } from './milestoneTick.js';

export async function postDueCoupleMilestones(deps: TickDeps): Promise<number> {
  const now = deps.clock.now();
  let posted = 0;
  for (const couple of await deps.repos.milestones.listActiveCouplesWithChannel()) {
    const [a, b] = await Promise.all([deps.repos.members.get(couple.inviterId), deps.repos.members.get(couple.inviteeId)]);
    if (!a?.cleanDate || !b?.cleanDate) continue;
    const [shareA, shareB] = await Promise.all([deps.repos.couples.getShare(couple.id, a.id), deps.repos.couples.getShare(couple.id, b.id)]);
    if (!shareA.milestones || !shareB.milestones) continue;
    const due = dueCoupleMilestone({ cleanDate: a.cleanDate, timeZone: timezoneOf(a) }, { cleanDate: b.cleanDate, timeZone: timezoneOf(b) }, now);
    if (!due) continue;
    const { milestone, sinceDate } = due;
    const attempt = await deps.repos.milestones.claimForCouple(couple.id, milestone.key, sinceDate, now, retryPolicy(now));
    if (attempt === undefined) continue;
    posted += 1;
    const content = coupleMilestoneMessage(milestone);
    const key = `couple-milestone:${couple.id}:${milestone.key}:${sinceDate}`;
    try {
      await sendScheduled(deps, 'couple milestone', () => deps.discord.sendChannelMessage(couple.channelId, { content }, key));
      await deps.repos.milestones.markCoupleDelivered(couple.id, milestone.key, sinceDate, deps.clock.now());
    } catch (error) {
      logUndelivered(deps, error, attempt, 'a couple milestone');
    }
  }
  return posted;
}
