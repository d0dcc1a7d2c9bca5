// The explicit list of scheduled jobs (one file per task in src/services), like the command registry.
import { postDueCoupleMilestones } from '../services/coupleMilestoneTick.js';
import { tellDueMilestones } from '../services/milestoneTick.js';
import type { AppContext } from './context.js';
import type { ScheduledJob } from './scheduler.js';

export function scheduledJobs(context: AppContext): ScheduledJob[] {
  return [
    { name: 'milestones', run: () => tellDueMilestones(context) },
    { name: 'couple-milestones', run: () => postDueCoupleMilestones(context) },
  ];
}
