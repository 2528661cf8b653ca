/**
 * Statutory periods (民法典 Arts. 201–203): the starting day is not counted; a period in plain days ends on
 * the next working day when its last day is a rest day; a period in working days counts only working days
 * (weekdays that are not holidays, plus make-up working days). The last day ends at 24:00.
 *
 * @example
 * const cal = holidayLookup([{ date: '2026-10-01', isOffDay: true, name: '国庆节' }], [2026]);
 * computePeriod('2026-09-16', { unit: 'calendar_days', days: 15 }, cal).endDate // '2026-10-09'
 */
import { addDays, weekdayOf } from '../../../shared/time';
import type { PeriodUnit, RestReason } from '../../../shared/enums';

export interface HolidayEntry {
  readonly date: string;
  readonly isOffDay: boolean;
  readonly name: string;
}

export interface HolidayLookup {
  /** The explicit entry for a date, if the calendar lists it. */
  entry(date: string): HolidayEntry | undefined;
  /** Years for which the calendar holds the State Council's notice. */
  covers(year: number): boolean;
}

export function holidayLookup(entries: Iterable<HolidayEntry>, coveredYears: Iterable<number>): HolidayLookup {
  const byDate = new Map<string, HolidayEntry>();
  for (const e of entries) byDate.set(e.date, e);
  const years = new Set(coveredYears);
  return { entry: (date) => byDate.get(date), covers: (year) => years.has(year) };
}

/** Why a date is a rest day, or null when it is a working day. */
export function restReason(date: string, cal: HolidayLookup): RestReason | null {
  const e = cal.entry(date);
  if (e) return e.isOffDay ? 'holiday' : null;
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6 ? 'weekend' : null;
}

export interface PeriodRule {
  readonly unit: PeriodUnit;
  readonly days: number;
  /** Added to a plain-day period, e.g. an approved extension of the handling period. */
  readonly extensionDays?: number;
}

export interface PeriodComputation {
  readonly startDate: string;
  readonly unit: PeriodUnit;
  readonly days: number;
  readonly extensionDays: number;
  /** The day the period would end on if rest days did not matter (plain days), or the last counted working day. */
  readonly nominalEndDate: string;
  /** The last day of the period; it ends at 24:00. */
  readonly endDate: string;
  /** Set when a plain-day period's last day fell on a rest day and moved. */
  readonly shiftedFrom: string | null;
  /** Rest days that were skipped: inside a working-day period, or between the nominal and the shifted end. */
  readonly skipped: readonly { date: string; name: string; reason: RestReason }[];
  /** Weekend days counted as working days because the calendar makes them make-up days. */
  readonly makeUpDays: readonly { date: string; name: string }[];
  /** Years the period touches for which no holiday notice is loaded: weekends were assumed. */
  readonly uncoveredYears: readonly number[];
}

const MAX_SHIFT_DAYS = 60;

export function computePeriod(startDate: string, rule: PeriodRule, cal: HolidayLookup): PeriodComputation {
  if (!Number.isInteger(rule.days) || rule.days < 1) throw new RangeError(`period must be at least one day: ${rule.days}`);
  const extensionDays = rule.extensionDays ?? 0;
  const skipped: { date: string; name: string; reason: RestReason }[] = [];
  const makeUpDays: { date: string; name: string }[] = [];
  const touchedYears = new Set<number>([Number(startDate.slice(0, 4))]);
  const nameOf = (date: string, reason: RestReason) => cal.entry(date)?.name ?? (reason === 'weekend' ? '周末' : '');

  let nominalEndDate: string;
  let endDate: string;
  let shiftedFrom: string | null = null;

  if (rule.unit === 'calendar_days') {
    nominalEndDate = addDays(startDate, rule.days + extensionDays);
    endDate = nominalEndDate;
    touchedYears.add(Number(endDate.slice(0, 4)));
    for (let i = 0; i < MAX_SHIFT_DAYS; i++) {
      const reason = restReason(endDate, cal);
      if (reason === null) break;
      skipped.push({ date: endDate, name: nameOf(endDate, reason), reason });
      endDate = addDays(endDate, 1);
      touchedYears.add(Number(endDate.slice(0, 4)));
    }
    if (endDate !== nominalEndDate) shiftedFrom = nominalEndDate;
  } else {
    if (extensionDays !== 0) throw new RangeError('working-day periods are not extended');
    let date = startDate;
    let counted = 0;
    while (counted < rule.days) {
      date = addDays(date, 1);
      touchedYears.add(Number(date.slice(0, 4)));
      const reason = restReason(date, cal);
      if (reason === null) {
        counted++;
        const e = cal.entry(date);
        const wd = weekdayOf(date);
        if (e && !e.isOffDay && (wd === 0 || wd === 6)) makeUpDays.push({ date, name: e.name });
      } else {
        skipped.push({ date, name: nameOf(date, reason), reason });
      }
    }
    nominalEndDate = date;
    endDate = date;
  }

  const uncoveredYears = [...touchedYears].filter((y) => !cal.covers(y)).sort((a, b) => a - b);
  return {
    startDate,
    unit: rule.unit,
    days: rule.days,
    extensionDays,
    nominalEndDate,
    endDate,
    shiftedFrom,
    skipped,
    makeUpDays,
    uncoveredYears,
  };
}
