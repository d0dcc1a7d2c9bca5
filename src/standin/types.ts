import type { APIChannel, APIGuild, APIGuildMember, APIInteraction, APIUser } from 'discord.js';
import type { StandInState } from './state.js';

/** pino-compatible: `logger.warn({ route }, 'message')`. The stand-in never writes to the console. */
export interface StandInLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RouteLimit {
  /** Requests allowed per window, per major parameter (channel, guild or webhook). */
  readonly limit: number;
  readonly windowMs: number;
}

export interface StandInOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly applicationId?: string;
  readonly botUserId?: string;
  /** The bot token REST and the gateway accept (default 'standin-token'). */
  readonly token?: string;
  /** Sent in HELLO (default 41250, as Discord). */
  readonly heartbeatIntervalMs?: number;
  readonly logger?: StandInLogger;
  /** Per-route limits keyed by route, e.g. `{ 'POST /channels/:channel_id/messages': { limit: 5, windowMs: 5000 } }`. */
  readonly rateLimits?: Readonly<Record<string, RouteLimit>>;
  /** Global requests per second for bot-authenticated routes (default 50; interaction callbacks are exempt). */
  readonly globalRequestsPerSecond?: number;
  /** Discord forgets an interaction not answered within 3 s (default 3000); 0 disables the check. */
  readonly interactionResponseTimeoutMs?: number;
  /** Check the stand-in's own responses against Discord's response schemas (default true). */
  readonly validateResponses?: boolean;
}

/** One guild to load into the stand-in; `build.guild()` makes one. */
export interface GuildSeed {
  /** The guild object, with its roles (the @everyone role has the guild's id). */
  readonly guild: APIGuild;
  readonly channels: APIChannel[];
  readonly members: APIGuildMember[];
  /** Roles the stand-in gives its bot member when it adds the bot to the guild. */
  readonly botRoleIds: string[];
}

export interface UploadedFile {
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly data: Buffer;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path after `/api/v10`, URL-decoded, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  /** e.g. `POST /channels/:channel_id/messages`; `UNKNOWN <path>` when no route matched. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON; for multipart, the payload_json plus `files`. */
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  readonly headers: Readonly<Record<string, string>>;
  readonly status: number;
  /** The JSON the stand-in answered with (undefined for 204). */
  readonly response: unknown;
  /** Problems found when checking the stand-in's own response against Discord's schema (empty when fine). */
  readonly responseIssues: readonly string[];
  /** Set when the answer came from `faults` (failNext, rateLimitNext) rather than the model. */
  readonly injected?: 'fail' | 'rateLimit';
  readonly at: number;
}

export interface GatewayEventRecord {
  readonly op: number;
  readonly t?: string;
  readonly s?: number;
  readonly d: unknown;
  readonly direction: 'in' | 'out';
  readonly at: number;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
}

export interface Recorder {
  readonly requests: readonly RecordedRequest[];
  readonly gatewayEvents: readonly GatewayEventRecord[];
  waitFor(predicate: (r: RecordedRequest) => boolean, opts?: WaitOptions): Promise<RecordedRequest>;
  /** `route` as in RecordedRequest.route; parameter names are not compared (`:id` matches `:channel_id`). */
  waitForRoute(
    route: string,
    opts?: WaitOptions & { readonly where?: (r: RecordedRequest) => boolean },
  ): Promise<RecordedRequest>;
  clear(): void;
}

export interface FailOptions {
  /** HTTP status (default 500; 403 when `code` is a permission error). */
  readonly status?: number;
  /** Discord error code for the JSON body, e.g. 50013. */
  readonly code?: number;
  readonly message?: string;
  /** Only requests on this route, e.g. 'POST /channels/:channel_id/messages'. */
  readonly route?: string;
}

export interface Faults {
  failNext(count: number, opts?: FailOptions): void;
  rateLimitNext(route: string, opts?: { readonly retryAfterSeconds?: number; readonly global?: boolean }): void;
  /** Closes the gateway socket; 4000 (default) keeps the session so the client resumes. */
  dropGateway(code?: number): void;
  delayNext(count: number, ms: number, route?: string): void;
  /** Forgets pending faults. */
  reset(): void;
}

export interface InteractionResponseRecord {
  readonly type: number;
  // Loose on purpose: the callback body as the bot sent it.
  readonly data?: any;
}

export interface InteractionTranscript {
  readonly id: string;
  readonly token: string;
  /** The callback body (type 4 reply, 5 defer, 6/7 component update, 8 autocomplete, 9 modal). */
  response(timeoutMs?: number): Promise<InteractionResponseRecord>;
  /** The message the user finally sees, with `flags` (64 = ephemeral). Rejects for type 8 and 9 answers. */
  reply(timeoutMs?: number): Promise<any>;
  /** Bodies of follow-up messages (POST /webhooks/{app}/{token}) so far. */
  followUps(): any[];
}

export interface StandIn {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly state: StandInState;
  readonly recorder: Recorder;
  readonly faults: Faults;
  readonly connected: boolean;
  addGuild(guild: GuildSeed): void;
  addMember(guildId: string, member: APIGuildMember): void;
  removeMember(guildId: string, userId: string): void;
  /** Raw gateway dispatch with the next sequence number, to every connected session (intents not applied). */
  dispatch(event: string, data: unknown): void;
  invoke(interaction: APIInteraction): InteractionTranscript;
  closeDmsFor(userId: string): void;
  close(): Promise<void>;
}
