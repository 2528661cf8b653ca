/**
 * The duty month view's arithmetic (renderer/src/pages/duty/month-model.ts): which days the calendar shows,
 * which day's box a shift lands in, the gaps drawn in red on each day, and who is named in a shift.
 */
import { describe, expect, it } from 'vitest';
import type { Rotation, Segment, SensitivePeriod } from '../../../shared/api';
import { instantOf } from '../../../shared/time';
import { isMonth, monthGrid, peopleOf, planDays, shiftMonth, shiftWindow, shiftsOf, type Gap } from '../../../renderer/src/pages/duty/month-model';

const TZ = 'Asia/Shanghai';
const OFFICER = 1;
const LEADER = 2;
const at = (date: string, hour = 0) => instantOf(date, TZ, hour);

function rotation(id: number, roleId: number, handoffHour = 8): Rotation {
  return { id, name: `轮班${id}`, roleId, pattern: 'daily', handoffHour, nightHour: 20, weekday: 1, shiftsPerPerson: 1, startDate: '2026-03-01', endDate: null, sensitiveOnly: false, active: true, members: [] };
}

function segment(userId: number, userName: string, start: number, end: number, extra: Partial<Segment> = {}): Segment {
  return { roleId: OFFICER, userId, userName, start, end, rotationId: 10, source: 'rotation', overrideId: null, ...extra };
}

const ROTATIONS = [rotation(10, OFFICER), rotation(20, LEADER, 9)];
const NO_SCHEDULE = { segments: [] as Segment[], gaps: [] as Gap[], sensitivePeriods: [] as SensitivePeriod[] };

describe('the month grid', () => {
  it('shows whole weeks from Monday: March 2026 (starting on a Sunday) takes six rows from 23 February', () => {
    const grid = monthGrid('2026-03');
    expect([grid.first, grid.last, grid.gridStart, grid.rows]).toEqual(['2026-03-01', '2026-03-31', '2026-02-23', 6]);
    expect(grid.days).toHaveLength(42);
    expect([grid.days[0], grid.days[6], grid.days[41]]).toEqual(['2026-02-23', '2026-03-01', '2026-04-05']);
  });

  it('takes four rows for a February that starts on a Monday, five for most months', () => {
    expect(monthGrid('2027-02').rows).toBe(4);
    expect(monthGrid('2026-02').rows).toBe(5);
    expect(monthGrid('2026-02').last).toBe('2026-02-28');
    expect(monthGrid('2028-02').last).toBe('2028-02-29');
  });

  it('steps between months across the turn of the year, and knows a month from anything else in the address', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', 14)).toBe('2027-05');
    expect(['2026-03', '2026-13', '2026-3', null, 'March'].map(isMonth)).toEqual([true, false, false, false, false]);
  });
});

describe('planning the days', () => {
  it('puts a night’s hours in the box of the day its shift started: 02:00 on the 6th belongs to the 5th', () => {
    const shift = segment(7, '赵值班', at('2026-03-05', 8), at('2026-03-06', 2));
    // An override covering the early hours has no rotation: it follows the role's handoff hour.
    const cover = segment(8, '钱值班', at('2026-03-06', 2), at('2026-03-06', 8), { rotationId: null, source: 'override', overrideId: 3 });
    const plans = planDays(['2026-03-05', '2026-03-06'], { ...NO_SCHEDULE, segments: [shift, cover] }, ROTATIONS, TZ);
    expect(plans.get('2026-03-05')?.byRole.get(OFFICER)).toEqual([shift, cover]);
    expect(plans.get('2026-03-06')?.byRole.size).toBe(0);
  });

  it('follows each rotation’s own handoff hour: a leader handing over at 09:00 is on the previous day until then', () => {
    const leader = { ...segment(9, '张镇长', at('2026-03-06', 9), at('2026-03-07', 9)), roleId: LEADER, rotationId: 20 };
    const early = { ...segment(9, '张镇长', at('2026-03-06', 8), at('2026-03-06', 9)), roleId: LEADER, rotationId: 20 };
    const plans = planDays(['2026-03-05', '2026-03-06'], { ...NO_SCHEDULE, segments: [leader, early] }, ROTATIONS, TZ);
    expect(plans.get('2026-03-06')?.byRole.get(LEADER)).toEqual([leader]);
    expect(plans.get('2026-03-05')?.byRole.get(LEADER)).toEqual([early]);
  });

  it('cuts a gap of two days into the part on each calendar day, 00:00 to 24:00', () => {
    const gap = { roleId: LEADER, start: at('2026-03-15', 8), end: at('2026-03-17', 8) };
    const plans = planDays(['2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17'], { ...NO_SCHEDULE, gaps: [gap] }, ROTATIONS, TZ);
    expect(plans.get('2026-03-14')?.gaps).toEqual([]);
    expect(plans.get('2026-03-15')?.gaps).toEqual([{ roleId: LEADER, start: at('2026-03-15', 8), end: at('2026-03-16') }]);
    expect(plans.get('2026-03-16')?.gaps).toEqual([{ roleId: LEADER, start: at('2026-03-16'), end: at('2026-03-17') }]);
    expect(plans.get('2026-03-17')?.gaps).toEqual([{ roleId: LEADER, start: at('2026-03-17'), end: at('2026-03-17', 8) }]);
  });

  it('marks the days of a sensitive period, first and last included, and not a cancelled one', () => {
    const periods: SensitivePeriod[] = [
      { id: 1, name: '全国两会', startDate: '2026-03-04', endDate: '2026-03-11', note: '' },
      { id: 2, name: '已取消的保障', startDate: '2026-03-04', endDate: '2026-03-05', note: '', cancelled: true },
    ];
    const plans = planDays(['2026-03-03', '2026-03-04', '2026-03-11', '2026-03-12'], { ...NO_SCHEDULE, sensitivePeriods: periods }, ROTATIONS, TZ);
    expect(['2026-03-03', '2026-03-04', '2026-03-11', '2026-03-12'].map((d) => plans.get(d)?.sensitive.map((p) => p.name))).toEqual([[], ['全国两会'], ['全国两会'], []]);
  });
});

describe('the people of a shift', () => {
  it('names each person once, in order, with the mark of any change to their part of the shift', () => {
    const people = peopleOf([
      segment(7, '赵值班', at('2026-03-05', 8), at('2026-03-05', 14)),
      segment(8, '钱值班', at('2026-03-05', 14), at('2026-03-05', 18), { source: 'swap' }),
      segment(7, '赵值班', at('2026-03-05', 18), at('2026-03-06', 8), { source: 'override' }),
      segment(9, '孙值班', at('2026-03-05', 8), at('2026-03-06', 8), { source: 'extra' }),
    ]);
    expect(people.map((p) => [p.userName, p.source])).toEqual([
      ['赵值班', 'override'],
      ['钱值班', 'swap'],
      ['孙值班', 'extra'],
    ]);
  });

  it('spans a shift over its people but not the extra staff, and falls back to the handoff window when nobody is on it', () => {
    const main = segment(7, '赵值班', at('2026-03-05', 8), at('2026-03-06', 8));
    const extra = segment(9, '孙值班', at('2026-03-05', 6), at('2026-03-06', 12), { source: 'extra' });
    const plans = planDays(['2026-03-05'], { ...NO_SCHEDULE, segments: [main, extra] }, ROTATIONS, TZ);
    expect(shiftWindow('2026-03-05', OFFICER, plans.get('2026-03-05'), ROTATIONS, TZ)).toEqual({ start: at('2026-03-05', 8), end: at('2026-03-06', 8) });
    expect(shiftWindow('2026-03-05', LEADER, plans.get('2026-03-05'), ROTATIONS, TZ)).toEqual({ start: at('2026-03-05', 9), end: at('2026-03-06', 9) });
  });

  it('offers as the other half of a swap only the person’s own rotation shifts in that role, in time order', () => {
    const later = segment(7, '赵值班', at('2026-03-07', 8), at('2026-03-08', 8));
    const earlier = segment(7, '赵值班', at('2026-03-05', 8), at('2026-03-06', 8));
    const covered = segment(7, '赵值班', at('2026-03-06', 8), at('2026-03-07', 8), { source: 'override' });
    const someoneElse = segment(8, '钱值班', at('2026-03-06', 8), at('2026-03-07', 8));
    expect(shiftsOf(7, OFFICER, [later, covered, someoneElse, earlier])).toEqual([
      { start: earlier.start, end: earlier.end },
      { start: later.start, end: later.end },
    ]);
    expect(shiftsOf(7, LEADER, [later, earlier])).toEqual([]);
  });
});
