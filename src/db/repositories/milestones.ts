import type { Db } from '../client.js';
import type { CoupleStatus } from '../../domain/couple.js';
import type { MilestoneRepository } from '../../services/ports.js';
import { toMember } from './members.js';
import { isUniqueViolation } from './uniqueViolation.js';

/** Inserts the claim row; a unique violation means another tick (or process) claimed it first. */
async function insertClaim(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export function milestoneRepository(db: Db): MilestoneRepository {
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
    claim(memberId, cleanDate, key, at) {
      return insertClaim(() => db.milestoneNotice.create({ data: { memberId, cleanDate, key, toldAt: at } }));
    },
    claimForCouple(coupleId, key, sinceDate, at) {
      return insertClaim(() => db.coupleMilestoneNotice.create({ data: { coupleId, key, sinceDate, postedAt: at } }));
    },
  };
}
