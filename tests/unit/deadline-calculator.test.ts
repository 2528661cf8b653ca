/**
 * The statutory periods worked out against the State Council notices the app ships (2024–2026). Every
 * expected date below was counted by hand on a calendar from the holiday files; the comment on each case says
 * how. A wrong date here is a deadline the office misses or an alarm that fires on the wrong day.
 */
import { describe, it, expect } from 'vitest';
import { computePeriod, holidayLookup, restReason } from '../../main/core/calendar/deadline-calculator';
import y2024 from '../../main/core/calendar/holidays/2024.json';
import y2025 from '../../main/core/calendar/holidays/2025.json';
import y2026 from '../../main/core/calendar/holidays/2026.json';

const shipped = holidayLookup([...y2024.days, ...y2025.days, ...y2026.days], [2024, 2025, 2026]);

const days15 = { unit: 'calendar_days', days: 15 } as const;
const days60 = { unit: 'calendar_days', days: 60 } as const;
const working5 = { unit: 'working_days', days: 5 } as const;

/** Skipped-day entries for a run of notice holidays; the dates themselves are written out by hand. */
function holidayRun(dates: readonly string[], name: string) {
  return dates.map((date) => ({ date, name, reason: 'holiday' as const }));
}

describe('plain-day periods (日)', () => {
  it('15 days from Mon 2026-11-02 end on Tue 2026-11-17, a working day, with nothing shifted', () => {
    // Nov 2 is not counted; Nov 3 is day 1, so day 15 is Nov 17 (a Tuesday, no holiday in Nov 2026).
    const c = computePeriod('2026-11-02', days15, shipped);
    expect(c.endDate).toBe('2026-11-17');
    expect(c.nominalEndDate).toBe('2026-11-17');
    expect(c.shiftedFrom).toBeNull();
    expect(c.skipped).toEqual([]);
    expect(c.makeUpDays).toEqual([]);
    expect(c.uncoveredYears).toEqual([]);
  });

  it('60 days from Sun 2026-03-01 end on Thu 2026-04-30, the day before Labour Day', () => {
    // Mar 2–31 are days 1–30, Apr 1–30 days 31–60; Apr 30 is a Thursday and no holiday.
    const c = computePeriod('2026-03-01', days60, shipped);
    expect(c.endDate).toBe('2026-04-30');
    expect(c.shiftedFrom).toBeNull();
    expect(c.skipped).toEqual([]);
  });

  it('60 days from Tue 2026-03-03 fall on Labour Day (May 2, Sat) and end on Wed 2026-05-06', () => {
    // Mar 3 → Mar 31 = 28 days, → Apr 30 = 58, → May 2 = 60. The notice makes May 1–5 (Fri–Tue) days off,
    // so the last day moves past May 2, 3, 4, 5 to Wed May 6.
    const c = computePeriod('2026-03-03', days60, shipped);
    expect(c.nominalEndDate).toBe('2026-05-02');
    expect(c.endDate).toBe('2026-05-06');
    expect(c.shiftedFrom).toBe('2026-05-02');
    expect(c.skipped).toEqual(holidayRun(['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'], '劳动节'));
  });

  it('60 days from Fri 2024-11-29 run over New Year into Spring Festival 2025 and end on Wed 2025-02-05', () => {
    // Nov 30 = day 1, Dec 1–31 = days 2–32, Jan 28 2025 = day 60 (除夕). Jan 28 – Feb 4 are off (8 days);
    // Feb 5 is a Wednesday. Both years are covered by a notice.
    const c = computePeriod('2024-11-29', days60, shipped);
    expect(c.nominalEndDate).toBe('2025-01-28');
    expect(c.endDate).toBe('2025-02-05');
    expect(c.skipped.map((s) => s.date)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ]);
    expect(c.uncoveredYears).toEqual([]);
  });

  it('a last day on a Saturday moves to Monday, and both weekend days are listed as skipped', () => {
    // Fri 2026-11-06 + 15 = Sat Nov 21; Sat and Sun Nov 22 are plain weekend days, Mon Nov 23 is working.
    const c = computePeriod('2026-11-06', days15, shipped);
    expect(c.endDate).toBe('2026-11-23');
    expect(c.shiftedFrom).toBe('2026-11-21');
    expect(c.skipped).toEqual([
      { date: '2026-11-21', name: '周末', reason: 'weekend' },
      { date: '2026-11-22', name: '周末', reason: 'weekend' },
    ]);
  });

  it('a last day on National Day 2025 (Oct 1–8) ends on Thu 2025-10-09, the first working day after', () => {
    // Tue 2025-09-16 + 15 = Wed Oct 1. Oct 1–8 are all off under the notice (Oct 4 and 5 are a weekend, but
    // the notice lists them, so they count as holiday). Oct 9 is a Thursday.
    const c = computePeriod('2025-09-16', days15, shipped);
    expect(c.endDate).toBe('2025-10-09');
    expect(c.shiftedFrom).toBe('2025-10-01');
    expect(c.skipped).toEqual(
      holidayRun(
        ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
        '国庆节、中秋节',
      ),
    );
  });

  it('a last day in Spring Festival 2024 ends on the make-up Sunday 2024-02-18', () => {
    // Fri 2024-01-26 + 15 = Sat Feb 10 (Jan 27–31 are days 1–5, Feb 1–10 days 6–15). Feb 10–17 are off;
    // Sun Feb 18 is a make-up working day (调休上班), so the period ends on that Sunday.
    const c = computePeriod('2024-01-26', days15, shipped);
    expect(c.endDate).toBe('2024-02-18');
    expect(c.shiftedFrom).toBe('2024-02-10');
    expect(c.skipped).toHaveLength(8);
    expect(c.skipped.every((s) => s.reason === 'holiday' && s.name === '春节')).toBe(true);
  });

  it('a last day in Spring Festival 2025 ends on Wed 2025-02-05', () => {
    // Wed 2025-01-15 + 15 = Thu Jan 30. Jan 28 – Feb 4 are off, so Jan 30 … Feb 4 (6 days) are skipped.
    const c = computePeriod('2025-01-15', days15, shipped);
    expect(c.endDate).toBe('2025-02-05');
    expect(c.skipped.map((s) => s.date)).toEqual(['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
  });

  it('a last day in Spring Festival 2026 (Feb 15–23) ends on Tue 2026-02-24', () => {
    // Sun 2026-02-01 + 15 = Mon Feb 16; Feb 16 … Feb 23 (8 days) are off; Feb 24 is a Tuesday.
    const c = computePeriod('2026-02-01', days15, shipped);
    expect(c.endDate).toBe('2026-02-24');
    expect(c.skipped).toHaveLength(8);
    expect(c.skipped[0]).toEqual({ date: '2026-02-16', name: '春节', reason: 'holiday' });
    expect(c.skipped[7]).toEqual({ date: '2026-02-23', name: '春节', reason: 'holiday' });
  });

  it('a last day on Qingming 2024 ends on the make-up Sunday 2024-04-07', () => {
    // Wed 2024-03-20 + 15 = Thu Apr 4. Apr 4–6 are off; Sun Apr 7 is a make-up working day.
    const c = computePeriod('2024-03-20', days15, shipped);
    expect(c.endDate).toBe('2024-04-07');
    expect(c.skipped.map((s) => s.date)).toEqual(['2024-04-04', '2024-04-05', '2024-04-06']);
  });

  it('a last day on New Year 2026 crosses the year and ends on the make-up Sunday 2026-01-04', () => {
    // Wed 2025-12-17 + 15 = Thu Jan 1 2026 (Dec 18–31 are 14 days). Jan 1–3 are off, Sun Jan 4 is make-up.
    const c = computePeriod('2025-12-17', days15, shipped);
    expect(c.endDate).toBe('2026-01-04');
    expect(c.shiftedFrom).toBe('2026-01-01');
    expect(c.uncoveredYears).toEqual([]);
  });

  it('a last day that is a make-up Saturday (2026-02-28) is a working day and does not move', () => {
    // Fri 2026-02-13 + 15 = Sat Feb 28, which the notice makes a working day (春节调休).
    const c = computePeriod('2026-02-13', days15, shipped);
    expect(c.endDate).toBe('2026-02-28');
    expect(c.shiftedFrom).toBeNull();
    expect(c.skipped).toEqual([]);
  });

  it('a last day that is a make-up Sunday (2025-09-28) does not move either', () => {
    // Sat 2025-09-13 + 15 = Sun Sep 28, a make-up working day before National Day.
    const c = computePeriod('2025-09-13', days15, shipped);
    expect(c.endDate).toBe('2025-09-28');
    expect(c.shiftedFrom).toBeNull();
  });

  it('a holiday inside a plain-day period is not skipped: only the last day matters', () => {
    // Tue 2025-09-30 + 15 = Wed Oct 15, although Oct 1–8 lie inside the period.
    const c = computePeriod('2025-09-30', days15, shipped);
    expect(c.endDate).toBe('2025-10-15');
    expect(c.skipped).toEqual([]);
  });

  it('the starting day is not counted, even when it is a holiday', () => {
    // One day from Mon 2026-11-02 is Tue Nov 3; 15 days from Wed 2025-10-01 (a holiday) are Thu Oct 16.
    expect(computePeriod('2026-11-02', { unit: 'calendar_days', days: 1 }, shipped).endDate).toBe('2026-11-03');
    expect(computePeriod('2025-10-01', days15, shipped).endDate).toBe('2025-10-16');
  });
});

describe('extended handling period (60 + 30 日)', () => {
  it('60 + 30 days from Tue 2026-03-03 end on Mon 2026-06-01, past the Labour Day shift of the first 60', () => {
    // Day 60 is May 2 (see above); days 61–90 are May 3 … Jun 1. Jun 1 2026 is a Monday: no shift. The holiday
    // that moved the unextended period does not move the extended one.
    const c = computePeriod('2026-03-03', { unit: 'calendar_days', days: 60, extensionDays: 30 }, shipped);
    expect(c.days).toBe(60);
    expect(c.extensionDays).toBe(30);
    expect(c.nominalEndDate).toBe('2026-06-01');
    expect(c.endDate).toBe('2026-06-01');
    expect(c.shiftedFrom).toBeNull();
  });

  it('60 + 30 days from Fri 2024-07-05 fall on National Day 2024 and end on Tue 2024-10-08', () => {
    // Jul 6–31 = 26, Aug = 57, Sep = 87, Oct 3 = 90. Oct 1–7 are off, so Oct 3 … Oct 7 are skipped.
    const c = computePeriod('2024-07-05', { unit: 'calendar_days', days: 60, extensionDays: 30 }, shipped);
    expect(c.nominalEndDate).toBe('2024-10-03');
    expect(c.endDate).toBe('2024-10-08');
    expect(c.skipped.map((s) => s.date)).toEqual(['2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07']);
  });
});

describe('working-day periods (工作日)', () => {
  it('5 working days from Thu 2026-11-05 skip the weekend and end on Thu 2026-11-12', () => {
    // Fri 6 = 1; Sat 7, Sun 8 skipped; Mon 9 = 2, Tue 10 = 3, Wed 11 = 4, Thu 12 = 5.
    const c = computePeriod('2026-11-05', working5, shipped);
    expect(c.endDate).toBe('2026-11-12');
    expect(c.nominalEndDate).toBe('2026-11-12');
    expect(c.shiftedFrom).toBeNull();
    expect(c.skipped).toEqual([
      { date: '2026-11-07', name: '周末', reason: 'weekend' },
      { date: '2026-11-08', name: '周末', reason: 'weekend' },
    ]);
    expect(c.makeUpDays).toEqual([]);
  });

  it('5 working days from Fri 2025-09-26 count the make-up Sunday, skip National Day, and end on Fri 2025-10-10', () => {
    // Sat Sep 27 skipped (weekend); Sun Sep 28 make-up = 1; Mon 29 = 2; Tue 30 = 3; Oct 1–8 skipped (holiday);
    // Thu Oct 9 = 4; Fri Oct 10 = 5.
    const c = computePeriod('2025-09-26', working5, shipped);
    expect(c.endDate).toBe('2025-10-10');
    expect(c.makeUpDays).toEqual([{ date: '2025-09-28', name: '国庆节、中秋节' }]);
    expect(c.skipped[0]).toEqual({ date: '2025-09-27', name: '周末', reason: 'weekend' });
    expect(c.skipped.slice(1).map((s) => s.date)).toEqual([
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
    ]);
    expect(c.skipped.slice(1).every((s) => s.reason === 'holiday')).toBe(true);
  });

  it('5 working days from Thu 2026-02-12 count the make-up Saturday, skip Spring Festival, and end on Thu 2026-02-26', () => {
    // Fri Feb 13 = 1; Sat Feb 14 make-up = 2; Feb 15–23 off (9 days); Tue 24 = 3; Wed 25 = 4; Thu 26 = 5.
    const c = computePeriod('2026-02-12', working5, shipped);
    expect(c.endDate).toBe('2026-02-26');
    expect(c.makeUpDays).toEqual([{ date: '2026-02-14', name: '春节' }]);
    expect(c.skipped).toHaveLength(9);
    expect(c.skipped.every((s) => s.reason === 'holiday' && s.name === '春节')).toBe(true);
  });

  it('a working-day period does not count its starting day', () => {
    // One working day from Fri 2026-11-06 is Mon Nov 9, not Friday itself.
    expect(computePeriod('2026-11-06', { unit: 'working_days', days: 1 }, shipped).endDate).toBe('2026-11-09');
  });

  it('working-day periods cannot be extended', () => {
    expect(() => computePeriod('2026-11-06', { unit: 'working_days', days: 5, extensionDays: 3 }, shipped)).toThrow(RangeError);
  });
});

describe('years without a holiday notice', () => {
  it('60 days from 2026-11-02 end on Fri 2027-01-01 and report 2027 as not covered', () => {
    // Nov 3–30 = 28, Dec = 59, Jan 1 2027 = 60. No 2027 notice is loaded, so only weekends are known and
    // New Year's Day counts as an ordinary Friday: the user must be told the date is provisional.
    const c = computePeriod('2026-11-02', days60, shipped);
    expect(c.endDate).toBe('2027-01-01');
    expect(c.uncoveredYears).toEqual([2027]);
  });

  it('5 working days from Wed 2026-12-30 end on Wed 2027-01-06 and report 2027', () => {
    // Thu Dec 31 = 1; Fri Jan 1 = 2 (no notice); Sat 2, Sun 3 skipped; Mon 4 = 3, Tue 5 = 4, Wed 6 = 5.
    const c = computePeriod('2026-12-30', working5, shipped);
    expect(c.endDate).toBe('2027-01-06');
    expect(c.uncoveredYears).toEqual([2027]);
  });

  it('a period entirely inside covered years reports none', () => {
    expect(computePeriod('2026-03-03', days60, shipped).uncoveredYears).toEqual([]);
  });
});

describe('restReason', () => {
  it('tells holidays, weekends, make-up days and ordinary days apart', () => {
    expect(restReason('2025-10-04', shipped)).toBe('holiday'); // a Saturday inside National Day: the notice wins
    expect(restReason('2024-06-10', shipped)).toBe('holiday'); // Dragon Boat, a Monday
    expect(restReason('2025-10-11', shipped)).toBeNull(); // make-up Saturday
    expect(restReason('2024-02-04', shipped)).toBeNull(); // make-up Sunday
    expect(restReason('2026-11-07', shipped)).toBe('weekend'); // plain Saturday
    expect(restReason('2026-11-09', shipped)).toBeNull(); // plain Monday
    expect(restReason('2027-01-01', shipped)).toBeNull(); // no 2027 notice: an ordinary Friday
  });
});

describe('bad rules', () => {
  it('refuses a period of less than one day', () => {
    expect(() => computePeriod('2026-11-02', { unit: 'calendar_days', days: 0 }, shipped)).toThrow(RangeError);
  });
});
