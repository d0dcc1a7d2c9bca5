import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type LocalDate } from '../../src/domain/calendar.js';
import { InvalidInputError } from '../../src/domain/errors.js';
import { periodDays, planSlip } from '../../src/domain/slip.js';
import { localDate } from '../support/zones.js';

const d = (text: string) => text as LocalDate;
const today = d('2026-11-22');

describe('planning a slip', () => {
  it('defaults to today and, when clean time restarts, closes the running period and starts again the next day', () => {
    expect(planSlip({ date: undefined, restartCleanTime: true, today, cleanDate: d('2026-06-01') })).toEqual({
      slipDate: today,
      closedPeriod: { startDate: '2026-06-01', endDate: '2026-11-22' },
      newCleanDate: '2026-11-23',
    });
  });

  it('changes nothing in the clean time when the member keeps it', () => {
    expect(planSlip({ date: '2026-11-20', restartCleanTime: false, today, cleanDate: d('2026-06-01') })).toEqual({
      slipDate: '2026-11-20',
      closedPeriod: undefined,
      newCleanDate: undefined,
    });
  });

  it('can be backdated; the new clean time then counts from the day after the slip', () => {
    const plan = planSlip({ date: '2026-11-10', restartCleanTime: true, today, cleanDate: d('2026-06-01') });
    expect(plan.newCleanDate).toBe('2026-11-11');
    expect(periodDays(plan.closedPeriod!)).toBe(162);
  });

  it('starts a clean date for a member who had none, with no period to close', () => {
    expect(planSlip({ date: undefined, restartCleanTime: true, today, cleanDate: undefined })).toMatchObject({ closedPeriod: undefined, newCleanDate: '2026-11-23' });
  });

  it('accepts the same day again after a restart (the day before the new clean date)', () => {
    expect(planSlip({ date: undefined, restartCleanTime: true, today, cleanDate: d('2026-11-23') })).toMatchObject({ closedPeriod: undefined, newCleanDate: '2026-11-23' });
  });

  it.each([
    ['2026-11-23', /after today/],
    ['22/11/2026', /year-month-day/],
    ['2026-02-30', /year-month-day/],
    ['2026-05-01', /before your current clean time began/],
  ])('refuses %s kindly', (date, message) => {
    const attempt = () => planSlip({ date, restartCleanTime: true, today, cleanDate: d('2026-06-01') });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/Nothing was recorded/);
  });

  it('for any valid date, the new clean date is the day after and the kept period never runs backwards', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (cleanDate, cleanFor, backdate) => {
        const now = addDays(cleanDate, cleanFor);
        const slipDate = addDays(now, -Math.min(backdate, cleanFor));
        const plan = planSlip({ date: slipDate, restartCleanTime: true, today: now, cleanDate });
        expect(plan.newCleanDate).toBe(addDays(slipDate, 1));
        if (plan.closedPeriod) {
          expect(plan.closedPeriod).toEqual({ startDate: cleanDate, endDate: slipDate });
          expect(periodDays(plan.closedPeriod)).toBeGreaterThan(0);
        } else {
          expect(slipDate).toBe(cleanDate);
        }
      }),
    );
  });
});
