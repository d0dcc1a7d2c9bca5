import type { Db } from '../client.js';
import type { GuildRepository, GuildSettings } from '../../services/ports.js';
import { retryOnUniqueViolation } from './uniqueViolation.js';

export function guildRepository(db: Db): GuildRepository {
  return {
    async ensure(guildId) {
      const row = await retryOnUniqueViolation(() =>
        db.guild.upsert({ where: { id: guildId }, create: { id: guildId }, update: {} }),
      );
      return { id: row.id, region: row.region } satisfies GuildSettings;
    },
  };
}
