import type { APIGuildMember, APIInteraction, APIUser } from 'discord.js';
import { member as buildMember, user as buildUser } from './builders/entities.js';
import { FaultInjector } from './faults.js';
import { Gateway } from './gateway/gateway.js';
import { guildCreatePayload } from './gateway/payloads.js';
import { Core } from './model/core.js';
import { InteractionStore, Transcript } from './model/interactions.js';
import { prepareInteraction } from './model/prepareInteraction.js';
import { RateLimiter } from './rateLimits.js';
import { RequestRecorder } from './recorder.js';
import { handleRest } from './rest/pipeline.js';
import { Router } from './rest/router.js';
import { allRoutes } from './rest/routes/index.js';
import { listen, type ListeningServer, type ServerHandlers } from './server.js';
import { SnowflakeGenerator } from './snowflake.js';
import { StandInState, type GuildRecord } from './state.js';
import type { GuildSeed, InteractionTranscript, StandIn, StandInLogger, StandInOptions } from './types.js';

const silentLogger: StandInLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Starts a local Discord (REST + gateway on one port on 127.0.0.1). Close it after the client is destroyed. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  let handlers: ServerHandlers | undefined;
  const server = await listen(options.port ?? 0, () => {
    if (!handlers) throw new Error('stand-in is still starting');
    return handlers;
  });
  const standIn = new LocalStandIn(options, server);
  handlers = standIn.handlers;
  return standIn;
}

class LocalStandIn implements StandIn {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly state = new StandInState();
  readonly recorder = new RequestRecorder();
  readonly faults: FaultInjector;
  readonly handlers: ServerHandlers;
  private readonly ids = new SnowflakeGenerator(1n);
  private readonly interactions = new InteractionStore();
  private readonly gateway: Gateway;
  private readonly core: Core;
  private closed = false;

  constructor(
    options: StandInOptions,
    private readonly server: ListeningServer,
  ) {
    const logger = options.logger ?? silentLogger;
    const origin = `127.0.0.1:${server.port}`;
    this.apiUrl = `http://${origin}/api`;
    this.gatewayUrl = `ws://${origin}/gateway`;
    this.token = options.token ?? 'standin-token';
    const botUserId = options.botUserId ?? this.ids.next();
    this.applicationId = options.applicationId ?? botUserId;
    this.botUser = buildUser({ id: botUserId, username: 'Tandem', discriminator: '4821', global_name: null, bot: true });
    this.gateway = new Gateway({
      state: this.state,
      botUser: this.botUser,
      applicationId: this.applicationId,
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      recorder: this.recorder,
      logger,
      resumeUrl: () => `ws://${origin}/gateway/resume`,
    });
    this.faults = new FaultInjector((code) => this.gateway.drop(code));
    this.core = new Core({
      state: this.state,
      ids: this.ids,
      botUser: this.botUser,
      applicationId: this.applicationId,
      gateway: this.gateway,
      gatewayUrl: this.gatewayUrl,
      interactions: this.interactions,
      logger,
      interactionResponseTimeoutMs: options.interactionResponseTimeoutMs ?? 3000,
    });
    const deps = {
      core: this.core,
      router: new Router(allRoutes),
      recorder: this.recorder,
      faults: this.faults,
      limiter: new RateLimiter(options.rateLimits ?? {}, options.globalRequestsPerSecond ?? 50),
      token: this.token,
      logger,
      validateResponses: options.validateResponses ?? true,
    };
    this.handlers = {
      rest: (req, res) => handleRest(deps, req, res),
      gateway: (socket) => this.gateway.accept(socket),
    };
  }

  get connected(): boolean {
    return this.gateway.connected;
  }

  addGuild(seed: GuildSeed): void {
    const { roles, ...info } = seed.guild;
    const record: GuildRecord = {
      info,
      roles: new Map(roles.map((r) => [r.id, { ...r }])),
      members: new Map(),
      joinedAt: new Date().toISOString(),
    };
    for (const roleId of seed.botRoleIds) {
      const role = record.roles.get(roleId);
      if (role?.managed) role.tags = { ...role.tags, bot_id: this.botUser.id };
    }
    for (const m of seed.members) this.storeMember(record, m);
    if (!record.members.has(this.botUser.id)) {
      this.storeMember(record, buildMember({ user: this.botUser, roles: [...seed.botRoleIds], joined_at: record.joinedAt }));
    }
    for (const channel of this.state.guildChannels(info.id)) this.state.channels.delete(channel.id);
    for (const channel of seed.channels) this.state.channels.set(channel.id, { ...channel, guild_id: info.id } as typeof channel);
    this.state.guilds.set(info.id, record);
    this.gateway.dispatch('GUILD_CREATE', guildCreatePayload(this.state, record));
  }

  addMember(guildId: string, member: APIGuildMember): void {
    const guild = this.requireGuild(guildId);
    this.storeMember(guild, member);
    this.gateway.dispatch('GUILD_MEMBER_ADD', { ...member, guild_id: guildId });
  }

  removeMember(guildId: string, userId: string): void {
    const guild = this.requireGuild(guildId);
    const member = guild.members.get(userId);
    if (!member) return;
    if (userId === this.botUser.id) {
      this.state.guilds.delete(guildId);
      for (const channel of this.state.guildChannels(guildId)) this.state.channels.delete(channel.id);
      this.gateway.dispatch('GUILD_DELETE', { id: guildId });
      return;
    }
    guild.members.delete(userId);
    this.gateway.dispatch('GUILD_MEMBER_REMOVE', { guild_id: guildId, user: member.user });
  }

  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data, { raw: true });
  }

  invoke(interaction: APIInteraction): InteractionTranscript {
    if (!this.gateway.hasSessions) throw new Error('stand-in: no gateway session; log a client in before invoking interactions');
    const prepared = prepareInteraction(this.core, interaction);
    const record = this.interactions.add(prepared);
    this.gateway.dispatch('INTERACTION_CREATE', prepared);
    return new Transcript(this.interactions, record, (channelId, messageId) => this.state.message(channelId, messageId));
  }

  closeDmsFor(userId: string): void {
    this.state.closedDms.add(userId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.gateway.close();
    this.recorder.dispose();
    this.interactions.dispose();
    await this.server.close();
  }

  private requireGuild(guildId: string): GuildRecord {
    const guild = this.state.guild(guildId);
    if (!guild) throw new Error(`stand-in: unknown guild ${guildId}; addGuild() it first`);
    return guild;
  }

  private storeMember(guild: GuildRecord, member: APIGuildMember): void {
    guild.members.set(member.user.id, member);
    if (!this.state.users.has(member.user.id)) this.state.users.set(member.user.id, member.user);
  }
}
