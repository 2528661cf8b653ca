/**
 * Reading approvals: the leaders' inbox (待审批) and the requests about one record, each with who asked, when,
 * why, what changes and how it was decided.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ApprovalTable, Database } from '../../db';
import type { Approval, ApprovalListInput, FieldChange } from '../../../shared/api';
import type { ApprovalSubject } from '../../../shared/enums';
import type { z } from 'zod';
import type { approvalListInputSchema } from '../../../shared/api';
import { notFound } from '../errors';

type ListInput = z.output<typeof approvalListInputSchema>;
export type { ApprovalListInput };

interface Payload {
  readonly days?: number;
  readonly outcome?: string;
  readonly changes?: readonly FieldChange[];
}

async function subjectLabels(db: Kysely<Database>, rows: readonly Selectable<ApprovalTable>[]) {
  const ids = (type: ApprovalSubject) => [...new Set(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id))];
  const [petitions, warnings, reports] = await Promise.all([
    ids('petition').length > 0 ? db.selectFrom('petitions').select(['id', 'number', 'summary']).where('id', 'in', ids('petition')).execute() : [],
    ids('warning').length > 0 ? db.selectFrom('warnings').select(['id', 'number', 'title as summary']).where('id', 'in', ids('warning')).execute() : [],
    ids('report').length > 0 ? db.selectFrom('info_reports').select(['id', 'number', 'summary']).where('id', 'in', ids('report')).execute() : [],
  ]);
  const out = new Map<string, { number: string; summary: string }>();
  for (const p of petitions) out.set(`petition:${p.id}`, p);
  for (const w of warnings) out.set(`warning:${w.id}`, w);
  for (const r of reports) out.set(`report:${r.id}`, r);
  return out;
}

async function describe(db: Kysely<Database>, rows: readonly Selectable<ApprovalTable>[]): Promise<Approval[]> {
  if (rows.length === 0) return [];
  const [users, labels] = await Promise.all([db.selectFrom('users').select(['id', 'display_name']).execute(), subjectLabels(db, rows)]);
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return rows.map((r) => {
    const payload = JSON.parse(r.payload_json) as Payload;
    const label = labels.get(`${r.subject_type}:${r.subject_id}`);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectNumber: label?.number ?? '',
      subjectSummary: label?.summary ?? '',
      reason: r.reason,
      days: typeof payload.days === 'number' ? payload.days : null,
      outcome: typeof payload.outcome === 'string' ? payload.outcome : null,
      changes: [...(payload.changes ?? [])],
      requestedById: r.requested_by,
      requestedBy: names.get(r.requested_by) ?? '',
      requestedAt: r.requested_at,
      decidedBy: r.decided_by !== null ? (names.get(r.decided_by) ?? '') : null,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    };
  });
}

export async function listApprovals(db: Kysely<Database>, input: ListInput): Promise<{ rows: Approval[]; total: number }> {
  let q = db.selectFrom('approvals');
  if (input.status !== null) q = q.where('status', '=', input.status);
  if (input.subjectType !== null) q = q.where('subject_type', '=', input.subjectType);
  if (input.subjectId !== null) q = q.where('subject_id', '=', input.subjectId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      // The inbox reads oldest first (the longest waiting at the top); decided ones newest first.
      .orderBy('requested_at', input.status === 'pending' ? 'asc' : 'desc')
      .orderBy('id', input.status === 'pending' ? 'asc' : 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: await describe(db, rows), total: Number(count?.n ?? 0) };
}

/** Every request about one record, newest first. */
export async function approvalsFor(db: Kysely<Database>, subjectType: ApprovalSubject, subjectId: number): Promise<Approval[]> {
  const rows = await db
    .selectFrom('approvals')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return describe(db, rows);
}

export async function getApproval(db: Kysely<Database>, id: number): Promise<Approval> {
  const row = await db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const [approval] = await describe(db, [row]);
  if (!approval) throw notFound();
  return approval;
}
