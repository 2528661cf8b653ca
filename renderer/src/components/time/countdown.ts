/**
 * The one countdown: the words and colour of the time left to a deadline (or how far past it), on the scale
 * the deadline runs on. Days for statutory periods (剩3天, 今日24时到期, 已超期2天); hours and minutes for a
 * warning's feedback (剩2天5小时, 已超期3小时20分); hours for a handover (剩5小时12分). Colours follow
 * display-thresholds.ts.
 *
 * @example
 * countdown(dueAt, now, 'days')   // { text: '剩3天', tone: 'orange' }
 */
import { t } from '../../../../shared/i18n';
import { COUNTDOWN_THRESHOLDS, type CountdownScale } from './display-thresholds';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type CountdownTone = 'green' | 'orange' | 'red';

export function countdownTone(dueAt: number, now: number, scale: CountdownScale): CountdownTone {
  const left = dueAt - now;
  const th = COUNTDOWN_THRESHOLDS[scale];
  if (left <= 0 || left <= th.redWithin) return 'red';
  if (left <= th.amberWithin) return 'orange';
  return 'green';
}

/**
 * A span as its two largest parts: 2天5小时, 3小时20分, 12分钟 (at least 1 minute). Time left is rounded up
 * to the minute, so a deadline 72 hours away reads 3天 for the whole first minute; time overdue rounds down.
 */
export function formatSpan(ms: number, roundUp = false): string {
  const whole = roundUp ? Math.ceil(ms / MINUTE_MS) * MINUTE_MS : ms;
  const span = Math.max(whole, MINUTE_MS);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.floor((span % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((span % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? t('warnings.countdown.daysHours', { days, hours }) : t('warnings.countdown.days', { days });
  if (hours > 0) return minutes > 0 ? t('warnings.countdown.hoursMinutes', { hours, minutes }) : t('warnings.countdown.hours', { hours });
  return t('warnings.countdown.minutes', { minutes });
}

function inDays(diff: number): string {
  if (diff <= 0) {
    const late = -diff;
    return late < DAY_MS ? t('common.countdown.overdueHours', { hours: Math.max(1, Math.floor(late / HOUR_MS)) }) : t('common.countdown.overdue', { days: Math.floor(late / DAY_MS) });
  }
  if (diff <= DAY_MS) return t('common.countdown.dueToday');
  return t('common.countdown.daysLeft', { days: Math.ceil(diff / DAY_MS) });
}

function inHours(diff: number): string {
  return diff > 0 ? t('warnings.countdown.left', { time: formatSpan(diff, true) }) : t('warnings.countdown.overdue', { time: formatSpan(-diff) });
}

function inShiftHours(diff: number): string {
  const minutes = Math.floor(Math.abs(diff) / MINUTE_MS);
  const params = { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return diff <= 0 ? t('duty.handover.overdueBy', params) : t('duty.handover.leftFor', params);
}

const WORDS: Readonly<Record<CountdownScale, (diff: number) => string>> = { days: inDays, hours: inHours, shift: inShiftHours };

export function countdownText(dueAt: number, now: number, scale: CountdownScale): string {
  return WORDS[scale](dueAt - now);
}

export function countdown(dueAt: number, now: number, scale: CountdownScale): { text: string; tone: CountdownTone } {
  return { text: countdownText(dueAt, now, scale), tone: countdownTone(dueAt, now, scale) };
}
