import type { Member } from '../domain/member.js';
import { formatLongDate } from './format.js';

export function formatSettingsReply(member: Member, changed: boolean): string {
  return [
    changed ? '✅ Settings saved.' : '**Your settings**',
    `Timezone: **${member.timezone ?? 'not set (UTC is used)'}**`,
    `Clean date: **${member.cleanDate ? formatLongDate(member.cleanDate) : 'not set'}**`,
    'Only you can see this. Change a setting with `/settings timezone` or `/settings clean_date`.',
  ].join('\n');
}
