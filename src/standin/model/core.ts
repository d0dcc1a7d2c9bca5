import type { APIChannel, APIGuildMember, APIUser } from 'discord.js';
import type { Gateway } from '../gateway/gateway.js';
import { computeBasePermissions, computeChannelPermissions, describeMissing, hasAll } from '../permissions.js';
import { discordError } from '../rest/errors.js';
import type { SnowflakeGenerator } from '../snowflake.js';
import type { GuildChannel, GuildRecord, StandInState } from '../state.js';
import type { StandInLogger } from '../types.js';
import type { InteractionStore } from './interactions.js';

export interface CoreDeps {
  readonly state: StandInState;
  readonly ids: SnowflakeGenerator;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly gateway: Gateway;
  readonly gatewayUrl: string;
  readonly interactions: InteractionStore;
  readonly logger: StandInLogger;
  /** Discord forgets unanswered interactions after this long; 0 disables. */
  readonly interactionResponseTimeoutMs: number;
}

/** Everything a route handler needs: the model, the gateway, and permission checks. */
export class Core {
  readonly state: StandInState;
  readonly ids: SnowflakeGenerator;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly gateway: Gateway;
  readonly gatewayUrl: string;
  readonly interactions: InteractionStore;
  readonly logger: StandInLogger;
  readonly interactionResponseTimeoutMs: number;

  constructor(deps: CoreDeps) {
    this.state = deps.state;
    this.ids = deps.ids;
    this.botUser = deps.botUser;
    this.applicationId = deps.applicationId;
    this.gateway = deps.gateway;
    this.gatewayUrl = deps.gatewayUrl;
    this.interactions = deps.interactions;
    this.logger = deps.logger;
    this.interactionResponseTimeoutMs = deps.interactionResponseTimeoutMs;
  }

  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  guildOr404(guildId: string): GuildRecord {
    const guild = this.state.guild(guildId);
    if (!guild) throw discordError(10004);
    if (!guild.members.has(this.botUser.id)) throw discordError(50001);
    return guild;
  }

  channelOr404(channelId: string): APIChannel {
    const channel = this.state.channel(channelId);
    if (!channel) throw discordError(10003);
    return channel;
  }

  /** A guild member's permissions in the guild, or in a channel when given. */
  permissionsOf(guild: GuildRecord, member: Pick<APIGuildMember, 'roles'>, userId: string, channel?: GuildChannel): bigint {
    const input = { guildId: guild.info.id, ownerId: guild.info.owner_id, roles: guild.roles, member, userId };
    const base = computeBasePermissions(input);
    return channel ? computeChannelPermissions(base, input, channel.permission_overwrites ?? []) : base;
  }

  botPermissions(guild: GuildRecord, channel?: GuildChannel): bigint {
    const member = guild.members.get(this.botUser.id);
    if (!member) return 0n;
    return this.permissionsOf(guild, member, this.botUser.id, channel);
  }

  /** Throws 403 50013 Missing Permissions unless the bot has every bit in `required`. */
  requireBotPermissions(guild: GuildRecord, channel: GuildChannel | undefined, required: bigint, action: string): bigint {
    const permissions = this.botPermissions(guild, channel);
    if (!hasAll(permissions, required)) {
      this.logger.debug({ action, missing: describeMissing(permissions, required), channelId: channel?.id }, 'stand-in: missing permissions');
      throw discordError(50013);
    }
    return permissions;
  }

  /** Without View Channel the bot cannot see the channel at all: 403 50001 Missing Access. */
  requireAccess(guild: GuildRecord, channel: GuildChannel): bigint {
    const permissions = this.botPermissions(guild, channel);
    if (permissions === 0n) throw discordError(50001);
    return permissions;
  }
}
