import type { StandInState } from '../state.js';

interface RequestGuildMembers {
  guild_id?: string | string[];
  query?: string;
  limit?: number;
  user_ids?: string | string[];
  nonce?: string;
}

/** Answers op 8 REQUEST_GUILD_MEMBERS (used by `guild.members.fetch()`) with one GUILD_MEMBERS_CHUNK. */
export function membersChunk(state: StandInState, d: unknown): Record<string, unknown> | undefined {
  const request = (d ?? {}) as RequestGuildMembers;
  const guildId = Array.isArray(request.guild_id) ? request.guild_id[0] : request.guild_id;
  const guild = guildId ? state.guild(guildId) : undefined;
  if (!guild || !guildId) return undefined;
  const all = [...guild.members.values()];
  let members = all;
  const notFound: string[] = [];
  if (request.user_ids !== undefined) {
    const ids = Array.isArray(request.user_ids) ? request.user_ids : [request.user_ids];
    members = all.filter((m) => ids.includes(m.user.id));
    notFound.push(...ids.filter((id) => !guild.members.has(id)));
  } else if (request.query) {
    const query = request.query.toLowerCase();
    members = all.filter((m) => m.user.username.toLowerCase().startsWith(query) || m.nick?.toLowerCase().startsWith(query));
  }
  if (request.limit) members = members.slice(0, request.limit);
  return {
    guild_id: guildId,
    members,
    chunk_index: 0,
    chunk_count: 1,
    not_found: notFound,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  };
}
