import { ChannelType, OverwriteType, type APIOverwrite, type ChannelFlags } from 'discord.js';
import { Perm } from '../permissions.js';
import { discordError, formError } from '../rest/errors.js';
import type { GuildChannel, GuildRecord } from '../state.js';
import type { Core } from './core.js';
import type { Body } from './messages.js';

const TEXT_LIKE = new Set<number>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const VOICE_LIKE = new Set<number>([ChannelType.GuildVoice, ChannelType.GuildStageVoice]);
const FORUM_LIKE = new Set<number>([ChannelType.GuildForum, ChannelType.GuildMedia]);

/** Overwrites as Discord stores them: string bitfields, `type` resolved from the guild's roles and members. */
export function normalizeOverwrites(guild: GuildRecord, overwrites: unknown, field = 'permission_overwrites'): APIOverwrite[] {
  if (!Array.isArray(overwrites)) return [];
  return overwrites.map((raw: Body, i) => normalizeOverwrite(guild, String(raw.id), raw, [field, i]));
}

export function normalizeOverwrite(guild: GuildRecord, id: string, raw: Body, path: readonly (string | number)[]): APIOverwrite {
  let type = raw.type as OverwriteType | null | undefined;
  if (type === undefined || type === null) {
    if (guild.roles.has(id)) type = OverwriteType.Role;
    else if (guild.members.has(id)) type = OverwriteType.Member;
    else throw formError([...path, 'type'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
  return { id, type, allow: String(raw.allow ?? '0'), deny: String(raw.deny ?? '0') };
}

/**
 * Discord's rules for writing overwrites: Manage Roles is required, only permissions the bot itself has in
 * the guild may be allowed or denied, and only administrators may put Manage Roles into an overwrite.
 */
export function requireOverwritePermissions(core: Core, guild: GuildRecord, channel: GuildChannel | undefined, overwrites: readonly APIOverwrite[]): void {
  const base = core.botPermissions(guild);
  if (base & Perm.Administrator) return;
  core.requireBotPermissions(guild, channel, Perm.ManageRoles, 'write permission overwrites');
  for (const overwrite of overwrites) {
    if ((BigInt(overwrite.allow) | BigInt(overwrite.deny)) & (~base | Perm.ManageRoles)) {
      core.logger.debug({ overwrite }, 'stand-in: overwrite grants or denies a permission the bot lacks');
      throw discordError(50013);
    }
  }
}

export function createGuildChannel(core: Core, guild: GuildRecord, body: Body): GuildChannel {
  const type = (body.type as number | undefined) ?? ChannelType.GuildText;
  const siblings = core.state.guildChannels(guild.info.id);
  const parentId = (body.parent_id as string | null | undefined) ?? null;
  if (parentId !== null) {
    const parent = core.state.guildChannel(parentId);
    if (!parent || parent.guild_id !== guild.info.id || parent.type !== ChannelType.GuildCategory || type === ChannelType.GuildCategory) {
      throw formError(['parent_id'], 'CHANNEL_PARENT_INVALID', 'Invalid parent channel');
    }
  }
  const channel: Body = {
    id: core.ids.next(),
    type,
    guild_id: guild.info.id,
    name: String(body.name),
    position: (body.position as number | undefined) ?? siblings.filter((c) => c.type === type).length,
    flags: 0 as ChannelFlags,
    parent_id: type === ChannelType.GuildCategory ? null : parentId,
    permission_overwrites: normalizeOverwrites(guild, body.permission_overwrites),
    nsfw: body.nsfw === true,
  };
  if (TEXT_LIKE.has(type) || FORUM_LIKE.has(type)) {
    Object.assign(channel, { topic: body.topic ?? null, last_message_id: null, rate_limit_per_user: body.rate_limit_per_user ?? 0 });
  }
  if (FORUM_LIKE.has(type)) {
    Object.assign(channel, { available_tags: body.available_tags ?? [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 });
  }
  if (VOICE_LIKE.has(type)) {
    Object.assign(channel, {
      bitrate: body.bitrate ?? 64_000,
      user_limit: body.user_limit ?? 0,
      rtc_region: body.rtc_region ?? null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
  }
  return channel as unknown as GuildChannel;
}

const EDITABLE = [
  'name',
  'position',
  'topic',
  'nsfw',
  'rate_limit_per_user',
  'bitrate',
  'user_limit',
  'rtc_region',
  'video_quality_mode',
  'default_auto_archive_duration',
  'default_thread_rate_limit_per_user',
  'available_tags',
] as const;

/** Applies a PATCH /channels/{id} body; `lock_permissions` copies the new parent's overwrites. */
export function applyChannelPatch(core: Core, guild: GuildRecord, channel: GuildChannel, body: Body): void {
  const target = channel as unknown as Body;
  for (const key of EDITABLE) if (key in body) target[key] = body[key];
  if ('permission_overwrites' in body) target.permission_overwrites = normalizeOverwrites(guild, body.permission_overwrites);
  if ('parent_id' in body) {
    const parentId = body.parent_id as string | null;
    const parent = parentId ? core.state.guildChannel(parentId) : undefined;
    if (parentId && (!parent || parent.type !== ChannelType.GuildCategory || parent.guild_id !== guild.info.id)) {
      throw formError(['parent_id'], 'CHANNEL_PARENT_INVALID', 'Invalid parent channel');
    }
    target.parent_id = parentId;
    if (body.lock_permissions === true && parent) target.permission_overwrites = [...(parent.permission_overwrites ?? [])];
  }
}
