/**
 * The month view's arithmetic, kept pure: which days the grid shows, which day each shift segment belongs
 * to (the day its shift starts, counted from the rotation's handoff hour, so 02:00 on the 6th still belongs
 * to the shift that started at 08:00 on the 5th), and the gaps cut to calendar days.
 *
 * @example
 * const grid = monthGrid('2026-03');            // { gridStart: '2026-02-23', rows: 6, days: [...42 dates] }
 * const plans = planDays(grid.days, schedule, rotations, 'Asia/Shanghai');
 * plans.get('2026-03-05')?.byRole.get(officerRoleId)  // segments of the shift starting that day
 */
import type { Rotation, Segment, SensitivePeriod } from '../../../../shared/api';
import { addDays, daysBetween, instantOf, localDateOf, weekdayOf } from '../../../../shared/time';

export interface Gap {
  readonly roleId: number;
  readonly start: number;
  readonly end: number;
}

export interface MonthGrid {
  readonly month: string;
  readonly first: string;
  readonly last: string;
  readonly gridStart: string;
  readonly rows: number;
  readonly days: readonly string[];
}

export function isMonth(text: string | null): text is string {
  return text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

export function shiftMonth(month: string, delta: number): string {
  const [y = 2000, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Monday-first weeks covering the month: four to six rows. */
export function monthGrid(month: string): MonthGrid {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const gridStart = addDays(first, -((weekdayOf(first) + 6) % 7));
  const rows = Math.ceil((daysBetween(gridStart, last) + 1) / 7);
  const days = Array.from({ length: rows * 7 }, (_, i) => addDays(gridStart, i));
  return { month, first, last, gridStart, rows, days };
}

/** The handoff hour a role's shifts usually start at (its first active rotation's), 08:00 when it has none. */
export function roleHandoffHour(roleId: number, rotations: readonly Rotation[]): number {
  return (rotations.find((r) => r.roleId === roleId && r.active) ?? rotations.find((r) => r.roleId === roleId))?.handoffHour ?? 8;
}

export function shiftDayOf(seg: Segment, rotations: readonly Rotation[], tz: string): string {
  const rot = seg.rotationId !== null ? rotations.find((r) => r.id === seg.rotationId) : undefined;
  const hour = rot?.handoffHour ?? roleHandoffHour(seg.roleId, rotations);
  return localDateOf(seg.start - hour * 3_600_000, tz);
}

export interface DayPlan {
  readonly date: string;
  /** Segments of the shifts starting this day, by duty role id, in time order. */
  readonly byRole: ReadonlyMap<number, readonly Segment[]>;
  /** Gaps cut to this calendar day (00:00–24:00). */
  readonly gaps: readonly Gap[];
  readonly sensitive: readonly SensitivePeriod[];
}

export function planDays(
  days: readonly string[],
  schedule: { readonly segments: readonly Segment[]; readonly gaps: readonly Gap[]; readonly sensitivePeriods: readonly SensitivePeriod[] },
  rotations: readonly Rotation[],
  tz: string,
): Map<string, DayPlan> {
  const byDay = new Map<string, Map<number, Segment[]>>();
  for (const seg of schedule.segments) {
    const day = shiftDayOf(seg, rotations, tz);
    let roles = byDay.get(day);
    if (!roles) byDay.set(day, (roles = new Map()));
    const list = roles.get(seg.roleId);
    if (list) list.push(seg);
    else roles.set(seg.roleId, [seg]);
  }
  const plans = new Map<string, DayPlan>();
  for (const date of days) {
    const from = instantOf(date, tz);
    const to = instantOf(addDays(date, 1), tz);
    plans.set(date, {
      date,
      byRole: byDay.get(date) ?? new Map(),
      gaps: clipGaps(schedule.gaps, from, to),
      sensitive: schedule.sensitivePeriods.filter((p) => !p.cancelled && p.startDate <= date && date <= p.endDate),
    });
  }
  return plans;
}

export function clipGaps(gaps: readonly Gap[], from: number, to: number): Gap[] {
  return gaps
    .filter((g) => g.end > from && g.start < to)
    .map((g) => ({ roleId: g.roleId, start: Math.max(g.start, from), end: Math.min(g.end, to) }))
    .sort((a, b) => a.start - b.start || a.roleId - b.roleId);
}

export interface Person {
  readonly userId: number;
  readonly userName: string;
  /** The mark the person gets: a replacement, swap or extra anywhere in their part of the shift wins. */
  readonly source: Segment['source'];
}

/** The people of one shift in order of appearance, each once. */
export function peopleOf(segments: readonly Segment[]): Person[] {
  const out: Person[] = [];
  for (const s of segments) {
    const i = out.findIndex((p) => p.userId === s.userId);
    const existing = out[i];
    if (!existing) out.push({ userId: s.userId, userName: s.userName, source: s.source });
    else if (existing.source === 'rotation' && s.source !== 'rotation') out[i] = { ...existing, source: s.source };
  }
  return out;
}

/** The time range of a role's shift starting on `date`: its segments' span, else the usual handoff window. */
export function shiftWindow(date: string, roleId: number, plan: DayPlan | undefined, rotations: readonly Rotation[], tz: string): { start: number; end: number } {
  const segs = (plan?.byRole.get(roleId) ?? []).filter((s) => s.source !== 'extra');
  if (segs.length > 0) return { start: Math.min(...segs.map((s) => s.start)), end: Math.max(...segs.map((s) => s.end)) };
  const hour = roleHandoffHour(roleId, rotations);
  return { start: instantOf(date, tz, hour), end: instantOf(addDays(date, 1), tz, hour) };
}

/** One person's own rotation shifts in a role, one entry per shift (for picking the other half of a swap). */
export function shiftsOf(userId: number, roleId: number, segments: readonly Segment[]): { start: number; end: number }[] {
  return segments
    .filter((s) => s.userId === userId && s.roleId === roleId && s.source === 'rotation')
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ start: s.start, end: s.end }));
}
