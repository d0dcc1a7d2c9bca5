import type {
  APIApplicationCommand,
  APIChannel,
  APIGuild,
  APIGuildChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  GuildChannelType,
} from 'discord.js';

export type GuildInfo = Omit<APIGuild, 'roles'>;
export type GuildChannel = APIGuildChannel<GuildChannelType> & { guild_id: string };

export interface GuildRecord {
  info: GuildInfo;
  readonly roles: Map<string, APIRole>;
  readonly members: Map<string, APIGuildMember>;
  readonly joinedAt: string;
}

/**
 * The stand-in's in-memory Discord. Objects are stored as Discord sends them, so tests can read
 * e.g. `state.channel(id)?.permission_overwrites` directly. Mutate only through the stand-in.
 */
export class StandInState {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildRecord>();
  /** Every channel: guild channels and DM channels. */
  readonly channels = new Map<string, APIChannel>();
  /** Messages per channel id, in creation order. */
  readonly messages = new Map<string, Map<string, APIMessage>>();
  /** User id → DM channel id. */
  readonly dmChannels = new Map<string, string>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  /** Guild id → command id → command. */
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  /** Users whose DMs are closed to the bot. */
  readonly closedDms = new Set<string>();

  guild(guildId: string): GuildRecord | undefined {
    return this.guilds.get(guildId);
  }

  channel(channelId: string): APIChannel | undefined {
    return this.channels.get(channelId);
  }

  guildChannel(channelId: string): GuildChannel | undefined {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel && channel.guild_id ? (channel as GuildChannel) : undefined;
  }

  guildChannels(guildId: string): GuildChannel[] {
    return [...this.channels.values()].filter((c) => 'guild_id' in c && c.guild_id === guildId) as GuildChannel[];
  }

  member(guildId: string, userId: string): APIGuildMember | undefined {
    return this.guilds.get(guildId)?.members.get(userId);
  }

  role(guildId: string, roleId: string): APIRole | undefined {
    return this.guilds.get(guildId)?.roles.get(roleId);
  }

  message(channelId: string, messageId: string): APIMessage | undefined {
    return this.messages.get(channelId)?.get(messageId);
  }

  /** Messages in a channel, oldest first (ephemeral interaction replies included, flagged 64). */
  messagesIn(channelId: string): APIMessage[] {
    return [...(this.messages.get(channelId)?.values() ?? [])];
  }

  dmChannelFor(userId: string): APIChannel | undefined {
    const id = this.dmChannels.get(userId);
    return id ? this.channels.get(id) : undefined;
  }

  /** Global commands, or one guild's commands. */
  commands(guildId?: string): APIApplicationCommand[] {
    const source = guildId ? this.guildCommands.get(guildId) : this.globalCommands;
    return [...(source?.values() ?? [])];
  }

  /** The full guild object as REST returns it. */
  toAPIGuild(record: GuildRecord): APIGuild {
    return { ...record.info, roles: [...record.roles.values()] };
  }

  storeMessage(message: APIMessage): void {
    let channelMessages = this.messages.get(message.channel_id);
    if (!channelMessages) {
      channelMessages = new Map();
      this.messages.set(message.channel_id, channelMessages);
    }
    channelMessages.set(message.id, message);
  }

  /** Users who share at least one guild with the bot. */
  sharesGuildWith(userId: string): boolean {
    return [...this.guilds.values()].some((g) => g.members.has(userId));
  }
}
