import type { Db } from '../client.js';
import type { LocalDate } from '../../domain/calendar.js';
import type { CheckIn, ShareTarget } from '../../domain/checkIn.js';
import type { CheckInRepository, CheckInWrite } from '../../services/ports.js';
import { isUniqueViolation } from './uniqueViolation.js';

interface CheckInRow {
  id: string;
  memberId: string;
  localDate: string;
  sober: boolean;
  craving: number | null;
  mood: number | null;
  meeting: boolean | null;
  noteSealed: string | null;
  share: string;
  createdAt: Date;
  updatedAt: Date;
}

function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    memberId: row.memberId,
    localDate: row.localDate as LocalDate,
    sober: row.sober,
    craving: row.craving ?? undefined,
    mood: row.mood ?? undefined,
    meeting: row.meeting ?? undefined,
    hasNote: row.noteSealed !== null,
    share: row.share as ShareTarget,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// Undefined answers are left out, so a second check-in the same day keeps what it does not restate.
function toColumns(write: CheckInWrite) {
  return {
    sober: write.sober,
    craving: write.craving,
    mood: write.mood,
    meeting: write.meeting,
    noteSealed: write.noteSealed,
    share: write.share,
  };
}

export function checkInRepository(db: Db): CheckInRepository {
  const replace = async (write: CheckInWrite) =>
    db.checkIn.update({
      where: { memberId_localDate: { memberId: write.memberId, localDate: write.localDate } },
      data: toColumns(write),
    });

  return {
    async upsert(write) {
      const existing = await db.checkIn.findUnique({
        where: { memberId_localDate: { memberId: write.memberId, localDate: write.localDate } },
        select: { id: true },
      });
      if (existing) return { checkIn: toCheckIn(await replace(write)), created: false };
      try {
        const row = await db.checkIn.create({
          data: { memberId: write.memberId, localDate: write.localDate, ...toColumns(write) },
        });
        return { checkIn: toCheckIn(row), created: true };
      } catch (error) {
        // Two check-ins raced for the same day: the later one updates the earlier.
        if (!isUniqueViolation(error)) throw error;
        return { checkIn: toCheckIn(await replace(write)), created: false };
      }
    },
    async listBetween(memberId, from, to) {
      const rows = await db.checkIn.findMany({
        where: { memberId, localDate: { gte: from, lte: to } },
        orderBy: { localDate: 'asc' },
      });
      return rows.map(toCheckIn);
    },
    async listDates(memberId) {
      const rows = await db.checkIn.findMany({ where: { memberId }, select: { localDate: true } });
      return rows.map((row) => row.localDate as LocalDate);
    },
    async claimShare(memberId, localDate, target, at) {
      // A conditional update is the claim: of two racing shares (or processes), only one sees count 1.
      const claimed =
        target === 'homegroup'
          ? await db.checkIn.updateMany({ where: { memberId, localDate, sharedWithHomeGroupAt: null }, data: { sharedWithHomeGroupAt: at, share: target } })
          : await db.checkIn.updateMany({ where: { memberId, localDate, sharedWithPartnerAt: null }, data: { sharedWithPartnerAt: at, share: target } });
      return claimed.count === 1;
    },
    async releaseShare(memberId, localDate, target) {
      // `share` keeps the target asked for last; only the claim that lets the day be shared again goes.
      if (target === 'homegroup') await db.checkIn.updateMany({ where: { memberId, localDate }, data: { sharedWithHomeGroupAt: null } });
      else await db.checkIn.updateMany({ where: { memberId, localDate }, data: { sharedWithPartnerAt: null } });
    },
  };
}
