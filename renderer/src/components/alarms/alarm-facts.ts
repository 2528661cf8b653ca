/**
 * Small pure facts about an alarm row, shared by the banner and the board.
 *
 * @example
 * const waiting = rows.filter((a) => needsAttention(a, now)).sort(byUrgency);
 * <AnchorLink {...subjectLink(alarm)}>{alarm.subjectNumber}</AnchorLink>
 */
import { linkOptions } from '@tanstack/react-router';
import type { Alarm } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';

/** The core marks an alarm late when it fired more than a minute after its time (engine LATE_GRACE_MS). */
export const LATE_GRACE_MS = 60_000;

export function isLate(a: Alarm): boolean {
  return a.lateMs > LATE_GRACE_MS;
}

export function isEscalated(a: Alarm): boolean {
  return a.level >= 1;
}

/** A snoozed alarm whose snooze has run out is waiting again, even before the core's next step marks it fired. */
export function snoozeOver(a: Alarm, now: number): boolean {
  return a.status === 'snoozed' && a.snoozedUntil !== null && a.snoozedUntil <= now;
}

/** Fired, or snoozed and due again: someone has to act on it now. */
export function needsAttention(a: Alarm, now: number): boolean {
  return a.status === 'fired' || snoozeOver(a, now);
}

export function isOpen(a: Alarm): boolean {
  return a.status === 'fired' || a.status === 'snoozed';
}

/** Most urgent first: escalated before not, the earliest deadline, due alarms before pre-alarms, oldest first. */
export function byUrgency(a: Alarm, b: Alarm): number {
  return b.level - a.level || a.dueAt - b.dueAt || (a.kind === b.kind ? 0 : a.kind === 'due' ? -1 : 1) || (a.firedAt ?? a.fireAt) - (b.firedAt ?? b.fireAt);
}

export function alarmKindLabel(a: Alarm): string {
  if (a.kind === 'due') return t('alarms.kind.due');
  return a.daysBefore === 0 ? t('alarms.kind.preLastDay') : t('alarms.kind.pre', { days: a.daysBefore });
}

export function statusLabel(a: Alarm, now: number): string {
  return snoozeOver(a, now) ? t('alarms.status.snoozeOver') : t(`alarms.status.${a.status}`);
}

export function statusColor(a: Alarm, now: number): string {
  if (needsAttention(a, now)) return 'red';
  if (a.status === 'snoozed') return 'orange';
  if (a.status === 'acknowledged') return 'green';
  return 'gray';
}

/** "9小时5分" for a late alarm's delay; minutes under an hour, days beyond one. */
export function durationLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('alarms.marker.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? t('alarms.marker.hoursExact', { h: hours }) : t('alarms.marker.hours', { h: hours, m: minutes % 60 });
  return t('alarms.marker.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** Where the alarm's case lives: the petition or warning page, or the zero-report grid. */
export function subjectLink(a: Pick<Alarm, 'subjectType' | 'subjectId'>) {
  switch (a.subjectType) {
    case 'warning':
      return linkOptions({ to: '/warnings/$id', params: { id: a.subjectId } });
    case 'zero_report':
      return linkOptions({ to: '/zero-reports' });
    case 'ledger_import':
      return linkOptions({ to: '/petitions/import' });
    default:
      return linkOptions({ to: '/petitions/$id', params: { id: a.subjectId } });
  }
}
