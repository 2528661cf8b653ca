/**
 * Registering an information report (or a follow-up, 续报): checks the times, judges it against the time
 * limit for its severity (迟报 and by how much), numbers it, and writes its first step and the audit row in
 * one transaction.
 */
import type { z } from 'zod';
import type { reportInputSchema } from '../../../shared/api';
import type { ReportType } from '../../../shared/enums';
import { formatDateTime, localParts } from '../../../shared/time';
import { dialectOf } from '../../db';
import type { Actor, Core } from '../context';
import { UserError, fieldName } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { countyOwnOnly, formatPetitionNumber } from '../petitions';
import { refusePersonalNumbers } from '../warnings';
import { getReportSettings } from './settings';
import { reportLateness } from './time-limits';

export type ParsedReportInput = z.output<typeof reportInputSchema>;

/** Allowed drift between the PC clock and a time typed as "now". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const REPORT_NUMBER_FORMAT = '信报〔{year}〕{seq}号';

export interface CreatedReport {
  readonly id: number;
  readonly number: string;
  readonly limitAt: number;
  readonly late: boolean;
  readonly lateMs: number;
}

export async function createReport(core: Core, actor: Actor, input: ParsedReportInput): Promise<CreatedReport> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const reportedAt = input.reportedAt ?? now;
  if (input.foundAt > now + FUTURE_TOLERANCE_MS) throw UserError.field('foundAt', 'errors.reports.inFuture', { field: fieldName('fields.reports.foundAt') });
  if (reportedAt > now + FUTURE_TOLERANCE_MS) throw UserError.field('reportedAt', 'errors.reports.inFuture', { field: fieldName('fields.reports.reportedAt') });
  if (input.foundAt > reportedAt) {
    throw UserError.field('foundAt', 'errors.reports.foundAfterReported', {
      found: formatDateTime(input.foundAt, office.timeZone),
      reported: formatDateTime(reportedAt, office.timeZone),
    });
  }
  refusePersonalNumbers(
    [
      ['summary', 'fields.reports.summary', input.summary],
      ['content', 'fields.reports.content', input.content],
      ['demands', 'fields.reports.demands', input.demands],
      ['place', 'fields.reports.place', input.place],
    ],
    'errors.reports.personalNumber',
  );
  const settings = await getReportSettings(core.db);
  const { limitAt, lateMs } = reportLateness(input.foundAt, reportedAt, input.severity, settings, office.timeZone);
  const year = localParts(reportedAt, office.timeZone).year;

  const created = await core.db.transaction().execute(async (trx) => {
    let unitId = input.unitId;
    let type: ReportType | null = input.type;
    let parentId: number | null = null;
    let rootId: number | null = null;
    let followSeq = 0;
    if (input.parentId !== null) {
      const parent = await trx.selectFrom('info_reports').select(['id', 'unit_id', 'type', 'root_id']).where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw UserError.field('parentId', 'errors.reports.parentNotFound');
      // A follow-up belongs to the chain of the first report, whichever report of the chain it follows.
      unitId = parent.unit_id;
      type = parent.type;
      parentId = parent.id;
      rootId = parent.root_id ?? parent.id;
      await dialectOf(trx).lockNumberSeries(trx, 'info_report', year);
    const last = await trx.selectFrom('info_reports').select((eb) => eb.fn.max('follow_seq').as('n')).where('root_id', '=', rootId).executeTakeFirst();
      followSeq = Number(last?.n ?? 0) + 1;
    }
    if (unitId === null) throw UserError.field('unitId', 'errors.reports.unitRequired');
    if (type === null) throw UserError.field('type', 'errors.reports.typeRequired');
    const unit = await trx.selectFrom('units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || (unit.active !== 1 && parentId === null)) throw UserError.field('unitId', 'errors.reports.unitRequired');
    if (input.petitionId !== null) {
      const petition = await trx.selectFrom('petitions').select('id').where('id', '=', input.petitionId).executeTakeFirst();
      if (!petition) throw UserError.field('petitionId', 'errors.reports.petitionNotFound');
    }
    const last = await trx.selectFrom('info_reports').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', year).$if(countyOwnOnly(trx), (q) => q.where('township', '=', '')).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const number = formatPetitionNumber(REPORT_NUMBER_FORMAT, year, seq);
    const row = await trx
      .insertInto('info_reports')
      .values({
        number,
        year,
        seq,
        unit_id: unitId,
        parent_id: parentId,
        root_id: rootId,
        follow_seq: followSeq,
        type,
        severity: input.severity,
        found_at: input.foundAt,
        reported_at: reportedAt,
        limit_at: limitAt,
        late_ms: lateMs,
        place: input.place,
        people_count: input.peopleCount,
        summary: input.summary,
        content: input.content,
        demands: input.demands,
        status: 'submitted',
        verification: null,
        verification_note: '',
        nature: '',
        urgency: null,
        opinion: '',
        approved_by: null,
        approved_at: null,
        forward_to: '',
        forwarded_at: null,
        petition_id: input.petitionId,
        flag: null,
        flag_note: '',
        flagged_at: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const action = parentId === null ? 'submit' : 'follow_up';
    const details = { severity: input.severity, limitAt, lateMs, ...(parentId !== null ? { parentId, followSeq } : {}) };
    await trx
      .insertInto('report_steps')
      .values({ report_id: row.id, at: reportedAt, user_id: actor.id, action, from_status: null, to_status: 'submitted', note: '', details_json: JSON.stringify(details) })
      .execute();
    await appendAudit(trx, { actor, at: now, action: `report.${action}`, entity: 'report', entityId: row.id, after: { number, ...input, unitId, type, reportedAt, limitAt, lateMs } });
    return { id: row.id, number, limitAt, late: lateMs > 0, lateMs };
  });
  core.emit({ type: 'reports.changed', id: created.id });
  return created;
}
