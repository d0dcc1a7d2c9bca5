import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type APIChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIGuild,
  type APIGuildCategoryChannel,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type APITextChannel,
  type APIUser,
} from 'discord.js';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from '../permissions.js';
import { sharedIds } from '../snowflake.js';
import type { GuildSeed } from '../types.js';

let userCounter = 0;

export function user(p: Partial<APIUser> = {}): APIUser {
  const n = ++userCounter;
  return {
    id: sharedIds.next(),
    username: `member${n}`,
    discriminator: '0',
    global_name: `Member ${n}`,
    avatar: null,
    banner: null,
    accent_color: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
    ...p,
  };
}

export type Permissionish = bigint | string | number;

export function permissionString(value: Permissionish): string {
  return BigInt(value).toString();
}

export function role(p: Partial<Omit<APIRole, 'permissions'>> & { permissions?: Permissionish } = {}): APIRole {
  const { permissions, ...rest } = p;
  return {
    id: sharedIds.next(),
    name: 'role',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...rest,
    permissions: permissionString(permissions ?? 0n),
  };
}

export interface GuildChannelParams {
  id?: string;
  guildId?: string;
  name?: string;
  position?: number;
  parentId?: string | null;
  topic?: string | null;
  permissionOverwrites?: APIOverwrite[];
}

export function textChannel(p: GuildChannelParams = {}): APITextChannel {
  return {
    id: p.id ?? sharedIds.next(),
    type: ChannelType.GuildText,
    guild_id: p.guildId ?? sharedIds.next(),
    name: p.name ?? 'general',
    position: p.position ?? 0,
    parent_id: p.parentId ?? null,
    topic: p.topic ?? null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    permission_overwrites: p.permissionOverwrites ?? [],
    flags: 0 as ChannelFlags,
  };
}

export function categoryChannel(p: GuildChannelParams = {}): APIGuildCategoryChannel {
  return {
    id: p.id ?? sharedIds.next(),
    type: ChannelType.GuildCategory,
    guild_id: p.guildId ?? sharedIds.next(),
    name: p.name ?? 'Tandem',
    position: p.position ?? 0,
    parent_id: null,
    nsfw: false,
    permission_overwrites: p.permissionOverwrites ?? [],
    flags: 0 as ChannelFlags,
  };
}

export function member(p: Partial<APIGuildMember> = {}): APIGuildMember {
  return {
    user: p.user ?? user(),
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
    ...p,
  };
}

export interface GuildParams {
  id?: string;
  name?: string;
  owner?: APIUser;
  /** Permissions of the bot's managed role (default: Manage Channels, Manage Roles, View Channel, Send Messages, Embed Links, Attach Files, Read Message History). */
  botPermissions?: Permissionish;
  everyonePermissions?: Permissionish;
  /** Extra roles, lowest first; they get positions 1, 2, … (the @everyone and bot roles are always made). */
  roles?: APIRole[];
  /** Where the bot's role sits (default: above every extra role, so it can manage them). */
  botRolePosition?: number;
  /** Replaces the default `#general` text channel. */
  channels?: APIChannel[];
  /** Extra members (the owner is always a member; the stand-in adds the bot). */
  members?: APIGuildMember[];
  preferredLocale?: Locale;
}

/** A guild with an @everyone role, a managed role for the bot, a #general channel and its owner. */
export function guild(p: GuildParams = {}): GuildSeed {
  const id = p.id ?? sharedIds.next();
  const owner = p.owner ?? user({ username: 'owner' });
  const everyone = role({ id, name: '@everyone', position: 0, permissions: p.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS });
  const extraRoles = (p.roles ?? []).map((r, i) => ({ ...r, position: i + 1 }));
  const botRole = role({
    name: 'Tandem',
    position: p.botRolePosition ?? extraRoles.length + 1,
    managed: true,
    permissions: p.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
  });
  const channels = (p.channels ?? [textChannel({ guildId: id })]).map((c) => ({ ...c, guild_id: id }) as APIChannel);
  const info: APIGuild = {
    id,
    name: p.name ?? 'Recovery Community',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [everyone, botRole, ...extraRoles],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_presences: null,
    max_members: 25_000_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: p.preferredLocale ?? Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
  return {
    guild: info,
    channels,
    members: [member({ user: owner }), ...(p.members ?? [])],
    botRoleIds: [botRole.id],
  };
}
