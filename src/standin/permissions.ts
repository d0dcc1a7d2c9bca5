import type { APIGuildMember, APIOverwrite, APIRole } from 'discord.js';

/** Permission bits the stand-in checks (values from Discord's documentation). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord defines today (up to bit 52). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What a freshly invited bot gets from its managed role in the seeds. */
export const DEFAULT_BOT_PERMISSIONS =
  Perm.ManageChannels |
  Perm.ManageRoles |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory;

/** Discord's default @everyone permissions for a new server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Perm.CreateInstantInvite |
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.MentionEveryone |
  Perm.UseExternalEmojis |
  Perm.Connect |
  Perm.Speak |
  Perm.ChangeNickname |
  Perm.UseApplicationCommands |
  Perm.SendMessagesInThreads;

export interface GuildPermissionInput {
  readonly guildId: string;
  readonly ownerId: string;
  readonly roles: ReadonlyMap<string, APIRole>;
  readonly member: Pick<APIGuildMember, 'roles'> & { readonly user?: { readonly id: string } };
  readonly userId: string;
}

/** Guild-level permissions: @everyone plus the member's roles; owners and administrators get everything. */
export function computeBasePermissions(input: GuildPermissionInput): bigint {
  if (input.userId === input.ownerId) return ALL_PERMISSIONS;
  let permissions = BigInt(input.roles.get(input.guildId)?.permissions ?? '0');
  for (const roleId of input.member.roles) {
    const role = input.roles.get(roleId);
    if (role) permissions |= BigInt(role.permissions);
  }
  return permissions & Perm.Administrator ? ALL_PERMISSIONS : permissions;
}

/** Applies a channel's overwrites in Discord's order: @everyone, then all roles together, then the member. */
export function computeChannelPermissions(
  base: bigint,
  input: GuildPermissionInput,
  overwrites: readonly APIOverwrite[],
): bigint {
  if (base & Perm.Administrator) return ALL_PERMISSIONS;
  let permissions = base;
  const everyone = overwrites.find((o) => o.id === input.guildId);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && overwrite.id !== input.guildId && input.member.roles.includes(overwrite.id)) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === input.userId);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);
  // Without View Channel, nothing else in the channel applies.
  return permissions & Perm.ViewChannel ? permissions : 0n;
}

export function hasAll(permissions: bigint, required: bigint): boolean {
  return (permissions & required) === required;
}

/** Names of the missing bits, for log messages. */
export function describeMissing(permissions: bigint, required: bigint): string[] {
  return Object.entries(Perm)
    .filter(([, bit]) => (required & bit) !== 0n && (permissions & bit) === 0n)
    .map(([name]) => name);
}

/** The highest position among the member's roles (0 for @everyone only). */
export function highestRolePosition(roles: ReadonlyMap<string, APIRole>, memberRoles: readonly string[]): number {
  return memberRoles.reduce((max, id) => Math.max(max, roles.get(id)?.position ?? 0), 0);
}
