import { randomBytes } from 'node:crypto';
import type { APIUser } from 'discord.js';
import { WebSocket, type RawData } from 'ws';
import type { RequestRecorder } from '../recorder.js';
import type { StandInState } from '../state.js';
import type { StandInLogger } from '../types.js';
import { applyMessageContentIntent, intentFor, VALID_INTENTS } from './intents.js';
import { guildCreatePayload, readyPayload } from './payloads.js';
import { GatewaySession, type DispatchFrame } from './session.js';
import { membersChunk } from './memberRequests.js';

export interface GatewayDeps {
  readonly state: StandInState;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly recorder: RequestRecorder;
  readonly logger: StandInLogger;
  readonly resumeUrl: () => string;
}

/** Discord's shard routing: guild events go to shard (guild_id >> 22) % shard_count; DMs to shard 0. */
export function shardFor(guildId: string | undefined, shardCount: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(shardCount)) : 0;
}

function guildIdOf(event: string, data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as { id?: unknown; guild_id?: unknown };
  if (typeof d.guild_id === 'string') return d.guild_id;
  return event.startsWith('GUILD_') && !event.startsWith('GUILD_MEMBER') && typeof d.id === 'string' ? d.id : undefined;
}

/** Close codes after which Discord does not let the session resume. */
const SESSION_ENDING_CODES = new Set([1000, 1001, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

interface Connection {
  readonly socket: WebSocket;
  session?: GatewaySession;
}

type Frame = { op: number; d?: unknown; s?: number | null; t?: string | null };

export class Gateway {
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<Connection>();

  constructor(private readonly deps: GatewayDeps) {}

  get connected(): boolean {
    return [...this.sessions.values()].some((s) => s.live);
  }

  /** Sessions that receive dispatches: live ones and ones waiting to resume. */
  get hasSessions(): boolean {
    const now = Date.now();
    return [...this.sessions.values()].some((s) => !s.expired(now));
  }

  accept(socket: WebSocket): void {
    const connection: Connection = { socket };
    this.connections.add(connection);
    socket.on('message', (data) => this.onMessage(connection, data));
    socket.on('close', (code) => this.onClose(connection, code));
    socket.on('error', (error) => this.deps.logger.warn({ err: error.message }, 'stand-in gateway socket error'));
    this.send(socket, { op: 10, d: { heartbeat_interval: this.deps.heartbeatIntervalMs, _trace: ['["stand-in-gateway",{}]'] } });
  }

  /** Sends an event to every session whose intents cover it. `raw` skips the intent filter. */
  dispatch(event: string, data: unknown, opts: { raw?: boolean } = {}): void {
    const intent = opts.raw ? undefined : intentFor(event, data);
    const guildId = guildIdOf(event, data);
    const now = Date.now();
    for (const session of this.sessions.values()) {
      if (session.expired(now)) {
        this.sessions.delete(session.id);
        continue;
      }
      if (shardFor(guildId, session.shard[1]) !== session.shard[0]) continue;
      if (intent !== undefined && !(session.intents & intent)) continue;
      const d = opts.raw ? data : applyMessageContentIntent(event, data, session.intents, this.deps.botUser.id);
      session.dispatch(event, d, (socket, frame) => this.send(socket, frame));
    }
  }

  /** Closes every live socket with `code`; with a resumable code the sessions wait for RESUME. */
  drop(code: number): void {
    for (const connection of this.connections) {
      if (SESSION_ENDING_CODES.has(code) && connection.session) this.sessions.delete(connection.session.id);
      if (connection.session?.socket === connection.socket) connection.session.goOffline(Date.now());
      if (code === 1006) connection.socket.terminate();
      else connection.socket.close(code, 'stand-in dropped the connection');
    }
  }

  close(): void {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    this.sessions.clear();
  }

  private send(socket: WebSocket, frame: Frame | DispatchFrame): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    const full = 'op' in frame && frame.op === 0 ? frame : { t: null, s: null, ...frame };
    this.deps.recorder.recordGatewayEvent({
      op: full.op,
      ...(full.t ? { t: full.t } : {}),
      ...(typeof full.s === 'number' ? { s: full.s } : {}),
      d: full.d,
      direction: 'out',
      at: Date.now(),
    });
    socket.send(JSON.stringify(full));
  }

  private onMessage(connection: Connection, data: RawData): void {
    let frame: Frame;
    try {
      frame = JSON.parse(data.toString()) as Frame;
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.deps.recorder.recordGatewayEvent({ op: frame.op, d: frame.d, direction: 'in', at: Date.now() });
    switch (frame.op) {
      case 1:
        this.send(connection.socket, { op: 11, d: null });
        return;
      case 2:
        this.identify(connection, frame.d);
        return;
      case 6:
        this.resume(connection, frame.d);
        return;
      case 3:
      case 4:
        if (!connection.session) connection.socket.close(4003, 'Not authenticated.');
        return;
      case 8:
        if (!connection.session) connection.socket.close(4003, 'Not authenticated.');
        else this.requestMembers(connection.session, frame.d);
        return;
      default:
        connection.socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, d: unknown): void {
    const identify = (d ?? {}) as { token?: string; intents?: number; shard?: [number, number] };
    if (connection.session) {
      connection.socket.close(4005, 'Already authenticated.');
      return;
    }
    if (identify.token?.replace(/^Bot /, '') !== this.deps.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    const intents = identify.intents;
    if (typeof intents !== 'number' || (intents & ~VALID_INTENTS) !== 0) {
      connection.socket.close(4013, 'Invalid intent(s).');
      return;
    }
    const shard = identify.shard ?? [0, 1];
    if (!Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[0] < 0 || shard[0] >= shard[1]) {
      connection.socket.close(4010, 'Invalid shard.');
      return;
    }
    const session = new GatewaySession(randomBytes(16).toString('hex'), intents, shard);
    session.socket = connection.socket;
    session.live = true;
    connection.session = session;
    this.sessions.set(session.id, session);
    const guilds = [...this.deps.state.guilds.values()].filter((g) => shardFor(g.info.id, shard[1]) === shard[0]);
    const send = (socket: WebSocket, frame: DispatchFrame): void => this.send(socket, frame);
    session.dispatch(
      'READY',
      readyPayload({
        botUser: this.deps.botUser,
        applicationId: this.deps.applicationId,
        guildIds: guilds.map((g) => g.info.id),
        sessionId: session.id,
        resumeGatewayUrl: this.deps.resumeUrl(),
        shard,
      }),
      send,
    );
    for (const guild of guilds) session.dispatch('GUILD_CREATE', guildCreatePayload(this.deps.state, guild), send);
  }

  private resume(connection: Connection, d: unknown): void {
    const resume = (d ?? {}) as { token?: string; session_id?: string; seq?: number | null };
    if (resume.token?.replace(/^Bot /, '') !== this.deps.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    const session = resume.session_id ? this.sessions.get(resume.session_id) : undefined;
    const missed = session?.missedSince(resume.seq ?? 0);
    if (!session || !missed) {
      if (session) this.sessions.delete(session.id);
      this.send(connection.socket, { op: 9, d: false });
      return;
    }
    for (const other of this.connections) {
      if (other !== connection && other.session === session) other.socket.close(4000, 'Session resumed elsewhere.');
    }
    connection.session = session;
    session.socket = connection.socket;
    session.live = true;
    session.offlineSince = undefined;
    for (const frame of missed) this.send(connection.socket, frame);
    session.dispatch('RESUMED', { _trace: ['["stand-in-gateway",{}]'] }, (socket, frame) => this.send(socket, frame));
  }

  private requestMembers(session: GatewaySession, d: unknown): void {
    const chunk = membersChunk(this.deps.state, d);
    if (chunk) session.dispatch('GUILD_MEMBERS_CHUNK', chunk, (socket, frame) => this.send(socket, frame));
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session || session.socket !== connection.socket) return;
    session.goOffline(Date.now());
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }
}
