/**
 * The first few shifts a rotation being edited would produce, so the planner sees the order before saving.
 * Mirrors the core's rule (main/core/duty/schedule.ts): shift k of the rotation goes to member
 * ⌊k / shiftsPerPerson⌋ mod n, counting days (or half-days, or weeks) from the start date.
 *
 * @example
 * previewShifts({ pattern: 'daily', startDate: '2026-03-01', members: [1, 2], shiftsPerPerson: 1, weekday: 1 }, '2026-03-01', 3)
 * // [{ date: '2026-03-01', night: false, userId: 1 }, { date: '2026-03-02', …, userId: 2 }, { date: '2026-03-03', …, userId: 1 }]
 */
import type { Rotation } from '../../../../shared/api';
import { addDays, daysBetween, isIsoDate, weekdayOf } from '../../../../shared/time';

export interface PreviewShift {
  readonly date: string;
  readonly night: boolean;
  readonly userId: number;
}

type PreviewInput = Pick<Rotation, 'pattern' | 'startDate' | 'members' | 'shiftsPerPerson' | 'weekday'> & { readonly endDate?: string | null };

export function previewShifts(rot: PreviewInput, fromDate: string, count: number): PreviewShift[] {
  if (!isIsoDate(rot.startDate) || rot.members.length === 0) return [];
  const per = Math.max(1, rot.shiftsPerPerson);
  const member = (index: number) => rot.members[Math.floor(index / per) % rot.members.length] ?? 0;
  const out: PreviewShift[] = [];
  let date = fromDate > rot.startDate ? fromDate : rot.startDate;
  for (let guard = 0; out.length < count && guard < 400; guard++, date = addDays(date, 1)) {
    if (rot.endDate && date > rot.endDate) break;
    const k = daysBetween(rot.startDate, date);
    if (rot.pattern === 'daily') out.push({ date, night: false, userId: member(k) });
    else if (rot.pattern === 'day_night') out.push({ date, night: false, userId: member(2 * k) }, { date, night: true, userId: member(2 * k + 1) });
    else if (weekdayOf(date) === rot.weekday) out.push({ date, night: false, userId: member(Math.floor(k / 7)) });
  }
  return out.slice(0, count);
}
