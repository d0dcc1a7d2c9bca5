import type { Db } from '../client.js';
import { homeGroupNameKey, type HomeGroup, type HomeGroupStatus } from '../../domain/homeGroup.js';
import type { HomeGroupRepository } from '../../services/ports.js';
import { isUniqueViolation } from './uniqueViolation.js';

interface HomeGroupRow {
  id: string;
  guildId: string;
  name: string;
  fellowship: string;
  channelId: string | null;
  status: string;
}

function toHomeGroup(row: HomeGroupRow): HomeGroup {
  return {
    id: row.id,
    guildId: row.guildId,
    name: row.name,
    fellowship: row.fellowship,
    channelId: row.channelId ?? undefined,
    status: row.status as HomeGroupStatus,
  };
}

export function homeGroupRepository(db: Db): HomeGroupRepository {
  return {
    async createIntent(guildId, name, fellowship) {
      await db.guild.upsert({ where: { id: guildId }, create: { id: guildId }, update: {} });
      try {
        const row = await db.homeGroup.create({ data: { guildId, name, nameKey: homeGroupNameKey(name), fellowship } });
        return toHomeGroup(row);
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
    async activate(homeGroupId, channelId) {
      return toHomeGroup(await db.homeGroup.update({ where: { id: homeGroupId }, data: { channelId, status: 'active' } }));
    },
    async discard(homeGroupId) {
      await db.homeGroup.deleteMany({ where: { id: homeGroupId } });
    },
    async archive(homeGroupId, at) {
      return toHomeGroup(await db.homeGroup.update({ where: { id: homeGroupId }, data: { status: 'archived', archivedAt: at } }));
    },
    async get(homeGroupId) {
      const row = await db.homeGroup.findUnique({ where: { id: homeGroupId } });
      return row ? toHomeGroup(row) : undefined;
    },
    async findByName(guildId, name) {
      const row = await db.homeGroup.findUnique({ where: { guildId_nameKey: { guildId, nameKey: homeGroupNameKey(name) } } });
      return row ? toHomeGroup(row) : undefined;
    },
    async list(guildId, options = {}) {
      const rows = await db.homeGroup.findMany({
        where: { guildId, status: options.includeArchived ? { in: ['active', 'archived'] } : 'active' },
        orderBy: { nameKey: 'asc' },
      });
      return rows.map(toHomeGroup);
    },
    async listUnfinished() {
      const rows = await db.homeGroup.findMany({ where: { status: 'creating' } });
      return rows.map(toHomeGroup);
    },
  };
}
