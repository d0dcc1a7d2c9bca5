import type { Db } from '../client.js';
import type { Member } from '../../domain/member.js';
import type { LocalDate } from '../../domain/calendar.js';
import type { MemberRepository } from '../../services/ports.js';
import { retryOnUniqueViolation } from './uniqueViolation.js';

interface MemberRow {
  id: string;
  guildId: string;
  userId: string;
  timezone: string | null;
  cleanDate: string | null;
  homeGroupId: string | null;
  announceMilestones: boolean;
  matReminder: boolean;
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    guildId: row.guildId,
    userId: row.userId,
    timezone: row.timezone ?? undefined,
    cleanDate: (row.cleanDate ?? undefined) as LocalDate | undefined,
    homeGroupId: row.homeGroupId ?? undefined,
    announceMilestones: row.announceMilestones,
    matReminder: row.matReminder,
  };
}

export function memberRepository(db: Db): MemberRepository {
  return {
    async find(guildId, userId) {
      const row = await db.member.findUnique({ where: { guildId_userId: { guildId, userId } } });
      return row ? toMember(row) : undefined;
    },
    async get(memberId) {
      const row = await db.member.findUnique({ where: { id: memberId } });
      return row ? toMember(row) : undefined;
    },
    async ensure(guildId, userId) {
      const row = await retryOnUniqueViolation(async () => {
        await db.guild.upsert({ where: { id: guildId }, create: { id: guildId }, update: {} });
        return db.member.upsert({
          where: { guildId_userId: { guildId, userId } },
          create: { guildId, userId },
          update: {},
        });
      });
      return toMember(row);
    },
    async update(memberId, changes) {
      return toMember(await db.member.update({ where: { id: memberId }, data: changes }));
    },
    async setHomeGroup(memberId, homeGroupId) {
      return toMember(await db.member.update({ where: { id: memberId }, data: { homeGroupId } }));
    },
    async listByHomeGroup(homeGroupId) {
      const rows = await db.member.findMany({ where: { homeGroupId }, orderBy: { createdAt: 'asc' } });
      return rows.map(toMember);
    },
  };
}
