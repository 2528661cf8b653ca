/**
 * The zero-report grid: units × the periods of a month (the monthly report and, in a sensitive period, each
 * day), each cell on time, late, missing or not due yet, with counts per unit and in all.
 */
import type { Db } from '../../db';
import type { ZeroReportGrid } from '../../../shared/api';
import type { ZeroReportState } from '../../../shared/enums';
import { UserError } from '../errors';
import { loadZeroReportContext } from './context';
import { isMonth, periodsOfMonth, unitOwes, type ZeroReportPeriod } from './periods';

type Counts = Record<ZeroReportState, number>;

const zero = (): Counts => ({ on_time: 0, late: 0, missing: 0, not_due_yet: 0 });

export interface ZeroReportRowFacts {
  readonly due_at: number;
  readonly submitted_at: number | null;
}

/**
 * A cell's state: submitted by its due time (on time) or after (late); not submitted once the due time has
 * come (missing, the moment its alarm rings), or not yet due.
 */
export function zeroReportState(row: ZeroReportRowFacts | undefined, dueAt: number, now: number): ZeroReportState {
  if (row?.submitted_at != null) return row.submitted_at <= row.due_at ? 'on_time' : 'late';
  return now >= dueAt ? 'missing' : 'not_due_yet';
}

/** The rows the units submitted (or have deadlines for) in the given periods, keyed "unitId:period". */
export async function zeroReportRows(db: Db, periods: readonly ZeroReportPeriod[]) {
  if (periods.length === 0) return new Map<string, { id: number; unit_id: number; period: string; due_at: number; submitted_at: number | null; nothing_to_report: number; report_ids_json: string }>();
  const rows = await db
    .selectFrom('zero_reports')
    .select(['id', 'unit_id', 'period', 'due_at', 'submitted_at', 'nothing_to_report', 'report_ids_json'])
    .where('period', 'in', [...new Set(periods.map((p) => p.period))])
    .execute();
  return new Map(rows.map((r) => [`${r.unit_id}:${r.period}`, r]));
}

export async function zeroReportGrid(db: Db, month: string, now: number): Promise<ZeroReportGrid> {
  if (!isMonth(month)) throw UserError.field('month', 'errors.zeroReports.badMonth');
  const ctx = await loadZeroReportContext(db);
  const periods = periodsOfMonth(month, ctx.ranges, ctx.settings, ctx.timeZone);
  const [units, rows] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'effective_from']).where('active', '=', 1).orderBy('kind').orderBy('name').execute(),
    zeroReportRows(db, periods),
  ]);
  const counts = zero();
  const cells: ZeroReportGrid['cells'] = [];
  const unitRows: ZeroReportGrid['units'] = [];
  for (const u of units) {
    const unitCounts = zero();
    for (const p of periods) {
      // A period that ended before the unit was set up has no cell: it is neither expected nor missing.
      if (!unitOwes(u.effective_from, p)) continue;
      const row = rows.get(`${u.id}:${p.period}`);
      const submitted = row?.submitted_at != null;
      const dueAt = submitted && row ? row.due_at : p.dueAt;
      const state = zeroReportState(row, dueAt, now);
      unitCounts[state]++;
      counts[state]++;
      cells.push({
        unitId: u.id,
        period: p.period,
        state,
        dueAt,
        submittedAt: row?.submitted_at ?? null,
        lateMs: submitted && row?.submitted_at != null ? Math.max(0, row.submitted_at - row.due_at) : 0,
        nothingToReport: submitted && row ? row.nothing_to_report === 1 : null,
        reportIds: submitted && row ? (JSON.parse(row.report_ids_json) as number[]) : [],
      });
    }
    unitRows.push({ unitId: u.id, unitName: u.name, effectiveFrom: u.effective_from, counts: unitCounts });
  }
  return {
    month,
    periods: periods.map((p) => ({ period: p.period, kind: p.kind, dueAt: p.dueAt, sensitivePeriodName: p.sensitivePeriodName })),
    units: unitRows,
    cells,
    counts,
  };
}
