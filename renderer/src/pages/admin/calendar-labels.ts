/** How the holiday calendar names weekdays, dates and a day's state, from the catalog. */
import { t, type MessageKey } from '../../../../shared/i18n';
import { weekdayOf } from '../../../../shared/time';
import type { DayState } from './calendar-model';

/** Monday first, as Chinese wall calendars are. */
export const WEEKDAY_KEYS: readonly MessageKey[] = [
  'admin.calendar.weekdays.mon',
  'admin.calendar.weekdays.tue',
  'admin.calendar.weekdays.wed',
  'admin.calendar.weekdays.thu',
  'admin.calendar.weekdays.fri',
  'admin.calendar.weekdays.sat',
  'admin.calendar.weekdays.sun',
];

export function weekdayName(date: string): string {
  return t(WEEKDAY_KEYS[(weekdayOf(date) + 6) % 7] ?? 'admin.calendar.weekdays.sun');
}

export function stateLabel(state: DayState, name: string): string {
  if (state === 'off') return t('admin.calendar.stateOff', { name });
  if (state === 'work') return t('admin.calendar.stateWork', { name });
  if (state === 'weekend') return t('admin.calendar.stateWeekend');
  return t('admin.calendar.stateNormal');
}

export function monthDay(date: string): string {
  return t('admin.calendar.monthDay', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
}
