import { NotAllowedError } from './errors.js';

/** Who is acting, as Discord told us with the interaction (never a cached guess). */
export interface Actor {
  userId: string;
  /** Undefined in a DM. */
  guildId: string | undefined;
  roleIds: readonly string[];
  /** Administrator or Manage Server. */
  managesServer: boolean;
}

export function isModerator(actor: Actor, moderatorRoleId: string | undefined): boolean {
  return actor.managesServer || (moderatorRoleId !== undefined && actor.roleIds.includes(moderatorRoleId));
}

export function requireServer(actor: Actor): string {
  if (!actor.guildId) throw new NotAllowedError('This command works inside your recovery server. Try it there.');
  return actor.guildId;
}

export function requireModerator(actor: Actor, moderatorRoleId: string | undefined): void {
  if (!isModerator(actor, moderatorRoleId)) {
    throw new NotAllowedError('Only moderators of this server can do that. If you think you should be one, ask a server admin.');
  }
}

export function requireServerManager(actor: Actor): void {
  if (!actor.managesServer) throw new NotAllowedError('Only server admins (Manage Server) can set Tandem up.');
}
