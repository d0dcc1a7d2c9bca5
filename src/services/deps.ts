import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { DiscordPort, OutgoingMessage, Repositories } from './ports.js';

/** What server-side use cases need: storage, Discord side effects and the time. */
export interface ServiceDeps {
  repos: Repositories;
  discord: DiscordPort;
  clock: Clock;
  logger: Logger;
}

/**
 * A courtesy message to a member. Never blocks the action it follows: a refusal is logged
 * (without the message) and reported as false.
 */
export async function notifyMember(deps: Pick<ServiceDeps, 'discord' | 'logger'>, userId: string, message: OutgoingMessage): Promise<boolean> {
  try {
    return (await deps.discord.sendDirectMessage(userId, message)) === 'sent';
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not send a direct message');
    return false;
  }
}

/** Audit-log reasons: no names, no health details. */
export const AUDIT_REASON = {
  homeGroupChannel: 'Tandem: home group channel',
  homeGroupAccess: 'Tandem: home group membership changed',
  coupleChannel: 'Tandem: shared channel agreed by both members',
  coupleAccess: 'Tandem: shared channel access changed',
  repair: 'Tandem: repairing channel access',
} as const;
