import type { Db } from '../client.js';
import type { GuildRepository, GuildSettings } from '../../services/ports.js';
import { retryOnUniqueViolation } from './uniqueViolation.js';

interface GuildRow {
  id: string;
  region: string;
  language: string;
  moderatorRoleId: string | null;
  facilitatorRoleId: string | null;
  categoryId: string | null;
  configuredAt: Date | null;
}

function toSettings(row: GuildRow): GuildSettings {
  return {
    id: row.id,
    region: row.region,
    language: row.language,
    moderatorRoleId: row.moderatorRoleId ?? undefined,
    facilitatorRoleId: row.facilitatorRoleId ?? undefined,
    categoryId: row.categoryId ?? undefined,
    configured: row.configuredAt !== null,
  };
}

export function guildRepository(db: Db): GuildRepository {
  const ensureRow = (guildId: string) =>
    retryOnUniqueViolation(() => db.guild.upsert({ where: { id: guildId }, create: { id: guildId }, update: {} }));
  return {
    async ensure(guildId) {
      return toSettings(await ensureRow(guildId));
    },
    async configure(guildId, changes, at) {
      await ensureRow(guildId);
      const row = await db.guild.update({ where: { id: guildId }, data: { ...changes, configuredAt: at } });
      return toSettings(row);
    },
  };
}
