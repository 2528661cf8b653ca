/**
 * Gives (or returns) the pending approval about a record as a leader would in the inbox, for tests that arrange
 * a step the leader approves.
 *
 * @example
 * await o.t.ok(o.clerk, 'warnings.lift', { id, outcome: '已化解' });
 * await approvePending(o.t, o.leader, 'warning', id);
 */
import type { ApprovalKind, ApprovalSubject } from '../../../shared/enums';
import type { TestApp } from './test-app';

export async function pendingApprovalId(t: TestApp, session: string, subjectType: ApprovalSubject, subjectId: number, kind?: ApprovalKind): Promise<number> {
  const { rows } = await t.ok(session, 'approvals.list', { status: 'pending', subjectType, subjectId });
  const found = rows.find((r) => kind === undefined || r.kind === kind);
  if (!found) throw new Error(`no pending approval about ${subjectType} ${subjectId}`);
  return found.id;
}

export async function approvePending(t: TestApp, leader: string, subjectType: ApprovalSubject, subjectId: number, note = '同意'): Promise<void> {
  await t.ok(leader, 'approvals.approve', { id: await pendingApprovalId(t, leader, subjectType, subjectId), note });
}
