// Home groups: moderators create and archive them; members join one per server.
import { requireModerator, requireServer, type Actor } from '../domain/authorization.js';
import { isTogether, partnerOf } from '../domain/couple.js';
import { InvalidInputError, NotAllowedError } from '../domain/errors.js';
import { HOME_GROUP_NAME_MAX, homeGroupChannelName, type HomeGroup } from '../domain/homeGroup.js';
import type { Member } from '../domain/member.js';
import { homeGroupAccess } from './channelAccess.js';
import { AUDIT_REASON, type ServiceDeps } from './deps.js';

async function moderatorGuild(deps: ServiceDeps, actor: Actor) {
  const guildId = requireServer(actor);
  const guild = await deps.repos.guilds.ensure(guildId);
  requireModerator(actor, guild.moderatorRoleId);
  return guild;
}

async function groupNamed(deps: ServiceDeps, guildId: string, name: string): Promise<HomeGroup> {
  const group = await deps.repos.homeGroups.findByName(guildId, name);
  if (!group || group.status === 'creating') throw new InvalidInputError(`There is no home group called "${name.slice(0, 60)}" in this server.`);
  return group;
}

/** Applies the group's access list to its channel. */
export async function syncHomeGroupChannel(deps: ServiceDeps, group: HomeGroup): Promise<void> {
  if (!group.channelId) return;
  const guild = await deps.repos.guilds.ensure(group.guildId);
  await deps.discord.setChannelAccess(group.guildId, group.channelId, await homeGroupAccess(deps.repos, group, guild), AUDIT_REASON.homeGroupAccess);
}

/** Intent row first, then the channel; if Discord refuses, the intent is removed: nothing half-made. */
export async function createHomeGroup(deps: ServiceDeps, actor: Actor, input: { name: string; fellowship: string }): Promise<HomeGroup> {
  const guild = await moderatorGuild(deps, actor);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > HOME_GROUP_NAME_MAX) {
    throw new InvalidInputError(`A home group name needs 2 to ${HOME_GROUP_NAME_MAX} characters.`);
  }
  const intent = await deps.repos.homeGroups.createIntent(guild.id, name, input.fellowship.trim() || 'Other');
  if (!intent) throw new InvalidInputError(`A home group called "${name}" already exists in this server.`);
  try {
    const channelId = await deps.discord.createPrivateChannel(guild.id, {
      name: homeGroupChannelName(name),
      parentId: guild.categoryId,
      access: await homeGroupAccess(deps.repos, intent, guild),
      reason: AUDIT_REASON.homeGroupChannel,
    });
    return await deps.repos.homeGroups.activate(intent.id, channelId);
  } catch (error) {
    await deps.repos.homeGroups.discard(intent.id);
    throw error;
  }
}

/** Archive: the channel becomes read-only for its members and moderators, and is kept. */
export async function archiveHomeGroup(deps: ServiceDeps, actor: Actor, name: string): Promise<HomeGroup> {
  const guild = await moderatorGuild(deps, actor);
  const group = await groupNamed(deps, guild.id, name);
  if (group.status === 'archived') throw new InvalidInputError(`"${group.name}" is already archived.`);
  const archived = await deps.repos.homeGroups.archive(group.id, deps.clock.now());
  try {
    await syncHomeGroupChannel(deps, archived);
  } catch (error) {
    await deps.repos.homeGroups.activate(group.id, group.channelId ?? '');
    throw error;
  }
  return archived;
}

export async function homeGroupMembers(deps: ServiceDeps, actor: Actor, name: string): Promise<{ group: HomeGroup; members: Member[] }> {
  const guild = await moderatorGuild(deps, actor);
  const group = await groupNamed(deps, guild.id, name);
  return { group, members: await deps.repos.members.listByHomeGroup(group.id) };
}

/** A moderator lets the couple this member belongs to share one home group. */
export async function allowPartnersInSameGroup(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const guild = await moderatorGuild(deps, actor);
  const member = await deps.repos.members.find(guild.id, userId);
  const couple = member && (await deps.repos.couples.findCurrentFor(member.id));
  if (!couple) throw new InvalidInputError('That member is not in a couple in this server.');
  await deps.repos.couples.update(couple.id, { sameGroupAllowed: true });
}

export async function joinHomeGroup(deps: ServiceDeps, actor: Actor, name: string): Promise<HomeGroup> {
  const guildId = requireServer(actor);
  const group = await groupNamed(deps, guildId, name);
  if (group.status === 'archived') throw new InvalidInputError(`"${group.name}" is archived and not taking new members.`);
  const existing = await deps.repos.members.find(guildId, actor.userId);
  if (existing?.homeGroupId === group.id) throw new InvalidInputError(`You already belong to "${group.name}".`);
  const current = existing?.homeGroupId ? await deps.repos.homeGroups.get(existing.homeGroupId) : undefined;
  if (current && current.status === 'active') {
    throw new InvalidInputError(`You belong to "${current.name}". A member has one home group per server: leave it first with \`/homegroup leave\`.`);
  }
  const couple = existing && (await deps.repos.couples.findCurrentFor(existing.id));
  if (existing && couple && isTogether(couple.status) && !couple.sameGroupAllowed) {
    const partner = await deps.repos.members.get(partnerOf(couple, existing.id));
    if (partner?.homeGroupId === group.id) {
      throw new NotAllowedError(
        'Your partner already belongs to this home group. Recovery works best when each partner has their own group and support people, so Tandem keeps partners in different home groups. Pick another group, or ask a moderator if there is a reason to share one.',
      );
    }
  }
  const member = existing ?? (await deps.repos.members.ensure(guildId, actor.userId));
  await deps.repos.members.setHomeGroup(member.id, group.id);
  try {
    await syncHomeGroupChannel(deps, group);
  } catch (error) {
    await deps.repos.members.setHomeGroup(member.id, member.homeGroupId ?? null);
    throw error;
  }
  // Moving on from an archived group also ends read access to its channel.
  if (current) await syncHomeGroupChannel(deps, current);
  return group;
}

export async function leaveHomeGroup(deps: ServiceDeps, actor: Actor): Promise<HomeGroup> {
  const guildId = requireServer(actor);
  const member = await deps.repos.members.find(guildId, actor.userId);
  const group = member?.homeGroupId ? await deps.repos.homeGroups.get(member.homeGroupId) : undefined;
  if (!member || !group) throw new InvalidInputError("You don't belong to a home group right now. `/homegroup join` shows the groups.");
  await deps.repos.members.setHomeGroup(member.id, null);
  try {
    await syncHomeGroupChannel(deps, group);
  } catch (error) {
    await deps.repos.members.setHomeGroup(member.id, group.id);
    throw error;
  }
  return group;
}

export async function homeGroupInfo(deps: ServiceDeps, actor: Actor): Promise<{ group: HomeGroup | undefined; memberCount: number; groups: HomeGroup[] }> {
  const guildId = requireServer(actor);
  const member = await deps.repos.members.ensure(guildId, actor.userId);
  const group = member.homeGroupId ? await deps.repos.homeGroups.get(member.homeGroupId) : undefined;
  const memberCount = group ? (await deps.repos.members.listByHomeGroup(group.id)).length : 0;
  return { group, memberCount, groups: await deps.repos.homeGroups.list(guildId) };
}

/** Autocomplete: the server's active groups matching what was typed (max 25). */
export async function suggestHomeGroups(deps: Pick<ServiceDeps, 'repos'>, guildId: string | undefined, typed: string): Promise<string[]> {
  if (!guildId) return [];
  const query = typed.trim().toLowerCase();
  const groups = await deps.repos.homeGroups.list(guildId);
  return groups.map((g) => g.name).filter((name) => name.toLowerCase().includes(query)).slice(0, 25);
}
