/**
 * How long a unit has from finding an event to reporting it (configurable): 重大 1 hour, 重要 2 hours,
 * 一般 the same day (by 24:00 of the day it was found, office time). Holidays and weekends change nothing:
 * an incident does not wait for a working day, and neither does its report.
 *
 * @example
 * const limitAt = reportLimitAt(at('2026-11-02 23:30'), 'general', DEFAULT_REPORT_SETTINGS, 'Asia/Shanghai'); // 11-03 00:00
 * reportLateness(at('2026-11-02 23:30'), at('2026-11-03 00:10'), 'general', DEFAULT_REPORT_SETTINGS, tz).lateMs // 600000
 */
import type { ReportLimit, ReportSettings } from '../../../shared/api';
import type { ReportSeverity } from '../../../shared/enums';
import { endOfLocalDay, localDateOf } from '../../../shared/time';

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  limits: {
    major: { kind: 'minutes', minutes: 60 },
    important: { kind: 'minutes', minutes: 120 },
    general: { kind: 'same_day' },
  },
};

/** A configured limit stays between one minute and one day. */
export const MAX_LIMIT_MINUTES = 24 * 60;

export function limitAfter(foundAt: number, limit: ReportLimit, timeZone: string): number {
  return limit.kind === 'minutes' ? foundAt + limit.minutes * 60_000 : endOfLocalDay(localDateOf(foundAt, timeZone), timeZone);
}

export function reportLimitAt(foundAt: number, severity: ReportSeverity, settings: ReportSettings, timeZone: string): number {
  return limitAfter(foundAt, settings.limits[severity], timeZone);
}

export interface Lateness {
  readonly limitAt: number;
  /** 0 when the report came in time; otherwise how long after the limit (迟报). */
  readonly lateMs: number;
}

export function reportLateness(foundAt: number, reportedAt: number, severity: ReportSeverity, settings: ReportSettings, timeZone: string): Lateness {
  const limitAt = reportLimitAt(foundAt, severity, settings, timeZone);
  return { limitAt, lateMs: Math.max(0, reportedAt - limitAt) };
}
