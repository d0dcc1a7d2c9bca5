import type { APIGuildMember } from 'discord.js';
import type { Core } from '../../model/core.js';
import { highestRolePosition, Perm } from '../../permissions.js';
import type { GuildRecord } from '../../state.js';
import { discordError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

function memberOr404(core: Core, guild: GuildRecord, userId: string | undefined): APIGuildMember {
  const member = userId ? guild.members.get(userId) : undefined;
  if (member) return member;
  throw discordError(userId && core.state.users.has(userId) ? 10007 : 10013);
}

/** Manage Roles, and the role must sit below the bot's highest role and not be managed or @everyone. */
function requireRoleChange(core: Core, req: RouteRequest): { guild: GuildRecord; member: APIGuildMember; roleId: string } {
  const guild = core.guildOr404(req.params.guild_id!);
  const member = memberOr404(core, guild, req.params.user_id);
  const roleId = req.params.role_id!;
  const role = guild.roles.get(roleId);
  if (!role || roleId === guild.info.id) throw discordError(10011);
  core.requireBotPermissions(guild, undefined, Perm.ManageRoles, 'change member roles');
  const botRoles = guild.members.get(core.botUser.id)?.roles ?? [];
  const isOwner = guild.info.owner_id === core.botUser.id;
  // Even administrators cannot hand out managed roles or roles at or above their own highest role.
  if (!isOwner && (role.managed || highestRolePosition(guild.roles, botRoles) <= role.position)) {
    throw discordError(50013);
  }
  return { guild, member, roleId };
}

function memberUpdate(core: Core, guildId: string, member: APIGuildMember): void {
  core.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guildId, ...member });
}

export const guildRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/guilds/:guild_id',
    handle: (core, req) => {
      const guild = core.guildOr404(req.params.guild_id!);
      const counts = req.query.get('with_counts') === 'true'
        ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
        : {};
      return { status: 200, body: { ...core.state.toAPIGuild(guild), ...counts } };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/roles',
    handle: (core, req) => ({ status: 200, body: [...core.guildOr404(req.params.guild_id!).roles.values()] }),
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/members/:user_id',
    handle: (core, req) => {
      const guild = core.guildOr404(req.params.guild_id!);
      return { status: 200, body: memberOr404(core, guild, req.params.user_id) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/members',
    handle: (core, req) => {
      const guild = core.guildOr404(req.params.guild_id!);
      const limit = Math.min(1000, Math.max(1, Number(req.query.get('limit') ?? 1)));
      const after = BigInt(req.query.get('after') ?? '0');
      const members = [...guild.members.values()]
        .filter((m) => BigInt(m.user.id) > after)
        .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1))
        .slice(0, limit);
      return { status: 200, body: members };
    },
  },
  {
    method: 'PUT',
    path: '/guilds/:guild_id/members/:user_id/roles/:role_id',
    handle: (core, req) => {
      const { guild, member, roleId } = requireRoleChange(core, req);
      if (!member.roles.includes(roleId)) {
        member.roles = [...member.roles, roleId];
        memberUpdate(core, guild.info.id, member);
      }
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/guilds/:guild_id/members/:user_id/roles/:role_id',
    handle: (core, req) => {
      const { guild, member, roleId } = requireRoleChange(core, req);
      if (member.roles.includes(roleId)) {
        member.roles = member.roles.filter((r) => r !== roleId);
        memberUpdate(core, guild.info.id, member);
      }
      return { status: 204 };
    },
  },
];
