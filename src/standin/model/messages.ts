import { MessageType, type APIAttachment, type APIMessage, type APIUser, type MessageFlags } from 'discord.js';
import type { SnowflakeGenerator } from '../snowflake.js';
import type { StandInState } from '../state.js';
import type { UploadedFile } from '../types.js';

export type Body = Record<string, unknown>;

/** Flags a bot may set when sending: SUPPRESS_EMBEDS, EPHEMERAL (interactions only), SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
const SENDABLE_FLAGS = 4 | 64 | 4096 | 32768;
const EDITABLE_FLAGS = 4 | 32768;
export const EPHEMERAL = 64;
export const LOADING = 128;

export function asBody(value: unknown): Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
}

/** True when a message body would show nothing: Discord answers 50006 "Cannot send an empty message". */
export function isEmptyMessage(body: Body, files: readonly UploadedFile[]): boolean {
  const content = typeof body.content === 'string' && body.content.trim() !== '';
  const listed = (key: string): boolean => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  return !content && !listed('embeds') && !listed('components') && !listed('sticker_ids') && !body.poll && files.length === 0;
}

/** Discord numbers components that have no id, depth first, starting at 1. */
export function numberComponents(components: unknown): unknown[] {
  if (!Array.isArray(components)) return [];
  let next = 1;
  const used = new Set<number>();
  const visit = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const copy: Body = { ...(node as Body) };
    if (typeof copy.id === 'number') used.add(copy.id);
    else {
      while (used.has(next)) next++;
      copy.id = next;
      used.add(next);
    }
    if (Array.isArray(copy.components)) copy.components = copy.components.map(visit);
    if (copy.component) copy.component = visit(copy.component);
    if (copy.accessory) copy.accessory = visit(copy.accessory);
    return copy;
  };
  return components.map(visit);
}

function attachmentsFor(body: Body, files: readonly UploadedFile[], channelId: string, ids: SnowflakeGenerator): APIAttachment[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as Body[]) : [];
  const kept = described.filter((a) => typeof a.id === 'string' && /^\d{15,}$/.test(a.id)) as unknown as APIAttachment[];
  const uploaded = files.map((file, index) => {
    const match = /\[(\d+)\]/.exec(file.field);
    const meta = described.find((a) => String(a.id) === (match?.[1] ?? String(index))) ?? {};
    const id = ids.next();
    const filename = typeof meta.filename === 'string' ? meta.filename : file.name;
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return {
      id,
      filename,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
      ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
    } satisfies APIAttachment;
  });
  return [...kept, ...uploaded];
}

function embedsFrom(value: unknown): APIMessage['embeds'] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => ({ type: 'rich', ...asBody(e) })) as APIMessage['embeds'];
}

function mentionsIn(content: string, state: StandInState): { users: APIUser[]; roles: string[]; everyone: boolean } {
  const users = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => state.users.get(m[1]!)).filter((u): u is APIUser => !!u);
  const roles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  return { users, roles, everyone: /@(everyone|here)\b/.test(content) };
}

export interface NewMessage {
  readonly channelId: string;
  readonly author: APIUser;
  readonly body: Body;
  readonly files: readonly UploadedFile[];
  readonly type?: MessageType;
  readonly extraFlags?: number;
  readonly extra?: Partial<APIMessage>;
}

export function buildMessage(state: StandInState, ids: SnowflakeGenerator, m: NewMessage): APIMessage {
  const content = typeof m.body.content === 'string' ? m.body.content : '';
  const mentions = mentionsIn(content, state);
  const flags = ((Number(m.body.flags ?? 0) & SENDABLE_FLAGS) | (m.extraFlags ?? 0)) as MessageFlags;
  return {
    id: ids.next(),
    channel_id: m.channelId,
    author: m.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: m.body.tts === true,
    mention_everyone: mentions.everyone,
    mentions: mentions.users,
    mention_roles: mentions.roles,
    attachments: attachmentsFor(m.body, m.files, m.channelId, ids),
    embeds: embedsFrom(m.body.embeds),
    pinned: false,
    type: m.type ?? MessageType.Default,
    flags,
    components: numberComponents(m.body.components) as APIMessage['components'],
    ...(m.body.nonce !== undefined && m.body.nonce !== null ? { nonce: m.body.nonce as string } : {}),
    ...(m.body.poll ? { poll: m.body.poll as APIMessage['poll'] } : {}),
    ...m.extra,
  };
}

/** Applies a PATCH body to a stored message (content, embeds, components, attachments, editable flags). */
export function applyMessageEdit(state: StandInState, ids: SnowflakeGenerator, message: APIMessage, body: Body, files: readonly UploadedFile[]): APIMessage {
  if ('content' in body) {
    message.content = typeof body.content === 'string' ? body.content : '';
    const mentions = mentionsIn(message.content, state);
    message.mentions = mentions.users;
    message.mention_roles = mentions.roles;
  }
  if ('embeds' in body) message.embeds = embedsFrom(body.embeds);
  if ('components' in body) message.components = numberComponents(body.components) as APIMessage['components'];
  if ('attachments' in body || files.length > 0) {
    const previous = new Map(message.attachments.map((a) => [a.id, a]));
    const fresh = attachmentsFor(body, files, message.channel_id, ids);
    message.attachments = 'attachments' in body ? fresh.map((a) => previous.get(a.id) ?? a) : [...message.attachments, ...fresh];
  }
  if (body.flags !== undefined && body.flags !== null) {
    const current = message.flags ?? 0;
    message.flags = ((current & ~EDITABLE_FLAGS) | (Number(body.flags) & EDITABLE_FLAGS)) as MessageFlags;
  }
  message.flags = ((message.flags ?? 0) & ~LOADING) as MessageFlags;
  message.edited_timestamp = new Date().toISOString();
  return message;
}

/** The gateway form of a message: guild messages carry guild_id and the author's member. */
export function gatewayMessage(state: StandInState, message: APIMessage, guildId: string | undefined): Record<string, unknown> {
  if (!guildId) return { ...message };
  const member = state.member(guildId, message.author.id);
  const { user: _user, ...memberWithoutUser } = member ?? { user: undefined };
  return { ...message, guild_id: guildId, ...(member ? { member: memberWithoutUser } : {}) };
}
