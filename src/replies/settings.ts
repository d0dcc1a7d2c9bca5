import type { Member } from '../domain/member.js';
import { formatLongDate } from './format.js';

export function formatSettingsReply(member: Member, changed: boolean): string {
  return [
    changed ? '✅ Settings saved.' : '**Your settings**',
    `Timezone: **${member.timezone ?? 'not set (UTC is used)'}**`,
    `Clean date: **${member.cleanDate ? formatLongDate(member.cleanDate) : 'not set'}**`,
    `Milestones: **${member.announceMilestones ? 'told to you and celebrated in your home group' : 'told only to you'}**`,
    `Medication safety reminder with check-ins: **${member.matReminder ? 'on' : 'off'}**`,
    'Only you can see this. Change any of them with `/settings` and the option you want.',
  ].join('\n');
}
