// Scheduled work: node-cron only wakes the tasks; each task asks the database what is due now
// (by the injected clock) and claims it before sending, so nothing is sent twice.
import cron, { type ScheduledTask } from 'node-cron';
import type { InFlight } from '../discord/inflight.js';
import type { Logger } from '../logger.js';

export interface ScheduledJob {
  name: string;
  /** Returns how many things it did (a count, never what they were). */
  run(): Promise<number>;
}

export interface Scheduler {
  /** Runs every job once, after any run already in progress (runs never overlap). */
  runOnce(): Promise<void>;
  stop(): void;
}

/** Every five minutes: milestones are told from 09:00 local time, so a few minutes' delay is fine. */
export const TICK_EXPRESSION = '*/5 * * * *';

/** Starts the cron tick; `runOnce` lets tests (and the tick) run the jobs on demand. */
export function startScheduler(jobs: readonly ScheduledJob[], deps: { logger: Logger; inFlight: InFlight }): Scheduler {
  let chain: Promise<void> = Promise.resolve();

  const runJobs = async () => {
    for (const job of jobs) {
      try {
        const done = await job.run();
        if (done > 0) deps.logger.info({ job: job.name, done }, 'scheduled job ran');
      } catch (error) {
        deps.logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
  };
  const runOnce = () => {
    chain = chain.then(runJobs);
    return chain;
  };

  // Tracked in InFlight, so a graceful shutdown lets a running tick finish.
  const task: ScheduledTask = cron.schedule(TICK_EXPRESSION, () => void deps.inFlight.run(runOnce), { name: 'tandem-tick', noOverlap: true });
  return {
    runOnce,
    stop: () => void task.destroy(),
  };
}
