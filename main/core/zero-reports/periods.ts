/**
 * Zero-report periods (零报告): every unit reports every month, by 24:00 of the configured day of the next
 * month (default the 5th); inside a sensitive period (敏感期) every unit also reports every day, by the
 * configured hour the same day (default 24:00). Pure functions over dates in the office's time zone.
 *
 * @example
 * monthlyPeriod('2026-11', DEFAULT_ZERO_REPORT_SETTINGS, 'Asia/Shanghai').dueAt // 2026-12-05 24:00
 * periodsOfMonth('2026-10', [{ startDate: '2026-09-30', endDate: '2026-10-08', name: '国庆' }], settings, tz)
 * // ['2026-10' monthly, '2026-10-01' … '2026-10-08' daily]
 */
import type { ZeroReportSettings } from '../../../shared/api';
import type { ZeroReportPeriodKind } from '../../../shared/enums';
import { addDays, endOfLocalDay, instantOf, isIsoDate, localDateOf, startOfLocalDay } from '../../../shared/time';

export const DEFAULT_ZERO_REPORT_SETTINGS: ZeroReportSettings = { monthlyDueDay: 5, dailyDueHour: 24 };

export interface ZeroReportPeriod {
  readonly period: string;
  readonly kind: ZeroReportPeriodKind;
  /** The first day of the period and the day after its last day. */
  readonly startDate: string;
  readonly endDate: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly dueAt: number;
  /** The sensitive period a daily report belongs to. */
  readonly sensitivePeriodName: string | null;
}

export interface SensitiveRange {
  readonly startDate: string;
  readonly endDate: string;
  readonly name: string;
}

const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthlyPeriod(month: string, settings: ZeroReportSettings, timeZone: string): ZeroReportPeriod {
  const startDate = `${month}-01`;
  const endDate = `${addMonths(month, 1)}-01`;
  const dueDate = `${addMonths(month, 1)}-${String(settings.monthlyDueDay).padStart(2, '0')}`;
  return {
    period: month,
    kind: 'monthly',
    startDate,
    endDate,
    startsAt: startOfLocalDay(startDate, timeZone),
    endsAt: startOfLocalDay(endDate, timeZone),
    dueAt: endOfLocalDay(dueDate, timeZone),
    sensitivePeriodName: null,
  };
}

export function dailyPeriod(date: string, sensitiveName: string | null, settings: ZeroReportSettings, timeZone: string): ZeroReportPeriod {
  return {
    period: date,
    kind: 'daily',
    startDate: date,
    endDate: addDays(date, 1),
    startsAt: startOfLocalDay(date, timeZone),
    endsAt: endOfLocalDay(date, timeZone),
    dueAt: settings.dailyDueHour >= 24 ? endOfLocalDay(date, timeZone) : instantOf(date, timeZone, settings.dailyDueHour),
    sensitivePeriodName: sensitiveName,
  };
}

/**
 * Whether a unit is expected to send a period's report: only for periods that end after the unit's
 * effective-from day (a unit set up on 3 December owes nothing for November). No date: every period.
 *
 * @example
 * unitOwes('2026-12-03', monthlyPeriod('2026-11', settings, tz)) // false
 * unitOwes('2026-11-20', monthlyPeriod('2026-11', settings, tz)) // true: it existed for part of November
 */
export function unitOwes(effectiveFrom: string | null, period: Pick<ZeroReportPeriod, 'endDate'>): boolean {
  return effectiveFrom === null || period.endDate > effectiveFrom;
}

/** The sensitive period covering a date, if any (the first one by start date when they overlap). */
export function sensitiveOn(date: string, ranges: readonly SensitiveRange[]): SensitiveRange | null {
  return [...ranges].sort((a, b) => a.startDate.localeCompare(b.startDate)).find((r) => r.startDate <= date && date <= r.endDate) ?? null;
}

/** Daily periods for the dates from `from` to `to` (both included) that lie in a sensitive period. */
export function dailyPeriodsBetween(from: string, to: string, ranges: readonly SensitiveRange[], settings: ZeroReportSettings, timeZone: string): ZeroReportPeriod[] {
  const out: ZeroReportPeriod[] = [];
  const relevant = ranges.filter((r) => r.endDate >= from && r.startDate <= to);
  if (relevant.length === 0) return out;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const r = sensitiveOn(date, relevant);
    if (r) out.push(dailyPeriod(date, r.name, settings, timeZone));
  }
  return out;
}

/** The monthly period and the sensitive-period days of one month, in date order. */
export function periodsOfMonth(month: string, ranges: readonly SensitiveRange[], settings: ZeroReportSettings, timeZone: string): ZeroReportPeriod[] {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  return [monthlyPeriod(month, settings, timeZone), ...dailyPeriodsBetween(first, last, ranges, settings, timeZone)];
}

/** Reads '2026-11' or '2026-11-03' into its period, or null when it is neither. Daily periods need a sensitive period. */
export function parsePeriod(text: string): { kind: ZeroReportPeriodKind; value: string } | null {
  if (isMonth(text)) return { kind: 'monthly', value: text };
  if (isIsoDate(text)) return { kind: 'daily', value: text };
  return null;
}

/**
 * Every period whose due time falls in (after, until]: the lazily created deadlines cover exactly these.
 * Looks back at most `maxDays` days, so a PC off for months does not unroll years of daily periods.
 */
export function periodsDueBetween(
  after: number,
  until: number,
  ranges: readonly SensitiveRange[],
  settings: ZeroReportSettings,
  timeZone: string,
  maxDays = 400,
): ZeroReportPeriod[] {
  const untilDate = localDateOf(until, timeZone);
  let fromDate = localDateOf(after, timeZone);
  const floor = addDays(untilDate, -maxDays);
  if (fromDate < floor) fromDate = floor;
  const out: ZeroReportPeriod[] = [];
  // A month's report is due in the next month: start one month before the first date looked at.
  for (let month = addMonths(monthOf(fromDate), -1); month <= monthOf(untilDate); month = addMonths(month, 1)) {
    out.push(monthlyPeriod(month, settings, timeZone));
  }
  out.push(...dailyPeriodsBetween(fromDate, untilDate, ranges, settings, timeZone));
  return out.filter((p) => p.dueAt > after && p.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt || a.period.localeCompare(b.period));
}
