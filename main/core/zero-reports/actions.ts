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
import { dueArticle, expectedPeriod, loadZeroReportContext, periodLabel } from './context';
import { parsePeriod, periodsDueBetween, unitOwes } from './periods';

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

export async function submitZeroReport(core: Core, actor: Actor, input: ZeroReportSubmission): Promise<{ id: number; state: 'on_time' | 'late'; lateMs: number }> {
  const ctx = await loadZeroReportContext(core.db);
  const now = core.clock.now();
  const parsed = parsePeriod(input.period);
  if (!parsed) throw UserError.field('period', 'errors.zeroReports.badPeriod', { period: input.period });
  const period = expectedPeriod(input.period, ctx);
  if (!period) throw UserError.field('period', 'errors.zeroReports.notDailyPeriod', { date: input.period });
  const submittedAt = input.submittedAt ?? now;
  if (submittedAt > now + FUTURE_TOLERANCE_MS) throw UserError.field('submittedAt', 'errors.generic.futureTime', { field: fieldName('fields.zeroReports.submittedAt') });
  if (submittedAt < period.startsAt) throw UserError.field('period', 'errors.zeroReports.notStarted', { period: periodLabel(input.period) });
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
    const existing = await trx.selectFrom('zero_reports').selectAll().where('unit_id', '=', input.unitId).where('period', '=', input.period).executeTakeFirst();
    if (existing?.submitted_at != null) {
      throw new UserError('conflict', 'errors.zeroReports.alreadySubmitted', { unit: unit.name, period: periodLabel(input.period), at: formatDateTime(existing.submitted_at, ctx.timeZone) });
    }
    const dueAt = existing?.due_at ?? period.dueAt;
    const lateMs = Math.max(0, submittedAt - dueAt);
    const values = {
      submitted_at: submittedAt,
      nothing_to_report: input.nothingToReport ? 1 : 0,
      report_ids_json: JSON.stringify(input.nothingToReport ? [] : reportIds),
      note: input.note,
      submitted_by: actor.id,
    };
    let id: number;
    if (existing) {
      await trx.updateTable('zero_reports').set(values).where('id', '=', existing.id).execute();
      id = existing.id;
      await closeDeadlines(trx, id, ['zero_report'], 'met', submittedAt, 'zero_report');
    } else {
      const row = await trx
        .insertInto('zero_reports')
        .values({ unit_id: input.unitId, period: input.period, period_kind: period.kind, due_at: dueAt, created_at: now, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await appendAudit(trx, { actor, at: now, action: 'zeroReport.submit', entity: 'zero_report', entityId: id, after: { ...input, submittedAt, dueAt, lateMs } });
    return { id, state: lateMs > 0 ? ('late' as const) : ('on_time' as const), lateMs };
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
