/** Reading warnings: the list (with what is overdue) and the detail with its links, deadlines and full history. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, Db, WarningTable } from '../../db';
import type { WarningDetail, WarningSummary, warningListInputSchema } from '../../../shared/api';
import { WARNING_ACTIONS, type WarningAction, type WarningStatus } from '../../../shared/enums';
import { notFound } from '../errors';
import { toDeadline } from '../deadlines';

type ListInput = z.output<typeof warningListInputSchema>;
type Row = Selectable<WarningTable> & { unit_name: string; responsible_name: string; leader_name: string; feedback_due_at: number | null; supervised_until: number | null };

/** Supervision is possible only when feedback (or an earlier supervision) is overdue. */
export function allowedWarningActions(status: WarningStatus, overdue: boolean): WarningAction[] {
  if (status !== 'active') return [];
  return WARNING_ACTIONS.filter((a) => a !== 'supervise' || overdue);
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('warnings')
    .innerJoin('units as place', 'place.id', 'warnings.unit_id')
    .innerJoin('units as resp', 'resp.id', 'warnings.responsible_unit_id')
    .innerJoin('users as lead', 'lead.id', 'warnings.lead_leader_id');
}

const NAMES = ['place.name as unit_name', 'resp.name as responsible_name', 'lead.display_name as leader_name'] as const;

/** The open feedback and supervision deadlines, for the board's countdowns (a warning under supervision is marked 督办). */
const openDue = (kind: 'warning_feedback' | 'supervision') =>
  sql<number | null>`(SELECT MIN(d.due_at) FROM deadlines d WHERE d.subject_type = 'warning' AND d.subject_id = warnings.id AND d.kind = ${kind} AND d.status = 'open')`;
const DUE_COLUMNS = [openDue('warning_feedback').as('feedback_due_at'), openDue('supervision').as('supervised_until')] as const;

function summaryOf(r: Row, now: number): WarningSummary {
  return {
    id: r.id,
    number: r.number,
    township: r.township,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    peopleCount: r.people_count,
    escalation: r.escalation,
    collectiveEventHappened: r.collective_event === 1,
    level: r.level,
    suggestedLevel: r.suggested_level,
    status: r.status,
    responsibleUnitName: r.responsible_name,
    leadLeaderName: r.leader_name,
    issuedAt: r.issued_at,
    nextDueAt: r.next_due_at,
    nextDueKind: r.next_due_kind,
    overdue: r.next_due_at !== null && r.next_due_at <= now,
    liftedAt: r.lifted_at,
    feedbackDueAt: r.feedback_due_at,
    supervisedUntil: r.supervised_until,
  };
}

/** Active first, red before yellow before blue; newest first within a level, and among lifted warnings. */
const LIST_ORDER = sql`CASE WHEN warnings.status = 'active' THEN (CASE warnings.level WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END) ELSE 3 END`;

export async function listWarnings(db: Db, input: ListInput, now: number): Promise<{ rows: WarningSummary[]; total: number }> {
  let q = base(db);
  if (input.status !== null) q = q.where('warnings.status', '=', input.status);
  if (input.level !== null) q = q.where('warnings.level', '=', input.level);
  if (input.unitId !== null) {
    const unitId = input.unitId;
    q = q.where((eb) => eb.or([eb('warnings.unit_id', '=', unitId), eb('warnings.responsible_unit_id', '=', unitId)]));
  }
  if (input.overdueOnly) q = q.where('warnings.next_due_at', '<=', now);
  const [rows, count] = await Promise.all([
    q
      .selectAll('warnings')
      .select([...NAMES, ...DUE_COLUMNS])
      .orderBy(LIST_ORDER)
      .orderBy('warnings.issued_at', 'desc')
      .orderBy('warnings.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: rows.map((r) => summaryOf(r, now)), total: Number(count?.n ?? 0) };
}

export async function getWarning(db: Db, id: number, now: number): Promise<WarningDetail> {
  const row = await base(db).selectAll('warnings').select([...NAMES, ...DUE_COLUMNS]).where('warnings.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const [petitions, reports, events, deadlines, users] = await Promise.all([
    db
      .selectFrom('warning_links')
      .innerJoin('petitions', 'petitions.id', 'warning_links.subject_id')
      .select(['petitions.id', 'petitions.number', 'petitions.summary', 'petitions.status'])
      .where('warning_links.warning_id', '=', id)
      .where('warning_links.link_type', '=', 'petition')
      .orderBy('petitions.received_at')
      .execute(),
    db
      .selectFrom('warning_links')
      .innerJoin('info_reports', 'info_reports.id', 'warning_links.subject_id')
      .select(['info_reports.id', 'info_reports.number', 'info_reports.summary', 'info_reports.severity', 'info_reports.status'])
      .where('warning_links.warning_id', '=', id)
      .where('warning_links.link_type', '=', 'report')
      .orderBy('info_reports.reported_at')
      .execute(),
    db.selectFrom('warning_events').selectAll().where('warning_id', '=', id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('deadlines').selectAll().where('subject_type', '=', 'warning').where('subject_id', '=', id).orderBy('due_at').orderBy('id').execute(),
    db.selectFrom('users').select(['id', 'display_name']).execute(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const overdue = deadlines.some((d) => d.status === 'open' && (d.kind === 'warning_feedback' || d.kind === 'supervision') && d.due_at <= now);
  return {
    ...summaryOf(row, now),
    grievance: row.grievance,
    urgent: row.urgent === 1,
    suggestedRuleId: row.suggested_rule_id,
    suggestedRuleDescription: row.suggested_rule_text,
    overrideReason: row.override_reason,
    responsibleUnitId: row.responsible_unit_id,
    leadLeaderId: row.lead_leader_id,
    resolutionSteps: JSON.parse(row.resolution_steps_json) as string[],
    issuedByName: names.get(row.issued_by) ?? '',
    liftOutcome: row.lift_outcome,
    liftApprovedByName: row.lift_approved_by !== null ? (names.get(row.lift_approved_by) ?? '') : null,
    petitions: petitions.map((p) => ({ id: p.id, number: p.number, summary: p.summary, status: p.status })),
    reports: reports.map((r) => ({ id: r.id, number: r.number, summary: r.summary, severity: r.severity, status: r.status })),
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      userName: names.get(e.user_id) ?? '',
      note: e.note,
      source: e.source,
      fromLevel: e.from_level,
      toLevel: e.to_level,
      dueAt: e.due_at,
      approverName: e.approver_id !== null ? (names.get(e.approver_id) ?? '') : null,
    })),
    deadlines: deadlines.map(toDeadline),
    allowedActions: allowedWarningActions(row.status, overdue),
  };
}
