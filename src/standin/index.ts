/**
 * A faithful local Discord for tests and the try-it sandbox: REST and the gateway on one port,
 * an in-memory model, Discord's validation, permissions and rate limits, and fault injection.
 */
export { startStandIn } from './standIn.js';
export { build } from './builders/index.js';
export type {
  AutocompleteParams,
  ButtonParams,
  ChatInputParams,
  GuildChannelParams,
  GuildParams,
  InteractionContextParams,
  ModalSubmitParams,
  Permissionish,
} from './builders/index.js';
export type { GuildChannel, GuildInfo, GuildRecord, StandInState } from './state.js';
export type {
  FailOptions,
  Faults,
  GatewayEventRecord,
  GuildSeed,
  InteractionResponseRecord,
  InteractionTranscript,
  RecordedRequest,
  Recorder,
  RouteLimit,
  StandIn,
  StandInLogger,
  StandInOptions,
  UploadedFile,
  WaitOptions,
} from './types.js';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, Perm } from './permissions.js';
