/**
 * The office's holiday calendar: the shipped State Council notices, years the admin imports, and days the
 * admin edits. Every change bumps the calendar version; the deadlines room then recomputes open deadlines.
 *
 * @example
 * const cal = await loadCalendar(core.db);
 * computePeriod('2026-09-30', { unit: 'working_days', days: 5 }, cal.lookup);
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db';
import type { CalendarDay } from '../../../shared/api';
import type { Core } from '../context';
import { appendAudit } from '../audit';
import { holidayLookup, type HolidayLookup } from './deadline-calculator';
import { parseHolidayFile, type HolidayYear } from './holiday-file';
import y2024 from './holidays/2024.json';
import y2025 from './holidays/2025.json';
import y2026 from './holidays/2026.json';

export * from './deadline-calculator';
export { parseHolidayFile, type HolidayYear } from './holiday-file';

export const SHIPPED_YEARS: readonly HolidayYear[] = [y2024, y2025, y2026].map((f) => parseHolidayFile(JSON.stringify(f)));

const VERSION_KEY = 'calendar_version';
const YEARS_KEY = 'calendar_years';
/** Changes with every write to the calendar (also set by migration 0012). */
const STAMP_KEY = 'calendar_stamp';

export interface LoadedCalendar {
  readonly version: number;
  readonly years: readonly number[];
  readonly lookup: HolidayLookup;
}

async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The calendar last loaded, under the stamp it was loaded at. Every write to the calendar sets a new random stamp
 * (bumpVersion), so a stamp names one calendar's contents in any file: a save reads one meta row, not the table.
 * A stamp written by a transaction that rolled back is never written again, so it is never met again either.
 */
let loaded: { readonly stamp: string; readonly calendar: LoadedCalendar } | null = null;

export async function loadCalendar(db: Kysely<Database>): Promise<LoadedCalendar> {
  const meta = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', [VERSION_KEY, YEARS_KEY, STAMP_KEY]).execute();
  const value = (key: string) => meta.find((m) => m.key === key)?.value ?? null;
  const stamp = value(STAMP_KEY);
  if (stamp !== null && loaded?.stamp === stamp) return loaded.calendar;
  const rows = await db.selectFrom('calendar_days').select(['date', 'is_off_day', 'name']).execute();
  const yearsText = value(YEARS_KEY);
  const years = yearsText ? (JSON.parse(yearsText) as number[]) : [];
  const calendar: LoadedCalendar = {
    version: Number(value(VERSION_KEY) ?? 0),
    years,
    lookup: holidayLookup(
      rows.map((r) => ({ date: r.date, isOffDay: r.is_off_day === 1, name: r.name })),
      years,
    ),
  };
  if (stamp !== null) loaded = { stamp, calendar };
  return calendar;
}

export async function replaceYear(trx: Kysely<Database>, year: HolidayYear): Promise<void> {
  await trx.deleteFrom('calendar_days').where('year', '=', year.year).execute();
  if (year.days.length > 0) {
    await trx
      .insertInto('calendar_days')
      .values(year.days.map((d) => ({ date: d.date, year: year.year, is_off_day: d.isOffDay ? 1 : 0, name: d.name })))
      .execute();
  }
  const current = await readMeta(trx, YEARS_KEY);
  const years = new Set(current ? (JSON.parse(current) as number[]) : []);
  years.add(year.year);
  await writeMeta(trx, YEARS_KEY, JSON.stringify([...years].sort((a, b) => a - b)));
}

export async function bumpVersion(trx: Kysely<Database>): Promise<number> {
  const next = Number((await readMeta(trx, VERSION_KEY)) ?? 0) + 1;
  await writeMeta(trx, VERSION_KEY, String(next));
  await writeMeta(trx, STAMP_KEY, randomUUID());
  return next;
}

/** Loads the shipped notices for years the store has never had; an admin's own edits are never overwritten. */
export async function seedShippedCalendar(core: Core): Promise<void> {
  await core.db.transaction().execute(async (trx) => {
    const current = await readMeta(trx, YEARS_KEY);
    const known = new Set(current ? (JSON.parse(current) as number[]) : []);
    const missing = SHIPPED_YEARS.filter((y) => !known.has(y.year));
    if (missing.length === 0) return;
    for (const year of missing) await replaceYear(trx, year);
    await bumpVersion(trx);
    await appendAudit(trx, {
      actor: null,
      at: core.clock.now(),
      action: 'calendar.seed',
      entity: 'calendar',
      entityId: missing.map((y) => y.year).join(','),
    });
  });
}

export async function calendarYears(db: Db) {
  const cal = await loadCalendar(db);
  const rows = await db.selectFrom('calendar_days').select(['year', 'is_off_day']).execute();
  return {
    version: cal.version,
    years: cal.years.map((year) => ({
      year,
      offDays: rows.filter((r) => r.year === year && r.is_off_day === 1).length,
      makeUpDays: rows.filter((r) => r.year === year && r.is_off_day === 0).length,
    })),
  };
}

export async function calendarDays(db: Db, year: number): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, isOffDay: r.is_off_day === 1, name: r.name }));
}

