import type { Db } from '../client.js';
import type { LocalDate } from '../../domain/calendar.js';
import type { SlipRepository } from '../../services/ports.js';

export function slipRepository(db: Db): SlipRepository {
  return {
    async record(write) {
      // One transaction: a slip never leaves the clean date and its history disagreeing.
      return db.$transaction(async (tx) => {
        const slip = await tx.slip.create({
          data: {
            memberId: write.memberId,
            localDate: write.localDate,
            restartedCleanTime: write.restartedCleanTime,
            toldPartner: false,
          },
          select: { id: true },
        });
        if (write.closedPeriod) {
          await tx.cleanPeriod.create({ data: { memberId: write.memberId, ...write.closedPeriod } });
        }
        if (write.newCleanDate) {
          await tx.member.update({ where: { id: write.memberId }, data: { cleanDate: write.newCleanDate } });
        }
        return { slipId: slip.id };
      });
    },
    async markToldPartner(slipId) {
      await db.slip.update({ where: { id: slipId }, data: { toldPartner: true } });
    },
    async listCleanPeriods(memberId) {
      const rows = await db.cleanPeriod.findMany({ where: { memberId }, orderBy: [{ endDate: 'desc' }, { createdAt: 'desc' }] });
      return rows.map((row) => ({ startDate: row.startDate as LocalDate, endDate: row.endDate as LocalDate }));
    },
  };
}
