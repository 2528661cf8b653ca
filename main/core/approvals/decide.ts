/**
 * A leader decides a request in their own session: approved, what it asked for takes effect now, in the same
 * transaction; returned (退回), nothing changes and the leader's reason is kept. Either way the request's alarm
 * stops and the audit has a row.
 *
 * @example
 * await decideApproval(core, leader, { id: 4, decision: 'approve', note: '同意延期' });
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { ApiEvent } from '../../../shared/api';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { applyApprovedCorrection, applyApprovedExtension, applyApprovedVoid } from '../petitions';
import { applyApprovedLift } from '../warnings';
import { approveReportInTrx, returnReportInTrx } from '../reports';
import { settleApproval, type ApprovalRow } from './requests';

type Trx = Kysely<Database>;

/** What an approval does when given; a return changes the record only where the record itself shows it (a report). */
async function applyApproval(trx: Trx, row: ApprovalRow, decider: Actor, note: string, now: number): Promise<void> {
  switch (row.kind) {
    case 'extension':
      return applyApprovedExtension(trx, row, decider, now);
    case 'void':
      return applyApprovedVoid(trx, row, decider, now);
    case 'correction':
      return applyApprovedCorrection(trx, row, decider, now);
    case 'warning_lift':
      return applyApprovedLift(trx, row, decider, now);
    case 'report':
      return approveReportInTrx(trx, row.subject_id, decider, note, now);
  }
}

function eventFor(row: ApprovalRow): ApiEvent {
  switch (row.subject_type) {
    case 'petition':
      return { type: 'petitions.changed', id: row.subject_id };
    case 'warning':
      return { type: 'warnings.changed', id: row.subject_id };
    case 'report':
      return { type: 'reports.changed', id: row.subject_id };
  }
}

export async function decideApproval(core: Core, actor: Actor, input: { id: number; decision: 'approve' | 'return'; note: string }): Promise<void> {
  // The contract lets only leaders (and the administrator) call; the core says so too, for any other caller.
  if (actor.role !== 'leader' && actor.role !== 'admin') throw new UserError('forbidden', 'errors.approvals.leaderOnly');
  if (input.decision === 'return') requireText(input.note, 'note', 'fields.approvals.returnReason');
  const now = core.clock.now();
  const row = await core.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('approvals').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!found) throw notFound();
    if (found.status !== 'pending') throw new UserError('conflict', 'errors.approvals.notPending');
    if (input.decision === 'approve') await applyApproval(trx, found, actor, input.note, now);
    else if (found.kind === 'report') await returnReportInTrx(trx, found.subject_id, actor, input.note, now);
    await settleApproval(trx, found.id, input.decision === 'approve' ? 'approved' : 'returned', actor, input.note, now);
    await appendAudit(trx, {
      actor,
      at: now,
      action: input.decision === 'approve' ? 'approval.approve' : 'approval.return',
      entity: 'approval',
      entityId: found.id,
      before: { status: 'pending' },
      after: { kind: found.kind, subjectType: found.subject_type, subjectId: found.subject_id, status: input.decision === 'approve' ? 'approved' : 'returned', note: input.note },
    });
    return found;
  });
  core.emit(eventFor(row));
  core.emit({ type: 'approvals.changed', id: row.id });
}
