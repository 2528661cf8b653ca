/** Reading information reports: the filtered list and the detail with its chain of follow-ups and timeline. */
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, Db, InfoReportTable } from '../../db';
import type { ReportDetail, ReportSummary, reportListInputSchema } from '../../../shared/api';
import { notFound } from '../errors';
import { approvalsFor } from '../approvals/queries';
import { isReportCorrectable, allowedReportActions } from './workflow';

type ListInput = z.output<typeof reportListInputSchema>;
type Row = Selectable<InfoReportTable> & { unit_name: string };

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function summaryOf(r: Row): ReportSummary {
  return {
    id: r.id,
    number: r.number,
    township: r.township,
    unitId: r.unit_id,
    unitName: r.unit_name,
    type: r.type,
    severity: r.severity,
    status: r.status,
    foundAt: r.found_at,
    reportedAt: r.reported_at,
    limitAt: r.limit_at,
    late: r.late_ms > 0,
    lateMs: r.late_ms,
    place: r.place,
    peopleCount: r.people_count,
    summary: r.summary,
    parentId: r.parent_id,
    rootId: r.root_id,
    followSeq: r.follow_seq,
    flag: r.flag,
    petitionId: r.petition_id,
  };
}

function base(db: Kysely<Database>) {
  return db.selectFrom('info_reports').innerJoin('units', 'units.id', 'info_reports.unit_id');
}

export async function listReports(db: Db, input: ListInput): Promise<{ rows: ReportSummary[]; total: number }> {
  let q = base(db);
  if (input.query) {
    const pattern = likePattern(input.query);
    q = q.where((eb) =>
      eb.or([
        eb('info_reports.number', 'like', pattern),
        eb('info_reports.summary', 'like', pattern),
        eb('info_reports.content', 'like', pattern),
        eb('info_reports.place', 'like', pattern),
      ]),
    );
  }
  if (input.unitId !== null) q = q.where('info_reports.unit_id', '=', input.unitId);
  if (input.type !== null) q = q.where('info_reports.type', '=', input.type);
  if (input.severity !== null) q = q.where('info_reports.severity', '=', input.severity);
  if (input.statuses.length > 0) q = q.where('info_reports.status', 'in', input.statuses);
  if (input.lateOnly) q = q.where('info_reports.late_ms', '>', 0);
  if (input.flaggedOnly) q = q.where('info_reports.flag', 'is not', null);
  if (input.reportedFrom !== null) q = q.where('info_reports.reported_at', '>=', input.reportedFrom);
  if (input.reportedTo !== null) q = q.where('info_reports.reported_at', '<', input.reportedTo);
  const [rows, count] = await Promise.all([
    q
      .selectAll('info_reports')
      .select('units.name as unit_name')
      .orderBy('info_reports.reported_at', 'desc')
      .orderBy('info_reports.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: rows.map(summaryOf), total: Number(count?.n ?? 0) };
}

export async function getReport(db: Db, id: number): Promise<ReportDetail> {
  const row = await base(db).selectAll('info_reports').select('units.name as unit_name').where('info_reports.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const rootId = row.root_id ?? row.id;
  const [chain, steps, approver, petition, warnings] = await Promise.all([
    db
      .selectFrom('info_reports')
      .select(['id', 'number', 'follow_seq', 'reported_at', 'summary', 'status', 'late_ms'])
      .where((eb) => eb.or([eb('id', '=', rootId), eb('root_id', '=', rootId)]))
      .orderBy('follow_seq')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('report_steps')
      .innerJoin('users', 'users.id', 'report_steps.user_id')
      .selectAll('report_steps')
      .select('users.display_name')
      .where('report_steps.report_id', '=', id)
      .orderBy('report_steps.at')
      .orderBy('report_steps.id')
      .execute(),
    row.approved_by !== null ? db.selectFrom('users').select('display_name').where('id', '=', row.approved_by).executeTakeFirst() : Promise.resolve(undefined),
    row.petition_id !== null
      ? db.selectFrom('petitions').select(['id', 'number', 'summary', 'status']).where('id', '=', row.petition_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('warning_links')
      .innerJoin('warnings', 'warnings.id', 'warning_links.warning_id')
      .select(['warnings.id', 'warnings.number', 'warnings.title', 'warnings.level', 'warnings.status'])
      .where('warning_links.link_type', '=', 'report')
      .where('warning_links.subject_id', '=', id)
      .orderBy('warnings.issued_at')
      .execute(),
  ]);
  return {
    ...summaryOf(row),
    content: row.content,
    demands: row.demands,
    verification: row.verification,
    verificationNote: row.verification_note,
    nature: row.nature,
    urgency: row.urgency,
    opinion: row.opinion,
    approvedByName: approver?.display_name ?? null,
    approvedAt: row.approved_at,
    forwardTo: row.forward_to,
    forwardedAt: row.forwarded_at,
    flagNote: row.flag_note,
    flaggedAt: row.flagged_at,
    createdAt: row.created_at,
    chain: chain.map((c) => ({ id: c.id, number: c.number, followSeq: c.follow_seq, reportedAt: c.reported_at, summary: c.summary, status: c.status, late: c.late_ms > 0 })),
    steps: steps.map((s) => ({
      id: s.id,
      at: s.at,
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      note: s.note,
      userName: s.display_name,
      details: JSON.parse(s.details_json) as Record<string, string | number | null>,
    })),
    allowedActions: allowedReportActions(row.status),
    petition: petition ? { id: petition.id, number: petition.number, summary: petition.summary, status: petition.status } : null,
    warnings: warnings.map((w) => ({ id: w.id, number: w.number, title: w.title, level: w.level, status: w.status })),
    approvals: await approvalsFor(db, 'report', id),
    correctable: isReportCorrectable(row.status),
  };
}
