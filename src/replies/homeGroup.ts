import type { HomeGroup } from '../domain/homeGroup.js';
import type { GuildSettings } from '../services/ports.js';

export const ADMINS_SEE_ALL = 'Server admins can see every channel on Discord, including private ones.';

/** Discord allows 2,000 characters a message: list what fits in ~1,500 and say how many more. */
export function capped(items: string[], separator: string, budget = 1500): string {
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    if (length + item.length + separator.length > budget) break;
    shown.push(item);
    length += item.length + separator.length;
  }
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(separator)}${separator}…and ${more} more` : shown.join(separator);
}

export const homeGroupText = {
  created: (group: HomeGroup) =>
    `Home group **${group.name}** (${group.fellowship}) created with its private channel <#${group.channelId}>. Only its members and moderators can see it. ${ADMINS_SEE_ALL}`,
  welcome: (group: HomeGroup) =>
    `Welcome to the **${group.name}** home group channel. Only the group's members and moderators can see it; ${ADMINS_SEE_ALL.charAt(0).toLowerCase()}${ADMINS_SEE_ALL.slice(1)}`,
  archived: (group: HomeGroup) => `**${group.name}** is archived. Its channel is read-only and kept.`,
  joined: (group: HomeGroup) =>
    `Welcome to **${group.name}**. Your group's private channel is <#${group.channelId}>. Only the group's members and moderators can see it. ${ADMINS_SEE_ALL}`,
  left: (group: HomeGroup) => `You have left **${group.name}**. You can join another group with \`/homegroup join\` whenever you like.`,
  members: (group: HomeGroup, userIds: string[]) =>
    userIds.length === 0
      ? `**${group.name}** has no members yet.`
      : `**${group.name}** (${userIds.length}): ${capped(userIds.map((id) => `<@${id}>`), ', ')}`,
  info: (group: HomeGroup | undefined, memberCount: number, groups: HomeGroup[]) => {
    const list = groups.length ? capped(groups.map((g) => `• ${g.name} (${g.fellowship})`), '\n') : 'No home groups yet: a moderator creates them with `/group create`.';
    if (!group) return `You don't belong to a home group yet. Join one with \`/homegroup join\`:\n${list}`;
    const status = group.status === 'archived' ? ' (archived, read-only)' : '';
    return `Your home group: **${group.name}** (${group.fellowship})${status}, ${memberCount} member${memberCount === 1 ? '' : 's'}, channel <#${group.channelId}>.`;
  },
  partnersAllowed: 'Done: these partners may now share one home group.',
} as const;

export function formatServerSettings(settings: GuildSettings, channelsUpdated = true): string {
  return [
    '**Tandem is set up for this server.** Run `/setup` again any time to change a setting.',
    ...(channelsUpdated
      ? []
      : ["⚠️ The roles were saved, but Discord refused to update the existing channels' permissions (check that I have Manage Channels and Manage Roles). I will try again at my next start."]),
    `Moderator role: ${settings.moderatorRoleId ? `<@&${settings.moderatorRoleId}>` : 'none (only members with Manage Server)'}`,
    `Category for Tandem's channels: ${settings.categoryId ? `<#${settings.categoryId}>` : 'none (top level)'}`,
    `Region for crisis lines: **${settings.region}** · Language: **${settings.language}**`,
    `Couple facilitator role: ${settings.facilitatorRoleId ? `<@&${settings.facilitatorRoleId}>` : 'none'}`,
    'Next: a moderator creates home groups with `/group create`. Give the moderator role access to `/group` in Server Settings → Integrations → Tandem if it lacks Manage Server.',
    ADMINS_SEE_ALL,
  ].join('\n');
}
