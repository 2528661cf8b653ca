/**
 * Deadlines are rows: what is due, from when, under which rule, and how the date was worked out. They are
 * computed by one calculator and recomputed whenever the holiday calendar changes.
 *
 * Petitions' statutory periods are counted on the calendar; warnings' feedback and supervision deadlines and
 * zero reports' due times are fixed instants (unit 'fixed'), which a calendar change leaves alone.
 *
 * @example
 * await openDeadline(trx, ctx, { subjectId: 7, kind: 'handling', startDate: '2026-11-28', unit: 'calendar_days', days: 60, article: '第三十四条' });
 * await openFixedDeadline(trx, ctx, { subjectType: 'warning', subjectId: 3, kind: 'warning_feedback', startAt: now, dueAt: now + 24 * 3_600_000, article: '红色预警：发布后24小时内反馈' }, now);
 */
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { dialectOf, type Database, type DeadlineTable } from '../../db';
import type { Deadline } from '../../../shared/api';
import type { DeadlineKind, DeadlineStatus, DeadlineSubject, PeriodUnit } from '../../../shared/enums';
import { endOfLocalDay, localDateOf } from '../../../shared/time';
import { computePeriod, loadCalendar, type HolidayLookup, type PeriodComputation } from '../calendar';
import { closeAlarmsFor, rescheduleAlarmsFor, scheduleAlarmsFor, scheduleAlarmsForDeadlines } from '../alarms';
import { chunksOf } from '../../db/chunks';

export interface DeadlineSpec {
  readonly subjectType?: DeadlineSubject;
  readonly subjectId: number;
  readonly kind: DeadlineKind;
  /** False for periods that bind the petitioner, not the office (e.g. the 30 days to request a review). */
  readonly officeDuty?: boolean;
  readonly startDate: string;
  readonly unit: PeriodUnit;
  readonly days: number;
  readonly extensionDays?: number;
  readonly article: string;
}

export interface CalendarContext {
  readonly lookup: HolidayLookup;
  readonly version: number;
  readonly timeZone: string;
}

type Explanation = Deadline['explanation'];

function explain(c: PeriodComputation, article: string, version: number): Explanation {
  return {
    article,
    unit: c.unit,
    days: c.days,
    extensionDays: c.extensionDays,
    nominalEndDate: c.nominalEndDate,
    shiftedFrom: c.shiftedFrom,
    skipped: [...c.skipped],
    makeUpDays: [...c.makeUpDays],
    uncoveredYears: [...c.uncoveredYears],
    calendarVersion: version,
  };
}

function computeDue(spec: Pick<DeadlineSpec, 'startDate' | 'unit' | 'days' | 'extensionDays' | 'article'>, cal: CalendarContext) {
  const c = computePeriod(spec.startDate, { unit: spec.unit, days: spec.days, extensionDays: spec.extensionDays ?? 0 }, cal.lookup);
  return {
    due_date: c.endDate,
    due_at: endOfLocalDay(c.endDate, cal.timeZone),
    explanation_json: JSON.stringify(explain(c, spec.article, cal.version)),
    calendar_version: cal.version,
  };
}

export async function openDeadline(trx: Kysely<Database>, cal: CalendarContext, spec: DeadlineSpec, now: number): Promise<void> {
  await openDeadlines(trx, cal, [spec], now);
}

/**
 * Opens many deadlines at once (a ledger import): each worked out as {@link openDeadline} does, the rows and
 * their alarms written in a few statements. Returns the new deadlines' ids in the order of `specs`.
 */
export async function openDeadlines(trx: Kysely<Database>, cal: CalendarContext, specs: readonly DeadlineSpec[], now: number): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunksOf(specs)) {
    const rows = await trx
      .insertInto('deadlines')
      .values(
        part.map((spec) => ({
          subject_type: spec.subjectType ?? 'petition',
          subject_id: spec.subjectId,
          kind: spec.kind,
          office_duty: spec.officeDuty === false ? 0 : 1,
          start_date: spec.startDate,
          unit: spec.unit,
          days: spec.days,
          extension_days: spec.extensionDays ?? 0,
          article: spec.article,
          ...computeDue(spec, cal),
          status: 'open' as const,
          met_at: null,
          created_at: now,
        })),
      )
      .returning(['id', 'kind', 'due_at', 'due_date', 'office_duty', 'status'])
      .execute();
    // SQLite gives a multi-row insert's ids in order; RETURNING may list them in any order.
    rows.sort((a, b) => a.id - b.id);
    ids.push(...rows.map((r) => r.id));
    await scheduleAlarmsForDeadlines(trx, rows, now);
  }
  return ids;
}

export interface FixedDeadlineSpec {
  readonly subjectType: DeadlineSubject;
  readonly subjectId: number;
  readonly kind: DeadlineKind;
  readonly dueAt: number;
  /** The instant the period runs from (the warning was issued, the reporting period began). */
  readonly startAt: number;
  /** How the time was set, in words a person reads on the deadline: "红色预警：发布后24小时内反馈". */
  readonly article: string;
}

function fixedDue(dueAt: number, article: string, cal: CalendarContext) {
  // A due time of exactly 24:00 belongs to the day before, as for calendar periods.
  const dueDate = localDateOf(dueAt - 1, cal.timeZone);
  const explanation: Explanation = {
    article,
    unit: 'fixed',
    days: 0,
    extensionDays: 0,
    nominalEndDate: dueDate,
    shiftedFrom: null,
    skipped: [],
    makeUpDays: [],
    uncoveredYears: [],
    calendarVersion: cal.version,
  };
  return { due_date: dueDate, due_at: dueAt, explanation_json: JSON.stringify(explanation), calendar_version: cal.version };
}

/** Opens a deadline at a fixed instant (not counted on the calendar); its alarms follow as for any deadline. */
export async function openFixedDeadline(trx: Kysely<Database>, cal: CalendarContext, spec: FixedDeadlineSpec, now: number): Promise<number> {
  const row = await trx
    .insertInto('deadlines')
    .values({
      subject_type: spec.subjectType,
      subject_id: spec.subjectId,
      kind: spec.kind,
      office_duty: 1,
      start_date: localDateOf(spec.startAt, cal.timeZone),
      unit: 'fixed',
      days: 0,
      extension_days: 0,
      article: spec.article,
      ...fixedDue(spec.dueAt, spec.article, cal),
      status: 'open',
      met_at: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scheduleAlarmsFor(trx, row.id, now);
  return row.id;
}

/** Moves an open fixed deadline to a new instant (a setting changed); its pending alarms move with it. */
export async function moveFixedDeadline(trx: Kysely<Database>, cal: CalendarContext, deadlineId: number, dueAt: number, article: string, now: number): Promise<void> {
  const row = await trx.selectFrom('deadlines').select(['id', 'unit', 'status', 'due_at']).where('id', '=', deadlineId).executeTakeFirst();
  if (!row || row.unit !== 'fixed' || row.status !== 'open' || row.due_at === dueAt) return;
  await trx.updateTable('deadlines').set({ article, ...fixedDue(dueAt, article, cal) }).where('id', '=', deadlineId).execute();
  await rescheduleAlarmsFor(trx, deadlineId, now);
}

/** Adds days to an open plain-day deadline (an approved extension) and recomputes it. */
export async function extendDeadline(
  trx: Kysely<Database>,
  cal: CalendarContext,
  subjectId: number,
  kind: DeadlineKind,
  extensionDays: number,
  now: number,
  subjectType: DeadlineSubject = 'petition',
): Promise<void> {
  const row = await trx
    .selectFrom('deadlines')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  // Only a period counted on the calendar can be extended by days; a fixed instant has no days to add.
  if (!row || row.unit === 'fixed') return;
  const spec = { startDate: row.start_date, unit: row.unit, days: row.days, extensionDays, article: row.article };
  await trx.updateTable('deadlines').set({ extension_days: extensionDays, ...computeDue(spec, cal) }).where('id', '=', row.id).execute();
  await rescheduleAlarmsFor(trx, row.id, now);
}

/** Why an open deadline was worked out again after a correction (更正), as its explanation shows it. */
export interface DeadlineCorrection {
  readonly at: number;
  /** The corrected fields the deadline was computed from (receivedAt, category, …). */
  readonly fields: readonly string[];
}

/**
 * Works an open calendar deadline out again from a corrected start day (the received-at was corrected): same
 * period, same extension, the new start; the explanation keeps the old start and names the correction.
 */
export async function restartDeadline(trx: Kysely<Database>, cal: CalendarContext, deadlineId: number, startDate: string, correction: DeadlineCorrection, now: number): Promise<void> {
  const row = await trx.selectFrom('deadlines').selectAll().where('id', '=', deadlineId).executeTakeFirst();
  if (!row || row.status !== 'open' || row.unit === 'fixed') return;
  const due = computeDue({ startDate, unit: row.unit, days: row.days, extensionDays: row.extension_days, article: row.article }, cal);
  const explanation = { ...(JSON.parse(due.explanation_json) as Explanation), correction: { at: correction.at, fields: [...correction.fields], fromStartDate: row.start_date } };
  await trx
    .updateTable('deadlines')
    .set({ ...due, start_date: startDate, explanation_json: JSON.stringify(explanation) })
    .where('id', '=', deadlineId)
    .execute();
  if (due.due_at !== row.due_at) await rescheduleAlarmsFor(trx, deadlineId, now);
}

export async function closeDeadlines(
  trx: Kysely<Database>,
  subjectId: number,
  kinds: readonly DeadlineKind[] | 'all',
  status: Exclude<DeadlineStatus, 'open'>,
  at: number,
  subjectType: DeadlineSubject = 'petition',
): Promise<void> {
  let q = trx
    .selectFrom('deadlines')
    .select('id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'open');
  if (kinds !== 'all') q = q.where('kind', 'in', kinds);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return;
  await trx.updateTable('deadlines').set({ status, met_at: status === 'met' ? at : null }).where('id', 'in', ids).execute();
  await closeAlarmsFor(trx, ids, status === 'met' ? 'met' : 'cancelled', at);
}

/**
 * Keeps a petition's or a warning's "next due" columns (used by lists and sorting) in step with its open
 * deadlines. Zero reports have no such columns: their one deadline is the period's due time.
 */
export async function refreshNextDue(trx: Kysely<Database>, subjectId: number, subjectType: DeadlineSubject = 'petition'): Promise<void> {
  if (subjectType === 'zero_report') return;
  const next = await trx
    .selectFrom('deadlines')
    .select(['due_at', 'kind'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'open')
    .where('office_duty', '=', 1)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  const values = { next_due_at: next?.due_at ?? null, next_due_kind: next?.kind ?? null };
  if (subjectType === 'warning') {
    await trx.updateTable('warnings').set(values).where('id', '=', subjectId).execute();
  } else {
    await trx.updateTable('petitions').set(values).where('id', '=', subjectId).execute();
  }
}

/**
 * {@link refreshNextDue} for many new petitions in one statement (those `ids` selects, e.g. an import's): each
 * gets its soonest open deadline the office must meet (each dialect picks it its own way).
 */
export async function refreshPetitionsNextDue(trx: Kysely<Database>, ids: SelectQueryBuilder<Database, 'petitions', { id: number }>): Promise<void> {
  await sql`UPDATE petitions SET next_due_at = d.due_at, next_due_kind = d.kind
    FROM (${dialectOf(trx).soonestOpenPetitionDeadlines(ids)}) AS d
    WHERE petitions.id = d.subject_id`.execute(trx);
}

export async function loadCalendarContext(trx: Kysely<Database>): Promise<CalendarContext> {
  const cal = await loadCalendar(trx);
  const office = await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return { lookup: cal.lookup, version: cal.version, timeZone: office?.time_zone ?? 'Asia/Shanghai' };
}

/** After a calendar change: every open deadline is worked out again under the new calendar. */
export async function recomputeOpenDeadlines(trx: Kysely<Database>, now: number): Promise<number> {
  const cal = await loadCalendarContext(trx);
  // Fixed instants (warning feedback, supervision, zero reports) are not counted on the calendar.
  const open = await trx.selectFrom('deadlines').selectAll().where('status', '=', 'open').where('unit', '!=', 'fixed').execute();
  const touched = new Set<number>();
  for (const row of open) {
    if (row.unit === 'fixed') continue;
    const due = computeDue(
      { startDate: row.start_date, unit: row.unit, days: row.days, extensionDays: row.extension_days, article: row.article },
      cal,
    );
    await trx.updateTable('deadlines').set(due).where('id', '=', row.id).execute();
    if (due.due_at !== row.due_at) await rescheduleAlarmsFor(trx, row.id, now);
    if (row.subject_type === 'petition') touched.add(row.subject_id);
  }
  for (const id of touched) await refreshNextDue(trx, id);
  return open.length;
}

export function toDeadline(row: Selectable<DeadlineTable>): Deadline {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    officeDuty: row.office_duty === 1,
    startDate: row.start_date,
    dueDate: row.due_date,
    dueAt: row.due_at,
    metAt: row.met_at,
    explanation: JSON.parse(row.explanation_json) as Explanation,
  };
}
