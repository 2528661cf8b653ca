/**
 * How the report screens word times: a duration as people say it (1小时30分), a time limit as a rule
 * (发现后1小时内), and the lateness of a report before it is saved, worked out the way the core judges it
 * (main/core/reports/time-limits.ts), so the form shows the same verdict the core will record.
 *
 * @example
 * durationLabel(90 * 60_000)                       // '1小时30分'
 * judgeReport(found, reported, 'major', settings, tz) // { limitAt, lateMs: 1_800_000, elapsedMs: 5_400_000 }
 */
import type { ReportLimit, ReportSettings } from '../../../../shared/api';
import type { ReportSeverity } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { endOfLocalDay, formatDateTime, localDateOf } from '../../../../shared/time';

const MINUTE_MS = 60_000;

/** Rounded down to the minute: a report 30分59秒 late is "30分钟" late, never more than it was. */
export function durationLabel(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes === 0) return t('reports.duration.lessThanMinute');
  if (minutes < 60) return t('reports.duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? t('reports.duration.hoursExact', { h: hours }) : t('reports.duration.hours', { h: hours, m: minutes % 60 });
  return t('reports.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** '发现后1小时内' or '发现当日24时前'. */
export function limitRuleLabel(limit: ReportLimit): string {
  return limit.kind === 'minutes' ? t('reports.limit.minutes', { duration: durationLabel(limit.minutes * MINUTE_MS) }) : t('reports.limit.sameDay');
}

export function limitAfter(foundAt: number, limit: ReportLimit, timeZone: string): number {
  return limit.kind === 'minutes' ? foundAt + limit.minutes * MINUTE_MS : endOfLocalDay(localDateOf(foundAt, timeZone), timeZone);
}

export interface Judgement {
  readonly limitAt: number;
  /** 0 within the limit; otherwise how far past it (迟报). */
  readonly lateMs: number;
  readonly elapsedMs: number;
}

export function judgeReport(foundAt: number, reportedAt: number, severity: ReportSeverity, settings: ReportSettings, timeZone: string): Judgement {
  const limitAt = limitAfter(foundAt, settings.limits[severity], timeZone);
  return { limitAt, lateMs: Math.max(0, reportedAt - limitAt), elapsedMs: reportedAt - foundAt };
}

/** 24:00 reads better than the next day's 00:00 for a same-day limit. */
export function limitAtLabel(limitAt: number, timeZone: string): string {
  const text = formatDateTime(limitAt, timeZone);
  if (!text.endsWith(' 00:00')) return text;
  return `${formatDateTime(limitAt - 1, timeZone).slice(0, 10)} 24:00`;
}

/** The drift the core allows between the PC clock and a time typed as "now" (main/core/reports/intake.ts). */
export const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;
