import type { Db } from '../client.js';
import type { CoupleStatus } from '../../domain/couple.js';
import { mayRetry, type NoticeState, type RetryPolicy } from '../../domain/milestoneDue.js';
import type { MilestoneRepository } from '../../services/ports.js';
import { toMember } from './members.js';
import { isUniqueViolation } from './uniqueViolation.js';

/**
 * Claims an attempt: inserting the notice is the first; a unique violation means it exists, and
 * `retry` may then take its next attempt. The retry is a compare-and-set on the attempt count, so
 * of two processes retrying together only one gets it.
 */
async function claimAttempt(
  insert: () => Promise<unknown>,
  retry: RetryPolicy | undefined,
  read: () => Promise<NoticeState | undefined>,
  takeAttempt: (seen: number) => Promise<{ count: number }>,
): Promise<number | undefined> {
  try {
    await insert();
    return 1;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if (!retry) return undefined;
  const notice = await read();
  if (!notice || !mayRetry(notice, retry)) return undefined;
  return (await takeAttempt(notice.attempts)).count === 1 ? notice.attempts + 1 : undefined;
}

export function milestoneRepository(db: Db): MilestoneRepository {
  const readParts = async (memberId: string, cleanDate: string, key: string) => {
    const row = await db.milestoneNotice.findUnique({ where: { memberId_cleanDate_key: { memberId, cleanDate, key } }, select: { deliveredParts: true } });
    return new Set((row?.deliveredParts ?? '').split(',').filter(Boolean));
  };
  return {
    async listMembersWithCleanDate() {
      const rows = await db.member.findMany({ where: { cleanDate: { not: null } }, orderBy: { createdAt: 'asc' } });
      return rows.map(toMember);
    },
    async listActiveCouplesWithChannel() {
      const rows = await db.couple.findMany({
        where: { status: 'active', channelId: { not: null } },
        select: { id: true, guildId: true, inviterId: true, inviteeId: true, status: true, channelId: true },
      });
      return rows.map((row) => ({ ...row, status: row.status as CoupleStatus, channelId: row.channelId! }));
    },
    claim(memberId, cleanDate, key, at, retry) {
      return claimAttempt(
        () => db.milestoneNotice.create({ data: { memberId, cleanDate, key, toldAt: at, attempts: 1 } }),
        retry,
        async () => {
          const row = await db.milestoneNotice.findUnique({ where: { memberId_cleanDate_key: { memberId, cleanDate, key } } });
          return row ? { attempts: row.attempts, deliveredAt: row.deliveredAt ?? undefined, lastAttemptAt: row.toldAt } : undefined;
        },
        (seen) =>
          db.milestoneNotice.updateMany({
            where: { memberId, cleanDate, key, deliveredAt: null, attempts: seen },
            data: { attempts: seen + 1, toldAt: at },
          }),
      );
    },
    async markDelivered(memberId, cleanDate, key, at) {
      await db.milestoneNotice.updateMany({ where: { memberId, cleanDate, key, deliveredAt: null }, data: { deliveredAt: at } });
    },
    deliveredParts: readParts,
    async markPartDelivered(memberId, cleanDate, key, part) {
      // Only the process holding the current attempt writes here, so read-then-write is safe.
      const parts = await readParts(memberId, cleanDate, key);
      parts.add(part);
      await db.milestoneNotice.updateMany({ where: { memberId, cleanDate, key }, data: { deliveredParts: [...parts].join(',') } });
    },
    claimForCouple(coupleId, key, sinceDate, at, retry) {
      return claimAttempt(
        () => db.coupleMilestoneNotice.create({ data: { coupleId, key, sinceDate, postedAt: at, attempts: 1 } }),
        retry,
        async () => {
          const row = await db.coupleMilestoneNotice.findUnique({ where: { coupleId_key_sinceDate: { coupleId, key, sinceDate } } });
          return row ? { attempts: row.attempts, deliveredAt: row.deliveredAt ?? undefined, lastAttemptAt: row.postedAt } : undefined;
        },
        (seen) =>
          db.coupleMilestoneNotice.updateMany({
            where: { coupleId, key, sinceDate, deliveredAt: null, attempts: seen },
            data: { attempts: seen + 1, postedAt: at },
          }),
      );
    },
    async markCoupleDelivered(coupleId, key, sinceDate, at) {
      await db.coupleMilestoneNotice.updateMany({ where: { coupleId, key, sinceDate, deliveredAt: null }, data: { deliveredAt: at } });
    },
  };
}
