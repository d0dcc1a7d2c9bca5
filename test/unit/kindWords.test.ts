// Every string a member or partner reads, rendered in every state we can reach, read for shame.
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar.js';
import { ExpectedError } from '../../src/domain/errors.js';
import { parseDetails } from '../../src/domain/checkInDetails.js';
import { helpLinesFor } from '../../src/domain/crisisLines.js';
import { milestonesFor } from '../../src/domain/milestones.js';
import { planSlip } from '../../src/domain/slip.js';
import { formatCheckInReply } from '../../src/replies/checkIn.js';
import { formatShareResult, homeGroupCheckInLine, partnerCheckInMessage } from '../../src/replies/checkInShare.js';
import { coupleMilestoneMessage, homeGroupMilestoneLine, memberMilestoneMessage, partnerMilestoneMessage } from '../../src/replies/milestones.js';
import { formatProgressReply } from '../../src/replies/progress.js';
import { formatSlipReply, partnerSupportMessage } from '../../src/replies/slip.js';
import type { CheckInOutcome } from '../../src/services/checkIns.js';
import type { ShareResult } from '../../src/services/checkInSharing.js';
import type { Progress } from '../../src/services/progress.js';
import type { PartnerNotice, SlipOutcome } from '../../src/services/slips.js';

const d = (text: string) => text as LocalDate;
const SHAME = [
  /\bfail(ed|ure|ing|s)?\b/i,
  /\bbr(oke|oken|eak)\b/i,
  /\blost\b/i,
  /\breset\b/i,
  /back to (day )?(zero|0)/i,
  /start(ing)? over/i,
  /\bshame|guilt|disappoint|weak\b/i,
  /\bmissed\b/i,
  /\bahead\b|\bbehind (your|them)|than your partner|\brank|leaderboard/i,
];

function outcome(overrides: Partial<CheckInOutcome['checkIn']>, extra: Partial<CheckInOutcome> = {}): CheckInOutcome {
  const checkIn = { id: 'c', memberId: 'm', localDate: d('2026-11-22'), sober: true, share: 'private' as const, hasNote: true, createdAt: new Date(0), updatedAt: new Date(0), craving: 9, mood: 1, meeting: false, ...overrides };
  return {
    member: { id: 'm', guildId: 'g', userId: '1', timezone: undefined, cleanDate: undefined, homeGroupId: undefined, announceMilestones: false, matReminder: true },
    checkIn, requestedShare: 'partner', created: true, localDate: d('2026-11-22'), timezone: 'UTC', timezoneIsSet: false, streak: 0,
    helpLines: helpLinesFor('US'), matReminder: true, ...extra,
  };
}

const SHARE_RESULTS: ShareResult[] = [
  ...(['posted', 'already-shared', 'no-home-group', 'undelivered'] as const).map((status) => ({ target: 'homegroup' as const, status })),
  ...(['sent-dm', 'already-shared', 'no-partner', 'paused', 'nothing-allowed', 'dms-closed', 'undelivered'] as const).map((status) => ({ target: 'partner' as const, status })),
];
const NOTICES: PartnerNotice[] = ['not-asked', 'told', 'no-partner', 'dms-closed', 'undelivered'];

function everyText(): string[] {
  const texts: string[] = [];
  for (const sober of [true, false]) {
    for (const share of SHARE_RESULTS) texts.push(formatCheckInReply(outcome({ sober }), share), formatShareResult(share));
    texts.push(partnerCheckInMessage('1', { checkedIn: true, sober, streak: 0 }));
  }
  for (const restart of [true, false]) {
    for (const cleanDate of [undefined, d('2026-01-01'), d('2026-11-23')]) {
      const plan = planSlip({ date: undefined, restartCleanTime: restart, today: d('2026-11-22'), cleanDate });
      for (const partner of NOTICES) {
        const slip: SlipOutcome = { plan, today: d('2026-11-22'), keptDays: plan.closedPeriod ? 325 : undefined, partner, homeGroupChannelId: restart ? '5' : undefined, helpLines: helpLinesFor('GB') };
        texts.push(formatSlipReply(slip));
      }
    }
  }
  texts.push(partnerSupportMessage('1', '5'), partnerSupportMessage('1', undefined), homeGroupCheckInLine('1'));
  const milestones = milestonesFor(d('2025-01-01'));
  for (let i = 0; i < 10; i += 1) {
    const milestone = milestones.next().value!;
    for (const today of [true, false]) {
      texts.push(memberMilestoneMessage(milestone, today, today), homeGroupMilestoneLine('1', milestone, today), partnerMilestoneMessage('1', milestone, today));
    }
    texts.push(coupleMilestoneMessage(milestone));
  }
  const progress: Progress = {
    today: d('2026-11-22'), timezone: 'UTC', timezoneIsSet: false, cleanDate: d('2026-11-23'), cleanTime: undefined, nextMilestone: undefined, latestMilestone: undefined,
    earlierPeriods: Array.from({ length: 7 }, () => ({ startDate: d('2025-01-01'), endDate: d('2025-03-01') })), streak: 0,
    lastDays: Array.from({ length: 14 }, (_, i) => ({ date: d('2026-11-22'), status: (['sober', 'rough', 'none'] as const)[i % 3]! })),
  };
  texts.push(formatProgressReply(progress));
  const errors = [
    () => planSlip({ date: '2027-01-01', restartCleanTime: true, today: d('2026-11-22'), cleanDate: undefined }),
    () => planSlip({ date: 'soon', restartCleanTime: true, today: d('2026-11-22'), cleanDate: undefined }),
    () => planSlip({ date: '2020-01-01', restartCleanTime: true, today: d('2026-11-22'), cleanDate: d('2026-01-01') }),
    () => parseDetails({ craving: 'x', mood: '', meeting: '', note: '' }),
    () => parseDetails({ craving: '', mood: '', meeting: 'x', note: '' }),
  ];
  for (const attempt of errors) {
    try {
      attempt();
    } catch (error) {
      texts.push((error as ExpectedError).userMessage);
    }
  }
  return texts;
}

describe('words without shame', () => {
  const texts = everyText();

  it('renders many states (sanity)', () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  it.each(SHAME.map((pattern) => [String(pattern), pattern] as const))('nothing a member reads matches %s', (_, pattern) => {
    expect(texts.filter((text) => pattern.test(text))).toEqual([]);
  });

  it('every slip reply carries crisis lines and concrete next steps', () => {
    const slips = texts.filter((text) => text.includes('Thank you for telling me'));
    expect(slips.length).toBe(30);
    for (const text of slips) {
      expect(text).toContain('116 123');
      expect(text).toMatch(/sponsor/);
      expect(text).toMatch(/meeting/);
      expect(text).toMatch(/home group/);
    }
  });
});
