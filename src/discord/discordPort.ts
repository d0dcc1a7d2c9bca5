// DiscordPort over discord.js's REST client: explicit routes and overwrite types, no cache guessing.
import { createHash } from 'node:crypto';
import {
  ButtonStyle,
  ChannelType,
  ComponentType,
  DiscordAPIError,
  OverwriteType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type APIOverwrite,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { AccessMode, ChannelAccess, DiscordPort, OutgoingMessage } from '../services/ports.js';

const P = PermissionFlagsBits;
const READ = P.ViewChannel | P.ReadMessageHistory;
const WRITE = READ | P.SendMessages | P.SendMessagesInThreads | P.AddReactions | P.AttachFiles | P.EmbedLinks;
const BOT = WRITE | P.ManageChannels;
const STYLES = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, success: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

function overwrite(id: string, type: OverwriteType, mode: AccessMode): APIOverwrite | undefined {
  if (mode === 'none') return undefined;
  const deny = mode === 'read' ? WRITE & ~READ : 0n;
  return { id, type, allow: String(mode === 'write' ? WRITE : READ), deny: String(deny) };
}

/** @everyone denied, the bot allowed, then each member and role as asked. */
export function privateOverwrites(guildId: string, botUserId: string, access: ChannelAccess): APIOverwrite[] {
  const list: (APIOverwrite | undefined)[] = [
    { id: guildId, type: OverwriteType.Role, allow: '0', deny: String(P.ViewChannel) },
    { id: botUserId, type: OverwriteType.Member, allow: String(BOT), deny: '0' },
    ...access.roles.map((r) => overwrite(r.roleId, OverwriteType.Role, r.mode)),
    ...access.members.filter((m) => m.userId !== botUserId).map((m) => overwrite(m.userId, OverwriteType.Member, m.mode)),
  ];
  return list.filter((o): o is APIOverwrite => o !== undefined);
}

/**
 * Discord's message nonce (at most 25 characters) for an idempotency key: the first 120 bits of its
 * SHA-256, in base 36, so every attempt at one message carries the same nonce.
 */
export function nonceFor(idempotencyKey: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest();
  return BigInt(`0x${digest.subarray(0, 15).toString('hex')}`).toString(36);
}

/**
 * With a key, the body carries its nonce and enforce_nonce: discord.js retries a timeout or a 5xx
 * (up to 3 times) even when Discord already posted the message, and Discord then answers with that
 * message instead of posting a copy; so does a later retry of the same claim (same key) within
 * Discord's nonce window of a few minutes.
 */
export function messageBody(message: OutgoingMessage, idempotencyKey?: string): RESTPostAPIChannelMessageJSONBody {
  return {
    content: message.content,
    allowed_mentions: { parse: [] },
    ...(idempotencyKey !== undefined && { nonce: nonceFor(idempotencyKey), enforce_nonce: true }),
    ...(message.buttons?.length && {
      components: [
        {
          type: ComponentType.ActionRow,
          components: message.buttons.map((b) => ({
            type: ComponentType.Button as const,
            custom_id: b.customId,
            label: b.label,
            style: STYLES[b.style ?? 'secondary'],
          })),
        },
      ],
    }),
  };
}

function overwriteKey(o: APIOverwrite): string {
  return `${o.type}:${o.id}:${BigInt(o.allow)}:${BigInt(o.deny)}`;
}

function sameOverwrites(actual: readonly APIOverwrite[], expected: readonly APIOverwrite[]): boolean {
  const keys = (list: readonly APIOverwrite[]) => list.map(overwriteKey).sort().join('|');
  return keys(actual) === keys(expected);
}

function isDiscordError(error: unknown, ...codes: number[]): boolean {
  return error instanceof DiscordAPIError && codes.includes(Number(error.code));
}

export function createDiscordPort(rest: REST, botUserId: () => string): DiscordPort {
  return {
    async createPrivateChannel(guildId, spec) {
      const channel = (await rest.post(Routes.guildChannels(guildId), {
        body: {
          name: spec.name,
          type: ChannelType.GuildText,
          ...(spec.parentId && { parent_id: spec.parentId }),
          permission_overwrites: privateOverwrites(guildId, botUserId(), spec.access),
        },
        reason: spec.reason,
      })) as APIChannel;
      return channel.id;
    },
    async setChannelAccess(guildId, channelId, access, reason) {
      await rest.patch(Routes.channel(channelId), {
        body: { permission_overwrites: privateOverwrites(guildId, botUserId(), access) },
        reason,
      });
    },
    async findChannel(guildId, channelId) {
      try {
        const channel = (await rest.get(Routes.channel(channelId))) as APIChannel & { guild_id?: string };
        if (channel.guild_id !== guildId) return undefined;
        return { id: channel.id, name: channel.name ?? '' };
      } catch (error) {
        if (isDiscordError(error, RESTJSONErrorCodes.UnknownChannel)) return undefined;
        throw error;
      }
    },
    async listChannels(guildId) {
      const channels = (await rest.get(Routes.guildChannels(guildId))) as (APIChannel & { parent_id?: string | null })[];
      return channels.map((channel) => ({ id: channel.id, name: channel.name ?? '', parentId: channel.parent_id ?? null }));
    },
    async ensureChannelAccess(guildId, channelId, access, reason) {
      let channel: { permission_overwrites?: APIOverwrite[] };
      try {
        channel = (await rest.get(Routes.channel(channelId))) as { permission_overwrites?: APIOverwrite[] };
      } catch (error) {
        if (isDiscordError(error, RESTJSONErrorCodes.UnknownChannel)) return 'missing';
        throw error;
      }
      const expected = privateOverwrites(guildId, botUserId(), access);
      if (sameOverwrites(channel.permission_overwrites ?? [], expected)) return 'unchanged';
      await rest.patch(Routes.channel(channelId), { body: { permission_overwrites: expected }, reason });
      return 'updated';
    },
    async sendChannelMessage(channelId, message, idempotencyKey) {
      await rest.post(Routes.channelMessages(channelId), { body: messageBody(message, idempotencyKey) });
    },
    async sendDirectMessage(userId, message, idempotencyKey) {
      try {
        // Opening the DM channel returns the same channel every time: safe to repeat.
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
        await rest.post(Routes.channelMessages(dm.id), { body: messageBody(message, idempotencyKey) });
        return 'sent';
      } catch (error) {
        if (isDiscordError(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser)) return 'closed';
        throw error;
      }
    },
  };
}
