/**
 * Submitting a zero report, and the deadlines that make a missing one ring: one office-duty deadline per unit
 * and period, created lazily by the scheduler a few days before the period is due, met when the unit submits.
 *
 * @example
 * await submitZeroReport(core, actor, { unitId: 3, period: '2026-11', nothingToReport: true, reportIds: [], note: '', submittedAt: null });
 * await ensureZeroReportDeadlines(core, core.clock.now()); // idempotent; the scheduler runs it before each pass
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { formatDateTime, DAY_MS } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, fieldName } from '../errors';
import { appendAudit } from '../audit';
import { closeDeadlines, loadCalendarContext, moveFixedDeadline, openFixedDeadline } from '../deadlines';
import { refusePersonalNumbers } from '../warnings';
import { dueArticle, expectedPeriod, loadZeroReportContext, periodLabel, type ZeroReportContext } from './context';
import { parsePeriod, periodsDueBetween, unitOwes, type ZeroReportPeriod } from './periods';

type Trx = Kysely<Database>;

const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Deadlines exist from this long before the period is due (so pre-alarms, if the admin sets them, can ring). */
export const ZERO_REPORT_HORIZON_MS = 7 * DAY_MS;
const CHECKED_KEY = 'zero_report_checked_at';

export interface ZeroReportSubmission {
  readonly unitId: number;
  readonly period: string;
  readonly nothingToReport: boolean;
  readonly reportIds: readonly number[];
  readonly note: string;
  readonly submittedAt: number | null;
}

/**
 * The checks every zero report passes before anything is read from the units: the period exists as the office
 * sees it today, and the submission time is neither in the future nor before the period began. Single and bulk
 * entry both ask this, so a cell is refused or accepted the same way whichever dialog entered it.
 */
function checkedPeriod(text: string, ctx: ZeroReportContext, submittedAt: number, now: number): ZeroReportPeriod {
  if (!parsePeriod(text)) throw UserError.field('period', 'errors.zeroReports.badPeriod', { period: text });
  const period = expectedPeriod(text, ctx);
  if (!period) throw UserError.field('period', 'errors.zeroReports.notDailyPeriod', { date: text });
  if (submittedAt > now + FUTURE_TOLERANCE_MS) throw UserError.field('submittedAt', 'errors.generic.futureTime', { field: fieldName('fields.zeroReports.submittedAt') });
  if (submittedAt < period.startsAt) throw UserError.field('period', 'errors.zeroReports.notStarted', { period: periodLabel(text) });
  return period;
}

type ExistingRow = { id: number; due_at: number; submitted_at: number | null };

/**
 * Writes one unit's report for one period (a row the scheduler opened, or a new one), meets its deadline and
 * audits it: late or on time is measured against the row's own due time. The caller has checked that it is
 * not filed yet.
 */
async function recordCell(
  trx: Trx,
  actor: Actor,
  now: number,
  period: ZeroReportPeriod,
  existing: ExistingRow | undefined,
  input: ZeroReportSubmission & { submittedAt: number },
): Promise<{ id: number; state: 'on_time' | 'late'; lateMs: number }> {
  const dueAt = existing?.due_at ?? period.dueAt;
  const lateMs = Math.max(0, input.submittedAt - dueAt);
  const values = {
    submitted_at: input.submittedAt,
    nothing_to_report: input.nothingToReport ? 1 : 0,
    report_ids_json: JSON.stringify(input.nothingToReport ? [] : input.reportIds),
    note: input.note,
    submitted_by: actor.id,
  };
  let id: number;
  if (existing) {
    await trx.updateTable('zero_reports').set(values).where('id', '=', existing.id).execute();
    id = existing.id;
    await closeDeadlines(trx, id, ['zero_report'], 'met', input.submittedAt, 'zero_report');
  } else {
    const row = await trx
      .insertInto('zero_reports')
      .values({ unit_id: input.unitId, period: input.period, period_kind: period.kind, due_at: dueAt, created_at: now, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await appendAudit(trx, { actor, at: now, action: 'zeroReport.submit', entity: 'zero_report', entityId: id, after: { ...input, dueAt, lateMs } });
  return { id, state: lateMs > 0 ? 'late' : 'on_time', lateMs };
}

export async function submitZeroReport(core: Core, actor: Actor, input: ZeroReportSubmission): Promise<{ id: number; state: 'on_time' | 'late'; lateMs: number }> {
  const ctx = await loadZeroReportContext(core.db);
  const now = core.clock.now();
  const submittedAt = input.submittedAt ?? now;
  const period = checkedPeriod(input.period, ctx, submittedAt, now);
  refusePersonalNumbers([['note', 'fields.zeroReports.note', input.note]], 'errors.reports.personalNumber');
  const reportIds = [...new Set(input.reportIds)];
  if (!input.nothingToReport && reportIds.length === 0) throw UserError.field('reportIds', 'errors.zeroReports.reportsRequired');

  const result = await core.db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'name', 'active']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit || unit.active !== 1) throw UserError.field('unitId', 'errors.zeroReports.unitInactive');
    if (!input.nothingToReport) {
      const reports = await trx.selectFrom('info_reports').select(['id', 'number', 'unit_id', 'reported_at']).where('id', 'in', reportIds).execute();
      for (const rid of reportIds) {
        const r = reports.find((x) => x.id === rid);
        if (!r || r.unit_id !== input.unitId || r.reported_at < period.startsAt || r.reported_at >= period.endsAt) {
          throw UserError.field('reportIds', 'errors.zeroReports.reportMismatch', { number: r?.number ?? String(rid) });
        }
      }
    }
    const existing = await trx.selectFrom('zero_reports').select(['id', 'due_at', 'submitted_at']).where('unit_id', '=', input.unitId).where('period', '=', input.period).executeTakeFirst();
    if (existing?.submitted_at != null) {
      throw new UserError('conflict', 'errors.zeroReports.alreadySubmitted', { unit: unit.name, period: periodLabel(input.period), at: formatDateTime(existing.submitted_at, ctx.timeZone) });
    }
    return recordCell(trx, actor, now, period, existing, { ...input, reportIds, submittedAt });
  });
  core.emit({ type: 'reports.changed', id: null });
  return result;
}

export interface ZeroReportBulkSubmission {
  /** The periods of the column(s): '2026-11' and/or days of a sensitive period. */
  readonly periods: readonly string[];
  /** Units left out: they have something to report and are entered one by one. */
  readonly exceptUnitIds: readonly number[];
  readonly note: string;
  readonly submittedAt: number | null;
}

/** Most periods one batch may hold: a month of days and the month itself. */
export const ZERO_REPORT_BULK_MAX_PERIODS = 32;

/**
 * Records "无情况" for every active unit that owes each chosen period, except the units named as exceptions,
 * in one transaction. Each cell passes the checks of the single entry and is written and audited the same
 * way; cells already filed are skipped and counted. One more audit entry records the batch.
 *
 * @example
 * await submitZeroReportsBulk(core, actor, { periods: ['2026-11-09', '2026-11-10'], exceptUnitIds: [7], note: '', submittedAt: null });
 * // { recorded: 40, late: 20, skipped: 2 }
 */
export async function submitZeroReportsBulk(core: Core, actor: Actor, input: ZeroReportBulkSubmission): Promise<{ recorded: number; late: number; skipped: number }> {
  const ctx = await loadZeroReportContext(core.db);
  const now = core.clock.now();
  const submittedAt = input.submittedAt ?? now;
  const texts = [...new Set(input.periods)].sort();
  if (texts.length === 0) throw UserError.field('periods', 'errors.zeroReports.bulkNoPeriods');
  if (texts.length > ZERO_REPORT_BULK_MAX_PERIODS) throw UserError.field('periods', 'errors.zeroReports.bulkTooManyPeriods', { max: ZERO_REPORT_BULK_MAX_PERIODS });
  const periods = texts.map((text) => checkedPeriod(text, ctx, submittedAt, now));
  refusePersonalNumbers([['note', 'fields.zeroReports.note', input.note]], 'errors.reports.personalNumber');
  const except = new Set(input.exceptUnitIds);

  const result = await core.db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select(['id', 'effective_from']).where('active', '=', 1).execute();
    const activeIds = new Set(units.map((u) => u.id));
    if ([...except].some((id) => !activeIds.has(id))) throw UserError.field('exceptUnitIds', 'errors.zeroReports.unitInactive');
    const rows = await trx.selectFrom('zero_reports').select(['id', 'unit_id', 'period', 'due_at', 'submitted_at']).where('period', 'in', texts).execute();
    const byKey = new Map(rows.map((r) => [`${r.unit_id}:${r.period}`, r]));
    const cells: { period: ZeroReportPeriod; unitId: number; existing: ExistingRow | undefined }[] = [];
    let skipped = 0;
    for (const period of periods) {
      for (const u of units) {
        if (except.has(u.id) || !unitOwes(u.effective_from, period)) continue;
        const existing = byKey.get(`${u.id}:${period.period}`);
        if (existing?.submitted_at != null) skipped++;
        else cells.push({ period, unitId: u.id, existing });
      }
    }
    if (cells.length === 0) throw new UserError('conflict', 'errors.zeroReports.bulkNothingLeft', { skipped });
    let late = 0;
    for (const c of cells) {
      const r = await recordCell(trx, actor, now, c.period, c.existing, { unitId: c.unitId, period: c.period.period, nothingToReport: true, reportIds: [], note: input.note, submittedAt });
      if (r.state === 'late') late++;
    }
    const summary = { periods: texts, exceptUnitIds: [...except], note: input.note, submittedAt, recorded: cells.length, late, skipped };
    await appendAudit(trx, { actor, at: now, action: 'zeroReport.bulkSubmit', entity: 'zero_report', entityId: texts.join(','), after: summary });
    return { recorded: cells.length, late, skipped };
  });
  core.emit({ type: 'reports.changed', id: null });
  return result;
}

async function readCheckedAt(trx: Trx): Promise<number | null> {
  const row = await trx.selectFrom('meta').select('value').where('key', '=', CHECKED_KEY).executeTakeFirst();
  return row ? Number(row.value) : null;
}

/**
 * Makes sure every active unit has a deadline (and so an alarm when it is missed) for each zero-report period
 * due between the previous pass and a few days ahead, and brings open ones in line with today's settings,
 * sensitive periods and units. Periods already due before the first pass, or before a unit existed, raise no
 * alarm: nobody could have acted on them. Safe to run any number of times; the scheduler runs it each pass.
 *
 * @returns how many deadlines were opened, moved and cancelled.
 */
export async function ensureZeroReportDeadlines(core: Core, now: number): Promise<{ opened: number; moved: number; cancelled: number }> {
  const ctx = await loadZeroReportContext(core.db);
  const result = await core.db.transaction().execute(async (trx) => {
    const last = Math.min(now, (await readCheckedAt(trx)) ?? now);
    const units = await trx.selectFrom('units').select(['id', 'effective_from']).where('active', '=', 1).execute();
    const activeUnits = new Set(units.map((u) => u.id));
    const effectiveFrom = new Map(units.map((u) => [u.id, u.effective_from]));
    const cal = await loadCalendarContext(trx);
    let opened = 0;
    let moved = 0;
    let cancelled = 0;

    // Open deadlines first: a sensitive day called off, a unit switched off, or a new due day.
    const open = await trx
      .selectFrom('deadlines')
      .innerJoin('zero_reports', 'zero_reports.id', 'deadlines.subject_id')
      .select(['deadlines.id as deadline_id', 'deadlines.due_at', 'zero_reports.id', 'zero_reports.unit_id', 'zero_reports.period'])
      .where('deadlines.subject_type', '=', 'zero_report')
      .where('deadlines.status', '=', 'open')
      .execute();
    const withOpenDeadline = new Set<number>();
    for (const d of open) {
      const p = expectedPeriod(d.period, ctx);
      if (!p || !activeUnits.has(d.unit_id) || !unitOwes(effectiveFrom.get(d.unit_id) ?? null, p)) {
        await closeDeadlines(trx, d.id, ['zero_report'], 'cancelled', now, 'zero_report');
        cancelled++;
        continue;
      }
      withOpenDeadline.add(d.id);
      if (p.dueAt !== d.due_at) {
        await moveFixedDeadline(trx, cal, d.deadline_id, p.dueAt, dueArticle(p, ctx.settings), now);
        await trx.updateTable('zero_reports').set({ due_at: p.dueAt }).where('id', '=', d.id).execute();
        moved++;
      }
    }

    const periods = periodsDueBetween(last, now + ZERO_REPORT_HORIZON_MS, ctx.ranges, ctx.settings, ctx.timeZone);
    if (periods.length > 0 && activeUnits.size > 0) {
      const rows = await trx
        .selectFrom('zero_reports')
        .select(['id', 'unit_id', 'period', 'submitted_at'])
        .where('period', 'in', periods.map((p) => p.period))
        .execute();
      const byKey = new Map(rows.map((r) => [`${r.unit_id}:${r.period}`, r]));
      for (const p of periods) {
        for (const unitId of activeUnits) {
          if (!unitOwes(effectiveFrom.get(unitId) ?? null, p)) continue;
          const row = byKey.get(`${unitId}:${p.period}`);
          if (row && (row.submitted_at !== null || withOpenDeadline.has(row.id))) continue;
          const id =
            row?.id ??
            (
              await trx
                .insertInto('zero_reports')
                .values({ unit_id: unitId, period: p.period, period_kind: p.kind, due_at: p.dueAt, submitted_at: null, nothing_to_report: 1, report_ids_json: '[]', note: '', submitted_by: null, created_at: now })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id;
          if (row) await trx.updateTable('zero_reports').set({ due_at: p.dueAt }).where('id', '=', id).execute();
          await openFixedDeadline(trx, cal, { subjectType: 'zero_report', subjectId: id, kind: 'zero_report', dueAt: p.dueAt, startAt: p.startsAt, article: dueArticle(p, ctx.settings) }, now);
          opened++;
        }
      }
    }
    const value = String(now);
    await trx.insertInto('meta').values({ key: CHECKED_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    if (opened + moved + cancelled > 0) {
      await appendAudit(trx, {
        actor: null,
        at: now,
        action: 'zeroReport.deadlines',
        entity: 'zero_report',
        entityId: periods.map((p) => p.period).join(',') || '-',
        after: { opened, moved, cancelled },
      });
    }
    return { opened, moved, cancelled };
  });
  return result;
}
