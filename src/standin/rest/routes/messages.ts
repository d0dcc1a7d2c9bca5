import { ChannelType, MessageType, type APIChannel, type APIMessage } from 'discord.js';
import type { Core } from '../../model/core.js';
import { applyMessageEdit, asBody, EPHEMERAL, gatewayMessage, buildMessage, type Body } from '../../model/messages.js';
import { hasAll, Perm } from '../../permissions.js';
import type { GuildChannel, GuildRecord } from '../../state.js';
import { discordError, formError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

const THREAD_TYPES = new Set<number>([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);
const NONCE_WINDOW_MS = 5 * 60 * 1000;

interface Target {
  readonly channel: APIChannel;
  readonly guild?: GuildRecord;
  /** The bot's permissions in a guild channel (undefined in DMs). */
  readonly permissions?: bigint;
}

function target(core: Core, req: RouteRequest): Target {
  const channel = core.channelOr404(req.params.channel_id!);
  if (!('guild_id' in channel) || !channel.guild_id) return { channel };
  const guild = core.guildOr404(channel.guild_id);
  return { channel, guild, permissions: core.requireAccess(guild, channel as GuildChannel) };
}

function messageOr404(core: Core, channelId: string, messageId: string | undefined): APIMessage {
  const message = messageId ? core.state.message(channelId, messageId) : undefined;
  if (!message || (message.flags ?? 0) & EPHEMERAL) throw discordError(10008);
  return message;
}

/** Bots may only DM users who share a server with them and have not closed their DMs. */
function requireDmOpen(core: Core, channel: APIChannel): void {
  const recipient = 'recipients' in channel ? channel.recipients?.[0] : undefined;
  if (!recipient || recipient.bot || core.state.closedDms.has(recipient.id) || !core.state.sharesGuildWith(recipient.id)) {
    throw discordError(50007);
  }
}

function requireSend(core: Core, t: Target, body: Body, hasFiles: boolean): void {
  if (!t.guild || t.permissions === undefined) {
    requireDmOpen(core, t.channel);
    return;
  }
  let required = THREAD_TYPES.has(t.channel.type) ? Perm.SendMessagesInThreads : Perm.SendMessages;
  if (hasFiles) required |= Perm.AttachFiles;
  if (body.message_reference) required |= Perm.ReadMessageHistory;
  if (!hasAll(t.permissions, required)) throw discordError(50013);
}

function recentWithNonce(core: Core, channelId: string, nonce: unknown): APIMessage | undefined {
  const since = Date.now() - NONCE_WINDOW_MS;
  return core.state
    .messagesIn(channelId)
    .find((m) => m.nonce === nonce && m.author.id === core.botUser.id && Date.parse(m.timestamp) >= since);
}

function reference(core: Core, channelId: string, body: Body): Partial<APIMessage> {
  const ref = asBody(body.message_reference);
  if (!ref.message_id) return {};
  const referenced = core.state.message(String(ref.channel_id ?? channelId), String(ref.message_id));
  if (!referenced) {
    if (ref.fail_if_not_exists === false) return {};
    throw formError(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
  }
  return {
    type: MessageType.Reply,
    message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id },
    referenced_message: referenced,
  };
}

/** Posts a message as the bot; also used by other routes. */
export function postMessage(core: Core, channel: APIChannel, body: Body, req: RouteRequest, guildId: string | undefined): APIMessage {
  const message = buildMessage(core.state, core.ids, {
    channelId: channel.id,
    author: core.botUser,
    body,
    files: req.files,
    extra: reference(core, channel.id, body),
  });
  message.flags = ((message.flags ?? 0) & ~EPHEMERAL) as APIMessage['flags'];
  core.state.storeMessage(message);
  (channel as { last_message_id?: string | null }).last_message_id = message.id;
  core.dispatch('MESSAGE_CREATE', gatewayMessage(core.state, message, guildId));
  return message;
}

export const messageRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/channels/:channel_id/messages',
    handle: (core, req) => {
      const t = target(core, req);
      const body = asBody(req.body);
      requireSend(core, t, body, req.files.length > 0);
      if (body.enforce_nonce === true && body.nonce !== undefined) {
        const existing = recentWithNonce(core, t.channel.id, body.nonce);
        if (existing) return { status: 200, body: existing };
      }
      const withoutEmbeds = t.permissions !== undefined && !hasAll(t.permissions, Perm.EmbedLinks) ? { ...body, embeds: [] } : body;
      return { status: 200, body: postMessage(core, t.channel, withoutEmbeds, req, t.guild?.info.id) };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/messages',
    handle: (core, req) => {
      const t = target(core, req);
      if (t.permissions !== undefined && !hasAll(t.permissions, Perm.ReadMessageHistory)) return { status: 200, body: [] };
      const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 50)));
      const before = req.query.get('before');
      const after = req.query.get('after');
      let list = core.state.messagesIn(t.channel.id).filter((m) => !((m.flags ?? 0) & EPHEMERAL));
      if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      const newestFirst = list.reverse();
      return { status: 200, body: after ? newestFirst.slice(-limit) : newestFirst.slice(0, limit) };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/messages/:message_id',
    handle: (core, req) => {
      const t = target(core, req);
      if (t.permissions !== undefined && !hasAll(t.permissions, Perm.ReadMessageHistory)) throw discordError(50001);
      return { status: 200, body: messageOr404(core, t.channel.id, req.params.message_id) };
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channel_id/messages/:message_id',
    handle: (core, req) => {
      const t = target(core, req);
      const message = messageOr404(core, t.channel.id, req.params.message_id);
      if (message.author.id !== core.botUser.id) throw discordError(50005);
      applyMessageEdit(core.state, core.ids, message, asBody(req.body), req.files);
      core.dispatch('MESSAGE_UPDATE', gatewayMessage(core.state, message, t.guild?.info.id));
      return { status: 200, body: message };
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channel_id/messages/:message_id',
    handle: (core, req) => {
      const t = target(core, req);
      const message = messageOr404(core, t.channel.id, req.params.message_id);
      if (message.author.id !== core.botUser.id && (t.permissions === undefined || !hasAll(t.permissions, Perm.ManageMessages))) {
        throw discordError(50013);
      }
      core.state.messages.get(t.channel.id)?.delete(message.id);
      core.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: t.channel.id, ...(t.guild ? { guild_id: t.guild.info.id } : {}) });
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/channels/:channel_id/typing',
    handle: (core, req) => {
      target(core, req);
      return { status: 204 };
    },
  },
];
