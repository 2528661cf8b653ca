/**
 * The holiday calendar as the page draws it: month grids (Monday first), what each date is, and the year's
 * days off and make-up days grouped by holiday name.
 *
 * @example
 * monthWeeks(2026, 10)[0]                   // [null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']
 * dayState('2026-10-01', byDate)            // 'off'
 * holidayGroups(days)[0]                    // { name: '元旦', off: [['2026-01-01', '2026-01-03']], work: ['2026-01-04'] }
 */
import type { CalendarDay } from '../../../../shared/api';
import { addDays, daysBetween, weekdayOf } from '../../../../shared/time';

export type DayState = 'off' | 'work' | 'weekend' | 'normal';

const pad = (n: number) => String(n).padStart(2, '0');

/** The weeks of a month, Monday first; days of the neighbouring months are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekdayOf(first) + 6) % 7;
  const length = daysBetween(first, month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`);
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => addDays(first, i))];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function isWeekend(date: string): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

export function dayState(date: string, byDate: ReadonlyMap<string, CalendarDay>): DayState {
  const entry = byDate.get(date);
  if (entry) return entry.isOffDay ? 'off' : 'work';
  return isWeekend(date) ? 'weekend' : 'normal';
}

export interface HolidayGroup {
  readonly name: string;
  /** Runs of consecutive days off, as [first, last]. */
  readonly off: readonly (readonly [string, string])[];
  readonly work: readonly string[];
}

/** The year's entries grouped by name, in the order each name first appears. */
export function holidayGroups(days: readonly CalendarDay[]): HolidayGroup[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const groups = new Map<string, { off: [string, string][]; work: string[] }>();
  for (const day of sorted) {
    let group = groups.get(day.name);
    if (!group) {
      group = { off: [], work: [] };
      groups.set(day.name, group);
    }
    if (!day.isOffDay) {
      group.work.push(day.date);
      continue;
    }
    const last = group.off[group.off.length - 1];
    if (last && addDays(last[1], 1) === day.date) last[1] = day.date;
    else group.off.push([day.date, day.date]);
  }
  return [...groups].map(([name, g]) => ({ name, off: g.off, work: g.work }));
}

/** The years to offer: every year in the store, plus this year and next year even when missing. */
export function yearsToOffer(stored: readonly number[], currentYear: number): number[] {
  return [...new Set([...stored, currentYear, currentYear + 1])].sort((a, b) => a - b);
}
