// Milestone words. Celebrate the member's own path: never a ranking, never a comparison.
import type { Milestone } from '../domain/milestones.js';
import { formatLongDate } from './format.js';

function when(milestone: Milestone, isToday: boolean): string {
  return isToday ? 'today' : `on ${formatLongDate(milestone.date)}`;
}

export function memberMilestoneMessage(milestone: Milestone, isToday: boolean, announcedInHomeGroup: boolean): string {
  return [
    `🎉 You reached **${milestone.label}** clean ${when(milestone, isToday)}.`,
    'Every one of those days was yours, one day at a time. Take a moment to be proud of yourself.',
    announcedInHomeGroup
      ? 'Your home group is celebrating with you (you turned milestone announcements on; `/settings milestone_announcements` changes it).'
      : 'Only you got this message. `/settings milestone_announcements` can share milestones with your home group, if you ever want to.',
  ].join('\n');
}

export function homeGroupMilestoneLine(userId: string, milestone: Milestone, isToday: boolean): string {
  return `🎉 <@${userId}> reached **${milestone.label}** clean ${when(milestone, isToday)}. Congratulations!`;
}

export function partnerMilestoneMessage(userId: string, milestone: Milestone, isToday: boolean): string {
  return `🎉 <@${userId}> reached **${milestone.label}** clean ${when(milestone, isToday)}, and wanted you to know.`;
}

export function coupleMilestoneMessage(milestone: Milestone): string {
  return `💞 You have both reached **${milestone.label}** clean, each on your own path, side by side. Congratulations to you both.`;
}
