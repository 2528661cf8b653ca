/**
 * How the warning screens say time and level: hour-based countdowns (a red warning's feedback is due 24 hours
 * after issue, so "days left" alone would hide the hours that matter), and the colour of each level.
 *
 * @example
 * countdownText(dueAt, now)   // '剩2天5小时' or '已超期3小时20分'
 */
import type { WarningLevel } from '../../../../shared/enums';
import { countdownText as scaledText, countdownTone as scaledTone, formatSpan, type CountdownTone } from '../time/countdown';

/** A warning's countdown (hours scale); see components/time/countdown.ts. */
export function countdownText(dueAt: number, now: number): string {
  return scaledText(dueAt, now, 'hours');
}

export function countdownTone(dueAt: number, now: number): CountdownTone {
  return scaledTone(dueAt, now, 'hours');
}

export { formatSpan };

/** Mantine colours of the three levels; yellow needs dark text to be readable. */
export const LEVEL_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'red.7', yellow: 'yellow.5', blue: 'blue.7' };
export const LEVEL_TEXT_COLOR: Readonly<Record<WarningLevel, string>> = { red: 'white', yellow: 'dark.8', blue: 'white' };
