// Couple milestones: both partners past a milestone, posted once in their shared channel. Only
// when both let the other see milestones; it says "both", never who was first or ahead.
import { timezoneOf } from '../domain/member.js';
import { dueCoupleMilestone } from '../domain/milestoneDue.js';
import { coupleMilestoneMessage } from '../replies/milestones.js';
import { attempt, type TickDeps } from './milestoneTick.js';

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
    if (!(await deps.repos.milestones.claimForCouple(couple.id, due.milestone.key, due.sinceDate, now))) continue;
    posted += 1;
    const content = coupleMilestoneMessage(due.milestone);
    await attempt(deps, 'couple milestone', () => deps.discord.sendChannelMessage(couple.channelId, { content }));
  }
  return posted;
}
