/**
 * Pre-alarm days as a person types them ("3、1、0") and as the core stores them ([3, 1, 0]).
 *
 * @example
 * parsePrealarmDays('3，1 0')  // [3, 1, 0]
 * parsePrealarmDays('45')      // null: out of range
 * formatPrealarmDays([0, 3])   // '3、0'
 */

/** The core's limits (main/core/alarms saveAlarmSettings and the API schema). */
export const MAX_PREALARM_DAY = 30;
export const MAX_PREALARMS = 5;

export function parsePrealarmDays(text: string): number[] | null {
  const parts = text.split(/[、,，;；\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > MAX_PREALARMS || days.some((d) => d > MAX_PREALARM_DAY)) return null;
  return days;
}

export function formatPrealarmDays(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join('、');
}
