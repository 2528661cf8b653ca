/**
 * How the warning screens say time and level: hour-based countdowns (a red warning's feedback is due 24 hours
 * after issue, so "days left" alone would hide the hours that matter), and the colour of each level.
 *
 * @example
 * countdownText(dueAt, now)   // '剩2天5小时' or '已超期3小时20分'
 */
import type { WarningLevel } from '../../../../shared/enums';
import { DEFAULT_TIME_ZONE } from '../../../../shared/time';
import { formatSpan, timeLeftText, timeLeftTone, type TimeLeftTone } from '../../../../shared/time-left';

// The hours scale counts from the instant itself, so the office's zone does not change its words.
/** A warning's countdown (hours scale); see shared/time-left.ts. */
export function countdownText(dueAt: number, now: number): string {
  return timeLeftText(dueAt, now, DEFAULT_TIME_ZONE, 'hours');
}

export function countdownTone(dueAt: number, now: number): TimeLeftTone {
  return timeLeftTone(dueAt, now, DEFAULT_TIME_ZONE, 'hours');
}

export { formatSpan };

/** Mantine colours of the three levels; yellow needs dark text to be readable. */
export const LEVEL_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'red.7', yellow: 'yellow.5', blue: 'blue.7' };
export const LEVEL_TEXT_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'white', yellow: 'dark.8', blue: 'white' };
