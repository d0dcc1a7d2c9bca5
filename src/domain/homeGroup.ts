export const HOME_GROUP_STATUSES = ['creating', 'active', 'archived'] as const;
export type HomeGroupStatus = (typeof HOME_GROUP_STATUSES)[number];

export interface HomeGroup {
  id: string;
  guildId: string;
  name: string;
  fellowship: string;
  channelId: string | undefined;
  status: HomeGroupStatus;
}

export const FELLOWSHIPS = ['AA', 'NA', 'SMART Recovery', 'Al-Anon', 'CoDA', 'Families Anonymous', 'Other'] as const;

export const HOME_GROUP_NAME_MAX = 40;

/** The key that makes names unique per server regardless of case and spacing. */
export function homeGroupNameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Channel name for a home group: "hg-" + a slug of the group's name. It never carries the
 * fellowship (a health detail) or a member's name.
 */
export function homeGroupChannelName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `hg-${slug || 'group'}`;
}
