import type { Db } from '../client.js';
import { NOTHING_SHARED, type Couple, type CoupleStatus, type ShareSettings } from '../../domain/couple.js';
import type { CoupleRepository } from '../../services/ports.js';
import { isUniqueViolation } from './uniqueViolation.js';

interface CoupleRow {
  id: string;
  guildId: string;
  inviterId: string;
  inviteeId: string;
  status: string;
  inviteExpiresAt: Date;
  tag: string;
  channelId: string | null;
  inviterWantsChannel: boolean;
  inviteeWantsChannel: boolean;
  inviterWantsResume: boolean;
  inviteeWantsResume: boolean;
  sameGroupAllowed: boolean;
}

function toCouple(row: CoupleRow): Couple {
  return {
    id: row.id,
    guildId: row.guildId,
    inviterId: row.inviterId,
    inviteeId: row.inviteeId,
    status: row.status as CoupleStatus,
    inviteExpiresAt: row.inviteExpiresAt,
    tag: row.tag,
    channelId: row.channelId ?? undefined,
    inviterWantsChannel: row.inviterWantsChannel,
    inviteeWantsChannel: row.inviteeWantsChannel,
    inviterWantsResume: row.inviterWantsResume,
    inviteeWantsResume: row.inviteeWantsResume,
    sameGroupAllowed: row.sameGroupAllowed,
  };
}

class SeatTaken extends Error {}

export function coupleRepository(db: Db): CoupleRepository {
  return {
    async createInvite(invite) {
      const { expiresAt, ...rest } = invite;
      return toCouple(await db.couple.create({ data: { ...rest, inviteExpiresAt: expiresAt } }));
    },
    async get(coupleId) {
      const row = await db.couple.findUnique({ where: { id: coupleId } });
      return row ? toCouple(row) : undefined;
    },
    async findCurrentFor(memberId) {
      const seat = await db.coupleSeat.findUnique({ where: { memberId }, include: { couple: true } });
      return seat ? toCouple(seat.couple) : undefined;
    },
    async listOpenInvites(memberId) {
      const rows = await db.couple.findMany({
        where: { status: 'invited', OR: [{ inviterId: memberId }, { inviteeId: memberId }] },
        orderBy: { createdAt: 'desc' },
      });
      return rows.map(toCouple);
    },
    async accept(coupleId, at) {
      try {
        await db.$transaction(async (tx) => {
          const opened = await tx.couple.updateMany({ where: { id: coupleId, status: 'invited' }, data: { status: 'active', acceptedAt: at } });
          if (opened.count !== 1) throw new SeatTaken();
          const couple = await tx.couple.findUniqueOrThrow({ where: { id: coupleId } });
          await tx.coupleSeat.create({ data: { memberId: couple.inviterId, coupleId } });
          await tx.coupleSeat.create({ data: { memberId: couple.inviteeId, coupleId } });
        });
        return true;
      } catch (error) {
        if (error instanceof SeatTaken || isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async closeInvite(coupleId, status) {
      const closed = await db.couple.updateMany({ where: { id: coupleId, status: 'invited' }, data: { status } });
      return closed.count === 1;
    },
    async update(coupleId, changes) {
      return toCouple(await db.couple.update({ where: { id: coupleId }, data: changes }));
    },
    async end(coupleId, at) {
      const [row] = await db.$transaction([
        db.couple.update({
          where: { id: coupleId },
          data: { status: 'ended', endedAt: at, inviterWantsResume: false, inviteeWantsResume: false },
        }),
        db.coupleSeat.deleteMany({ where: { coupleId } }),
        db.coupleShare.deleteMany({ where: { coupleId } }),
      ]);
      return toCouple(row);
    },
    async getShare(coupleId, memberId) {
      const row = await db.coupleShare.findUnique({ where: { coupleId_memberId: { coupleId, memberId } } });
      if (!row) return { ...NOTHING_SHARED };
      return { checkInDone: row.checkInDone, sober: row.sober, streak: row.streak, milestones: row.milestones };
    },
    async setShare(coupleId, memberId, settings) {
      const row = await db.coupleShare.upsert({
        where: { coupleId_memberId: { coupleId, memberId } },
        create: { coupleId, memberId, ...settings },
        update: settings,
      });
      return { checkInDone: row.checkInDone, sober: row.sober, streak: row.streak, milestones: row.milestones } satisfies ShareSettings;
    },
    async claimChannelCreation(coupleId, at) {
      const claimed = await db.couple.updateMany({ where: { id: coupleId, channelId: null, channelClaimedAt: null }, data: { channelClaimedAt: at } });
      return claimed.count === 1;
    },
    async releaseChannelClaim(coupleId) {
      await db.couple.updateMany({ where: { id: coupleId, channelId: null }, data: { channelClaimedAt: null } });
    },
    async listUnfinishedChannels(guildId) {
      const rows = await db.couple.findMany({ where: { guildId, channelId: null, channelClaimedAt: { not: null } } });
      return rows.map(toCouple);
    },
    async listWithChannels(guildId) {
      const rows = await db.couple.findMany({ where: { guildId, channelId: { not: null }, status: { in: ['active', 'paused', 'ended'] } } });
      return rows.map(toCouple);
    },
  };
}
