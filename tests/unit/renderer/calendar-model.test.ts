/**
 * The holiday calendar page's model (renderer/src/pages/admin/calendar-model.ts): the month grids, what each
 * date is (day off, make-up working day, plain weekend), the year's holidays grouped by name, and the years
 * the admin can pick.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../shared/api';
import { dayState, holidayGroups, isWeekend, monthWeeks, yearsToOffer } from '../../../renderer/src/pages/admin/calendar-model';

const day = (date: string, name: string, isOffDay = true): CalendarDay => ({ date, name, isOffDay });

describe('the month grid', () => {
  it('starts October 2026 on Thursday the 1st under 周四, in weeks from Monday, padded with blanks', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks).toHaveLength(5);
    expect(weeks[4]).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('ends December on the 31st, not in the next year', () => {
    const days = monthWeeks(2026, 12).flat().filter((d) => d !== null);
    expect([days[0], days.at(-1), days.length]).toEqual(['2026-12-01', '2026-12-31', 31]);
  });
});

describe('what a date is', () => {
  const byDate = new Map([day('2026-10-01', '国庆节'), day('2026-10-10', '国庆节', false)].map((d) => [d.date, d]));

  it('is a day off or a make-up working day as the calendar says, else a weekend or a working day', () => {
    expect(['2026-10-01', '2026-10-10', '2026-10-11', '2026-10-12'].map((d) => dayState(d, byDate))).toEqual(['off', 'work', 'weekend', 'normal']);
    expect(['2026-10-10', '2026-10-11', '2026-10-12'].map(isWeekend)).toEqual([true, true, false]);
  });
});

describe('the year’s holidays', () => {
  it('groups them by name in calendar order, runs of days off as first–last, make-up days apart', () => {
    const groups = holidayGroups([
      day('2026-10-02', '国庆节'),
      day('2026-10-01', '国庆节'),
      day('2026-10-03', '国庆节'),
      day('2026-10-10', '国庆节', false),
      day('2026-10-05', '国庆节'),
      day('2026-01-01', '元旦'),
      day('2026-01-04', '元旦', false),
    ]);
    expect(groups).toEqual([
      { name: '元旦', off: [['2026-01-01', '2026-01-01']], work: ['2026-01-04'] },
      { name: '国庆节', off: [['2026-10-01', '2026-10-03'], ['2026-10-05', '2026-10-05']], work: ['2026-10-10'] },
    ]);
  });

  it('offers every stored year and always this year and the next, in order, each once', () => {
    expect(yearsToOffer([2024, 2026, 2025], 2026)).toEqual([2024, 2025, 2026, 2027]);
    expect(yearsToOffer([], 2027)).toEqual([2027, 2028]);
  });
});
