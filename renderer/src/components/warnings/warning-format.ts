/**
 * How the warning screens say time and level: hour-based countdowns (a red warning's feedback is due 24 hours
 * after issue, so "days left" alone would hide the hours that matter), and the colour of each level.
 *
 * @example
 * countdownText(dueAt, now)   // '剩2天5小时' or '已超期3小时20分'
 */
import type { WarningLevel } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

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

export function countdownText(dueAt: number, now: number): string {
  return dueAt > now ? t('warnings.countdown.left', { time: formatSpan(dueAt - now, true) }) : t('warnings.countdown.overdue', { time: formatSpan(now - dueAt) });
}

export type CountdownTone = 'red' | 'orange' | 'green';

/** Red once overdue, amber in the last 12 hours, green before. */
export function countdownTone(dueAt: number, now: number): CountdownTone {
  if (dueAt <= now) return 'red';
  if (dueAt - now <= 12 * HOUR_MS) return 'orange';
  return 'green';
}

/** Mantine colours of the three levels; yellow needs dark text to be readable. */
export const LEVEL_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'red.7', yellow: 'yellow.5', blue: 'blue.7' };
export const LEVEL_TEXT_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'white', yellow: 'dark.8', blue: 'white' };
