/** Gateway intent bits (Discord documentation, "Gateway Intents"). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildModeration: 1 << 2,
  GuildVoiceStates: 1 << 7,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

/** Every bit Discord accepts in IDENTIFY today (0–25, with 17–19 and 22–23 included as Discord tolerates them). */
export const VALID_INTENTS = (1 << 26) - 1;

const GUILD_EVENTS = new Set([
  'GUILD_CREATE',
  'GUILD_UPDATE',
  'GUILD_DELETE',
  'GUILD_ROLE_CREATE',
  'GUILD_ROLE_UPDATE',
  'GUILD_ROLE_DELETE',
  'CHANNEL_CREATE',
  'CHANNEL_UPDATE',
  'CHANNEL_DELETE',
  'CHANNEL_PINS_UPDATE',
  'THREAD_CREATE',
  'THREAD_UPDATE',
  'THREAD_DELETE',
  'THREAD_LIST_SYNC',
  'THREAD_MEMBER_UPDATE',
]);

const MEMBER_EVENTS = new Set(['GUILD_MEMBER_ADD', 'GUILD_MEMBER_UPDATE', 'GUILD_MEMBER_REMOVE', 'THREAD_MEMBERS_UPDATE']);
const MESSAGE_EVENTS = new Set(['MESSAGE_CREATE', 'MESSAGE_UPDATE', 'MESSAGE_DELETE', 'MESSAGE_DELETE_BULK']);

function hasGuild(data: unknown): boolean {
  return typeof data === 'object' && data !== null && typeof (data as { guild_id?: unknown }).guild_id === 'string';
}

/** The intent a session needs to receive an event; undefined when every session gets it. */
export function intentFor(event: string, data: unknown): number | undefined {
  if (GUILD_EVENTS.has(event)) return Intent.Guilds;
  if (MEMBER_EVENTS.has(event)) return Intent.GuildMembers;
  if (MESSAGE_EVENTS.has(event)) return hasGuild(data) ? Intent.GuildMessages : Intent.DirectMessages;
  if (event.startsWith('MESSAGE_REACTION_')) return hasGuild(data) ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  if (event === 'TYPING_START') return hasGuild(data) ? Intent.GuildMessageTyping : Intent.DirectMessageTyping;
  if (event === 'VOICE_STATE_UPDATE') return Intent.GuildVoiceStates;
  if (event === 'PRESENCE_UPDATE') return Intent.GuildPresences;
  return undefined;
}

interface MessageLike {
  readonly author?: { readonly id: string };
  readonly guild_id?: string;
  readonly mentions?: readonly { readonly id: string }[];
}

/**
 * Without the privileged Message Content intent, guild messages arrive with empty content, embeds,
 * attachments and components, except the bot's own messages and messages that mention it.
 */
export function applyMessageContentIntent(event: string, data: unknown, intents: number, botUserId: string): unknown {
  if ((event !== 'MESSAGE_CREATE' && event !== 'MESSAGE_UPDATE') || intents & Intent.MessageContent) return data;
  const message = data as MessageLike;
  if (!message.guild_id || message.author?.id === botUserId || message.mentions?.some((u) => u.id === botUserId)) {
    return data;
  }
  const { poll: _poll, ...rest } = data as Record<string, unknown>;
  return { ...rest, content: '', embeds: [], attachments: [], components: [] };
}
