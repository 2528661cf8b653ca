/**
 * The one model of "time left" to a deadline, used by every screen and by the core: lists, detail pages,
 * badges, the alarm banner and board, the dashboard, the handover sheet and the warning board all say the
 * same words for the same instant, and the dashboard's "3日内到期" counts exactly the deadlines shown amber.
 *
 * Two scales, chosen by the deadline's kind:
 * - days: statutory periods counted the way the law counts them (民法典 Arts. 201–203). Today is not a day
 *   left and the last day ends at 24:00, so a period ending 21 Dec reads 剩3天 all through 18 Dec, the day
 *   its 3-day pre-alarm rings. On the last day it reads hours and minutes (今日24时到期，剩14小时59分).
 * - hours: instants set by hours after an event (a warning's feedback, supervision), read as their two
 *   largest parts (剩2天5小时, 剩5小时20分).
 * Time left is rounded up to the minute (a deadline is never shown as 0 before it has passed); time overdue is
 * rounded down to the minute, as days and hours (已超期5分钟, 已超期9小时, 已超期11天9小时), never less than a minute.
 *
 * @example
 * timeLeftText(endOfLocalDay('2026-12-21', tz), instantOf('2026-12-18', tz, 9, 1), tz, 'days') // '剩3天'
 * isDueSoon(endOfLocalDay('2026-12-21', tz), instantOf('2026-12-18', tz, 9, 1), tz)           // true
 */
import { t } from './i18n';
import type { DeadlineKind } from './enums';
import { addDays, daysBetween, endOfLocalDay, localDateOf } from './time';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type TimeLeftScale = 'days' | 'hours';
export type TimeLeftTone = 'green' | 'orange' | 'red';

/**
 * "3日内到期": a deadline whose last day is today or one of the next three days. The default pre-alarms ring
 * on each of those days (3, 1 and 0 days before), so the pre-alarm "3天" and the dashboard count one set.
 */
export const DUE_SOON_DAYS = 3;
/** On the hours scale a countdown turns amber in the last twelve hours. */
export const HOURS_AMBER_WITHIN_MS = 12 * HOUR_MS;

/** Deadlines set by hours after an event; every other kind is a period of days ending at 24:00. */
const HOUR_KINDS: ReadonlySet<DeadlineKind> = new Set<DeadlineKind>(['warning_feedback', 'supervision']);

export function scaleOfKind(kind: DeadlineKind): TimeLeftScale {
  return HOUR_KINDS.has(kind) ? 'hours' : 'days';
}

export interface TimeLeft {
  /** left: more than the last day remains; last_day: it runs out at the end of today; overdue: it has run out. */
  readonly state: 'left' | 'last_day' | 'overdue';
  /** Whole days: left (today not counted) on the days scale, or the days part of the span otherwise. */
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

function split(ms: number, state: TimeLeft['state']): TimeLeft {
  const span = Math.max(ms, MINUTE_MS);
  return { state, days: Math.floor(span / DAY_MS), hours: Math.floor((span % DAY_MS) / HOUR_MS), minutes: Math.floor((span % HOUR_MS) / MINUTE_MS) };
}

export function timeLeft(dueAt: number, now: number, timeZone: string, scale: TimeLeftScale): TimeLeft {
  if (now >= dueAt) return split(Math.floor((now - dueAt) / MINUTE_MS) * MINUTE_MS, 'overdue');
  const ahead = Math.ceil((dueAt - now) / MINUTE_MS) * MINUTE_MS;
  if (scale === 'hours') return split(ahead, 'left');
  const days = daysBetween(localDateOf(now, timeZone), localDateOf(dueAt - 1, timeZone));
  if (days >= 1) return { state: 'left', days, hours: 0, minutes: 0 };
  // The whole of the last day reads in hours (剩24小时 at its first minute), never as a day.
  const last = split(ahead, 'last_day');
  return { ...last, days: 0, hours: last.hours + last.days * 24 };
}

/** A span as its two largest parts: 2天5小时, 3小时20分, 12分钟. */
function spanText(p: TimeLeft): string {
  if (p.days > 0) return p.hours > 0 ? t('warnings.countdown.daysHours', { days: p.days, hours: p.hours }) : t('warnings.countdown.days', { days: p.days });
  if (p.hours > 0) return p.minutes > 0 ? t('warnings.countdown.hoursMinutes', { hours: p.hours, minutes: p.minutes }) : t('warnings.countdown.hours', { hours: p.hours });
  return t('warnings.countdown.minutes', { minutes: p.minutes });
}

export function timeLeftText(dueAt: number, now: number, timeZone: string, scale: TimeLeftScale): string {
  const p = timeLeft(dueAt, now, timeZone, scale);
  if (p.state === 'overdue') return t('warnings.countdown.overdue', { time: spanText(p) });
  if (p.state === 'last_day') return t('common.countdown.lastDay', { time: spanText(p) });
  if (scale === 'days') return t('common.countdown.daysLeft', { days: p.days });
  return t('warnings.countdown.left', { time: spanText(p) });
}

/** The instant up to which a deadline counts as "3日内到期": the end of the third day after today. */
export function dueSoonUntil(now: number, timeZone: string): number {
  return endOfLocalDay(addDays(localDateOf(now, timeZone), DUE_SOON_DAYS), timeZone);
}

/** Not yet run out, and its last day is within DUE_SOON_DAYS of today (days scale). */
export function isDueSoon(dueAt: number, now: number, timeZone: string): boolean {
  return dueAt > now && dueAt <= dueSoonUntil(now, timeZone);
}

export function timeLeftTone(dueAt: number, now: number, timeZone: string, scale: TimeLeftScale): TimeLeftTone {
  if (now >= dueAt) return 'red';
  const soon = scale === 'days' ? isDueSoon(dueAt, now, timeZone) : dueAt - now <= HOURS_AMBER_WITHIN_MS;
  return soon ? 'orange' : 'green';
}

export function describeTimeLeft(dueAt: number, now: number, timeZone: string, scale: TimeLeftScale): { text: string; tone: TimeLeftTone } {
  return { text: timeLeftText(dueAt, now, timeZone, scale), tone: timeLeftTone(dueAt, now, timeZone, scale) };
}

/** A span of time (not a deadline) in its two largest parts, for texts such as "已迟报3小时20分". */
export function formatSpan(ms: number, roundUp = false): string {
  const whole = roundUp ? Math.ceil(ms / MINUTE_MS) * MINUTE_MS : ms;
  return spanText(split(whole, 'left'));
}
