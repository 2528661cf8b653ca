/**
 * Who is on duty, worked out the way on-call schedules do it: rotations are layers that repeat over a list
 * of people; overrides and swaps replace a person for a time range without editing the rotation; extra
 * shifts add a person; rotations marked "sensitive only" count only inside sensitive periods.
 *
 * Pure: give it the definitions and a time range, it returns shift segments.
 *
 * @example
 * const segs = computeSchedule({ rotations, overrides, sensitive, timeZone: 'Asia/Shanghai' }, from, to);
 * onDutyAt(segs, officerRoleId, now) // [{ userId: 4, … }]
 */
import { addDays, daysBetween, instantOf, localDateOf, weekdayOf } from '../../../shared/time';
import type { OverrideKind, ShiftPattern } from '../../../shared/enums';

export type { OverrideKind, ShiftPattern };

export interface RotationDef {
  readonly id: number;
  readonly name: string;
  readonly roleId: number;
  readonly pattern: ShiftPattern;
  /** Hour the (day) shift starts and the previous one ends, local time. */
  readonly handoffHour: number;
  /** day_night only: the hour the night shift starts. */
  readonly nightHour: number;
  /** weekly only: 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** How many consecutive shifts one person covers before the next takes over. */
  readonly shiftsPerPerson: number;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly sensitiveOnly: boolean;
  readonly members: readonly number[];
}

export interface OverrideDef {
  readonly id: number;
  readonly kind: OverrideKind;
  readonly roleId: number;
  readonly userId: number;
  /** Whom it replaces; null replaces whoever the rotations put in the role. Ignored for 'extra'. */
  readonly replacedUserId: number | null;
  readonly startAt: number;
  readonly endAt: number;
}

export interface SensitiveRange {
  readonly startDate: string;
  readonly endDate: string;
}

export interface ScheduleInput {
  readonly rotations: readonly RotationDef[];
  readonly overrides: readonly OverrideDef[];
  readonly sensitive: readonly SensitiveRange[];
  readonly timeZone: string;
}

export interface Segment {
  readonly roleId: number;
  readonly userId: number;
  readonly start: number;
  readonly end: number;
  readonly rotationId: number | null;
  readonly source: 'rotation' | OverrideKind;
  readonly overrideId: number | null;
}

function inSensitive(date: string, ranges: readonly SensitiveRange[]): boolean {
  return ranges.some((r) => r.startDate <= date && date <= r.endDate);
}

/** The rotation's own shifts that overlap [from, to), before any override. */
export function rotationShifts(rot: RotationDef, from: number, to: number, input: Pick<ScheduleInput, 'sensitive' | 'timeZone'>): Segment[] {
  const out: Segment[] = [];
  if (rot.members.length === 0 || to <= from) return out;
  const tz = input.timeZone;
  const perPerson = Math.max(1, rot.shiftsPerPerson);
  const member = (index: number) => rot.members[Math.floor(index / perPerson) % rot.members.length] ?? 0;
  // Start one day early: a shift that began yesterday may still be running at `from`.
  const firstDate = addDays(localDateOf(from, tz), -1);
  const lastDate = localDateOf(to, tz);
  for (let date = firstDate < rot.startDate ? rot.startDate : firstDate; date <= lastDate; date = addDays(date, 1)) {
    if (rot.endDate !== null && date > rot.endDate) break;
    if (rot.sensitiveOnly && !inSensitive(date, input.sensitive)) continue;
    const k = daysBetween(rot.startDate, date);
    const dayStart = instantOf(date, tz, rot.handoffHour);
    const nextDayStart = instantOf(addDays(date, 1), tz, rot.handoffHour);
    const shifts: { start: number; end: number; index: number }[] = [];
    if (rot.pattern === 'daily') {
      shifts.push({ start: dayStart, end: nextDayStart, index: k });
    } else if (rot.pattern === 'day_night') {
      const night = instantOf(date, tz, rot.nightHour);
      shifts.push({ start: dayStart, end: night, index: 2 * k }, { start: night, end: nextDayStart, index: 2 * k + 1 });
    } else {
      if (weekdayOf(date) !== rot.weekday) continue;
      shifts.push({ start: dayStart, end: nextDayStart, index: Math.floor(k / 7) });
    }
    for (const s of shifts) {
      if (s.end <= from || s.start >= to) continue;
      out.push({ roleId: rot.roleId, userId: member(s.index), start: s.start, end: s.end, rotationId: rot.id, source: 'rotation', overrideId: null });
    }
  }
  return out;
}

function applyReplacement(segments: Segment[], o: OverrideDef): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const hits = seg.roleId === o.roleId && (o.replacedUserId === null || seg.userId === o.replacedUserId) && seg.start < o.endAt && o.startAt < seg.end;
    if (!hits) {
      out.push(seg);
      continue;
    }
    if (seg.start < o.startAt) out.push({ ...seg, end: o.startAt });
    out.push({ ...seg, start: Math.max(seg.start, o.startAt), end: Math.min(seg.end, o.endAt), userId: o.userId, source: o.kind, overrideId: o.id });
    if (o.endAt < seg.end) out.push({ ...seg, start: o.endAt });
  }
  return out;
}

/** Every segment of duty in [from, to), overrides applied in the order given (later ones win). */
export function computeSchedule(input: ScheduleInput, from: number, to: number): Segment[] {
  let segments = input.rotations.flatMap((r) => rotationShifts(r, from, to, input));
  for (const o of input.overrides) {
    if (o.endAt <= from || o.startAt >= to) continue;
    if (o.kind === 'extra') {
      segments.push({ roleId: o.roleId, userId: o.userId, start: Math.max(o.startAt, from), end: Math.min(o.endAt, to), rotationId: null, source: 'extra', overrideId: o.id });
    } else {
      segments = applyReplacement(segments, o);
    }
  }
  return segments
    .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.roleId - b.roleId || a.userId - b.userId);
}

export function onDutyAt(segments: readonly Segment[], roleId: number, at: number): Segment[] {
  return segments.filter((s) => s.roleId === roleId && s.start <= at && at < s.end);
}

export interface Gap {
  readonly roleId: number;
  readonly start: number;
  readonly end: number;
}

/** Time ranges in [from, to) when nobody holds the role. */
export function findGaps(segments: readonly Segment[], roleId: number, from: number, to: number): Gap[] {
  const covered = segments.filter((s) => s.roleId === roleId).sort((a, b) => a.start - b.start);
  const gaps: Gap[] = [];
  let cursor = from;
  for (const s of covered) {
    if (s.start > cursor) gaps.push({ roleId, start: cursor, end: Math.min(s.start, to) });
    cursor = Math.max(cursor, s.end);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ roleId, start: cursor, end: to });
  return gaps.filter((g) => g.end > g.start);
}
