import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Actor } from '../domain/authorization.js';

/** The acting member as Discord describes them in this interaction. */
export function actorOf(interaction: Interaction): Actor {
  const member = interaction.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  const permissions = interaction.inGuild() ? interaction.memberPermissions : null;
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId ?? undefined,
    roleIds,
    managesServer: Boolean(permissions?.any([PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageGuild])),
  };
}
