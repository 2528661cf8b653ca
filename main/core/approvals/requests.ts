/**
 * Asking for a leader's approval: the request row (who asked, when, why, what changes) and a deadline due at
 * once, whose alarm rings the leader on duty like any other alarm until the request is decided. Called by the
 * domains inside their own write transaction; knows nothing of what the approval will do.
 *
 * @example
 * const approvalId = await requestApproval(trx, { kind: 'extension', subjectType: 'petition', subjectId: 7, reason: '需补充调查', payload: { days: 30 }, actor, now });
 */
import type { Kysely, Selectable } from 'kysely';
import type { ApprovalTable, Database } from '../../db';
import type { ApprovalKind, ApprovalStatus, ApprovalSubject } from '../../../shared/enums';
import { enumLabel, t } from '../../../shared/i18n';
import type { Actor } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { closeDeadlines, loadCalendarContext, openFixedDeadline } from '../deadlines';

type Trx = Kysely<Database>;

/** A request as stored. */
export type ApprovalRow = Selectable<ApprovalTable>;

/** What takes effect on approval, stored with the request. */
export type ApprovalPayload = Readonly<Record<string, unknown>>;

export interface ApprovalRequest {
  readonly kind: ApprovalKind;
  readonly subjectType: ApprovalSubject;
  readonly subjectId: number;
  readonly reason: string;
  readonly payload?: ApprovalPayload;
  readonly actor: Actor;
  readonly now: number;
}

/** The pending request of this kind about this record, if one waits. */
export async function pendingApproval(trx: Trx, kind: ApprovalKind, subjectType: ApprovalSubject, subjectId: number) {
  return trx
    .selectFrom('approvals')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Records the request and rings the leader on duty; refuses a second request of the same kind while one waits. */
export async function requestApproval(trx: Trx, r: ApprovalRequest): Promise<number> {
  if (await pendingApproval(trx, r.kind, r.subjectType, r.subjectId)) {
    throw new UserError('conflict', 'errors.approvals.alreadyPending', { kind: enumLabel('approvalKind', r.kind) });
  }
  const row = await trx
    .insertInto('approvals')
    .values({
      kind: r.kind,
      subject_type: r.subjectType,
      subject_id: r.subjectId,
      status: 'pending',
      reason: r.reason,
      payload_json: JSON.stringify(r.payload ?? {}),
      requested_by: r.actor.id,
      requested_at: r.now,
      decided_by: null,
      decided_at: null,
      decision_note: '',
      deadline_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Due at once: the alarm rings at the scheduler's next pass and escalates as every alarm does until decided.
  const deadlineId = await openFixedDeadline(
    trx,
    await loadCalendarContext(trx),
    { subjectType: 'approval', subjectId: row.id, kind: 'approval', dueAt: r.now, startAt: r.now, article: t('approvals.deadlineArticle', { kind: enumLabel('approvalKind', r.kind) }) },
    r.now,
  );
  await trx.updateTable('approvals').set({ deadline_id: deadlineId }).where('id', '=', row.id).execute();
  await appendAudit(trx, {
    actor: r.actor,
    at: r.now,
    action: 'approval.request',
    entity: 'approval',
    entityId: row.id,
    after: { kind: r.kind, subjectType: r.subjectType, subjectId: r.subjectId, reason: r.reason, ...(r.payload ?? {}) },
  });
  return row.id;
}

/**
 * Marks a request decided and stops its alarm. The caller has applied (or, on a return, not applied) what it
 * asked for in the same transaction.
 */
export async function settleApproval(
  trx: Trx,
  approvalId: number,
  outcome: Exclude<ApprovalStatus, 'pending'>,
  decider: Actor,
  note: string,
  now: number,
): Promise<void> {
  await trx
    .updateTable('approvals')
    .set({ status: outcome, decided_by: decider.id, decided_at: now, decision_note: note })
    .where('id', '=', approvalId)
    .execute();
  await closeDeadlines(trx, approvalId, 'all', 'met', now, 'approval');
}

/** A leader acted on the record directly (e.g. approved a report from its page): the waiting request is settled too. */
export async function settlePendingApproval(trx: Trx, kind: ApprovalKind, subjectType: ApprovalSubject, subjectId: number, decider: Actor, note: string, now: number): Promise<void> {
  const pending = await pendingApproval(trx, kind, subjectType, subjectId);
  if (pending) await settleApproval(trx, pending.id, 'approved', decider, note, now);
}

/** A record that ends (voided) takes its waiting requests with it: they are returned, saying why. */
export async function returnPendingApprovals(trx: Trx, subjectType: ApprovalSubject, subjectId: number, decider: Actor, note: string, now: number, exceptId: number): Promise<void> {
  const rows = await trx
    .selectFrom('approvals')
    .select('id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'pending')
    .where('id', '!=', exceptId)
    .execute();
  for (const r of rows) await settleApproval(trx, r.id, 'returned', decider, note, now);
}
