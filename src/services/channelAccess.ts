// Who may see and write in a Tandem channel, computed from the database. Applying the whole list
// each time (one PATCH) keeps Discord in step with the database and repairs drift as a side effect.
import type { Couple } from '../domain/couple.js';
import type { HomeGroup } from '../domain/homeGroup.js';
import type { AccessMode, ChannelAccess, GuildSettings, Repositories } from './ports.js';

export async function homeGroupAccess(repos: Repositories, group: HomeGroup, guild: GuildSettings): Promise<ChannelAccess> {
  const mode: AccessMode = group.status === 'archived' ? 'read' : 'write';
  const members = await repos.members.listByHomeGroup(group.id);
  return {
    members: members.map((member) => ({ userId: member.userId, mode })),
    roles: guild.moderatorRoleId ? [{ roleId: guild.moderatorRoleId, mode }] : [],
  };
}

/** Active: both partners write. Paused or ended: read-only, history kept. */
export async function coupleAccess(repos: Repositories, couple: Couple, guild: GuildSettings): Promise<ChannelAccess> {
  const mode: AccessMode = couple.status === 'active' ? 'write' : 'read';
  const partners = await Promise.all([repos.members.get(couple.inviterId), repos.members.get(couple.inviteeId)]);
  return {
    members: partners.flatMap((member) => (member ? [{ userId: member.userId, mode }] : [])),
    roles: guild.facilitatorRoleId ? [{ roleId: guild.facilitatorRoleId, mode }] : [],
  };
}
