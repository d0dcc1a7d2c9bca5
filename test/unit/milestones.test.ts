import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar.js';
import { nextMilestone, reachedMilestones } from '../../src/domain/milestones.js';

const d = (text: string) => text as LocalDate;

describe('milestones', () => {
  it('the first is 24 hours, the day after the clean date', () => {
    expect(nextMilestone(d('2026-11-22'), d('2026-11-22'))).toMatchObject({ key: '1d', label: '24 hours', date: '2026-11-23' });
  });

  it('follows 7, 30, 60, 90 days, 6 and 9 months, 1 year, then yearly', () => {
    const keys = reachedMilestones(d('2020-01-15'), d('2023-01-15')).map((m) => m.key);
    expect(keys).toEqual(['1d', '7d', '30d', '60d', '90d', '6m', '9m', '1y', '2y', '3y']);
  });

  it('a milestone is reached on its own day, not the day before', () => {
    expect(reachedMilestones(d('2026-01-01'), d('2026-01-30')).map((m) => m.key)).toEqual(['1d', '7d']);
    expect(reachedMilestones(d('2026-01-01'), d('2026-01-31')).map((m) => m.key)).toEqual(['1d', '7d', '30d']);
  });

  it('after a year the next one is the next anniversary', () => {
    expect(nextMilestone(d('2024-02-29'), d('2026-11-22'))).toMatchObject({ key: '3y', date: '2027-02-28' });
  });
});
