import type { APIUser } from 'discord.js';
import type { GuildRecord, StandInState } from '../state.js';

export function readyPayload(p: {
  botUser: APIUser;
  applicationId: string;
  guildIds: readonly string[];
  sessionId: string;
  resumeGatewayUrl: string;
  shard: readonly [number, number];
}): Record<string, unknown> {
  return {
    v: 10,
    user_settings: {},
    user: { ...p.botUser, verified: true, mfa_enabled: false, email: null },
    guilds: p.guildIds.map((id) => ({ id, unavailable: true })),
    guild_join_requests: [],
    relationships: [],
    private_channels: [],
    presences: [],
    session_id: p.sessionId,
    session_type: 'normal',
    resume_gateway_url: p.resumeGatewayUrl,
    shard: p.shard,
    application: { id: p.applicationId, flags: 0 },
    geo_ordered_rtc_regions: ['local'],
    auth: {},
    _trace: ['["stand-in-gateway",{"micros":0}]'],
  };
}

/** GUILD_CREATE with roles, channels and members, so discord.js caches them. */
export function guildCreatePayload(state: StandInState, record: GuildRecord): Record<string, unknown> {
  const guild = state.toAPIGuild(record);
  return {
    ...guild,
    joined_at: record.joinedAt,
    large: record.members.size > 250,
    unavailable: false,
    member_count: record.members.size,
    voice_states: [],
    members: [...record.members.values()],
    channels: state.guildChannels(guild.id),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    lazy: true,
  };
}
