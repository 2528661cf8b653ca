/**
 * How the duty screens write dates, times and gaps: the way the office says them (3月5日 08:00, 次日08:00,
 * 24:00 for the end of a day), always in the office's time zone.
 *
 * @example
 * dateTimeLabel(instantOf('2026-03-05', tz, 8), tz)      // '3月5日 08:00'
 * endLabel(instantOf('2026-03-06', tz), tz)               // '3月5日 24:00'
 * rangeLabel(start, end, '2026-03-05', tz)                // '08:00–次日08:00'
 */
import type { DutyRole } from '../../../../shared/api';
import { t, type MessageKey } from '../../../../shared/i18n';
import { addDays, localDateOf, localParts, weekdayOf } from '../../../../shared/time';

const pad = (n: number) => String(n).padStart(2, '0');

const WEEKDAYS: readonly MessageKey[] = [
  'duty.weekday.sun',
  'duty.weekday.mon',
  'duty.weekday.tue',
  'duty.weekday.wed',
  'duty.weekday.thu',
  'duty.weekday.fri',
  'duty.weekday.sat',
];

/** 0 = Sunday … 6 = Saturday, as in shared/time. */
export function weekdayLabel(weekday: number): string {
  return t(WEEKDAYS[weekday] ?? 'duty.weekday.sun');
}

export function weekdayOfDateLabel(date: string): string {
  return weekdayLabel(weekdayOf(date));
}

export function monthDayLabel(date: string): string {
  const [, m, d] = date.split('-');
  return t('duty.format.monthDay', { month: Number(m), day: Number(d) });
}

export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return t('duty.format.month', { year: Number(y), month: Number(m) });
}

export function hourLabel(hour: number): string {
  return `${pad(hour)}:00`;
}

export function timeLabel(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function dateTimeLabel(ms: number, tz: string): string {
  return `${monthDayLabel(localDateOf(ms, tz))} ${timeLabel(ms, tz)}`;
}

function isMidnight(ms: number, tz: string): boolean {
  const p = localParts(ms, tz);
  return p.hour === 0 && p.minute === 0;
}

/** An end instant: midnight reads as 24:00 of the day before. */
export function endLabel(ms: number, tz: string): string {
  return isMidnight(ms, tz) ? `${monthDayLabel(localDateOf(ms - 1, tz))} 24:00` : dateTimeLabel(ms, tz);
}

/** A time range seen from one day: times on that day are bare, the next day is 次日, others carry the date. */
export function rangeLabel(start: number, end: number, date: string, tz: string): string {
  const startText = localDateOf(start, tz) === date ? timeLabel(start, tz) : dateTimeLabel(start, tz);
  let endText: string;
  if (isMidnight(end, tz) && localDateOf(end - 1, tz) === date) endText = '24:00';
  else if (localDateOf(end, tz) === date) endText = timeLabel(end, tz);
  else if (localDateOf(end, tz) === addDays(date, 1)) endText = t('duty.format.nextDay', { time: timeLabel(end, tz) });
  else endText = endLabel(end, tz);
  return `${startText}–${endText}`;
}

/** Value for an <input type="datetime-local">, in the office's zone. */
export function toLocalInput(ms: number, tz: string): string {
  return `${localDateOf(ms, tz)}T${timeLabel(ms, tz)}`;
}

/** "无值班员", "无带班领导", or "无周二巡查" for a custom role. */
export function gapLabel(role: Pick<DutyRole, 'key' | 'name'> | undefined): string {
  if (role?.key === 'leader') return t('duty.gap.noLeader');
  if (role?.key === 'officer') return t('duty.gap.noOfficer');
  return t('duty.gap.noRole', { role: role?.name ?? '' });
}

export type DutySource = 'rotation' | 'override' | 'swap' | 'extra';

const SOURCE_TAGS: Record<Exclude<DutySource, 'rotation'>, { key: MessageKey; color: string }> = {
  override: { key: 'duty.source.overrideTag', color: 'orange' },
  swap: { key: 'duty.source.swapTag', color: 'violet' },
  extra: { key: 'duty.source.extraTag', color: 'teal' },
};

/** The one-character mark for a changed slot (替 / 换 / 加) and its colour; null for a plain rotation shift. */
export function sourceTag(source: DutySource): { label: string; color: string } | null {
  if (source === 'rotation') return null;
  const tag = SOURCE_TAGS[source];
  return { label: t(tag.key), color: tag.color };
}
