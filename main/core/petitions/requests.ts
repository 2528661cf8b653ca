/**
 * What a clerk asks a leader for about a petition, and what happens when the leader approves: extending the
 * handling period (Art. 34: once, at most 30 days, asked before the period ends) and voiding a mistaken
 * registration (作废: the row and its number stay, marked with the reason; its deadlines and alarms end).
 *
 * @example
 * await requestExtension(core, clerk, { id: 7, days: 30, note: '涉及多户，需补充调查' });
 * await requestVoid(core, clerk, { id: 9, reason: '与信〔2026〕0012号重复登记' });
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { enumLabel } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { closeDeadlines, extendDeadline, loadCalendarContext, refreshNextDue } from '../deadlines';
import { requestApproval, returnPendingApprovals, type ApprovalRow } from '../approvals/requests';
import { allowedActions, hasHandlingPeriod, nextStatus } from './workflow';
import { MAX_EXTENSION_DAYS } from './transitions';

type Trx = Kysely<Database>;

async function standingPetition(trx: Trx, id: number) {
  const row = await trx.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status === 'voided') throw new UserError('illegal_transition', 'errors.petitions.voided', { reason: row.void_reason });
  return row;
}

/** Refuses an extension the law does not allow now: wrong status, not item 6, already extended, period over. */
async function checkExtension(trx: Trx, id: number, now: number, timeZone: string) {
  const row = await standingPetition(trx, id);
  if (row.extended_days > 0) throw new UserError('illegal_transition', 'errors.petitions.alreadyExtended');
  const facts = { status: row.status, category: row.category, claimItem: row.claim_item, extendedDays: row.extended_days };
  if (nextStatus(row.status, 'extend') === null || !hasHandlingPeriod(facts)) {
    throw new UserError('illegal_transition', 'errors.petitions.illegalTransition', {
      status: enumLabel('status', row.status),
      action: enumLabel('action', 'extend'),
      allowed: allowedActions(facts).map((a) => enumLabel('action', a)).join('、'),
    });
  }
  const handling = await trx
    .selectFrom('deadlines')
    .select('due_at')
    .where('subject_type', '=', 'petition')
    .where('subject_id', '=', id)
    .where('kind', '=', 'handling')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (handling && now >= handling.due_at) throw new UserError('illegal_transition', 'errors.petitions.extensionTooLate', { due: formatDateTime(handling.due_at, timeZone) });
  return row;
}

/** The reason is `note`, as on every workflow step: it is told to the petitioner. */
export async function requestExtension(core: Core, actor: Actor, input: { id: number; days?: number | undefined; note: string }): Promise<void> {
  const days = input.days;
  if (days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) throw UserError.field('days', 'errors.petitions.extensionDays');
  requireText(input.note, 'note', 'fields.petitions.extensionReason');
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const approvalId = await core.db.transaction().execute(async (trx) => {
    await checkExtension(trx, input.id, now, office.timeZone);
    return requestApproval(trx, { kind: 'extension', subjectType: 'petition', subjectId: input.id, reason: input.note, payload: { days }, actor, now });
  });
  core.emit({ type: 'petitions.changed', id: input.id });
  core.emit({ type: 'approvals.changed', id: approvalId });
}

/** On approval: the handling period moves by the days asked, the petition is 已延期, the step names both people. */
export async function applyApprovedExtension(trx: Trx, approval: ApprovalRow, decider: Actor, now: number): Promise<void> {
  const office = await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirstOrThrow();
  // Asked in time is what the law requires; the leader may decide after the period's last day.
  const row = await standingPetition(trx, approval.subject_id);
  if (row.extended_days > 0) throw new UserError('illegal_transition', 'errors.petitions.alreadyExtended');
  if (nextStatus(row.status, 'extend') === null) {
    throw new UserError('illegal_transition', 'errors.petitions.noLongerExtendable', { status: enumLabel('status', row.status) });
  }
  const days = (JSON.parse(approval.payload_json) as { days: number }).days;
  const cal = await loadCalendarContext(trx);
  await extendDeadline(trx, cal, row.id, 'handling', days, now);
  await trx.updateTable('petitions').set({ status: 'extended', extended_days: days, updated_at: now }).where('id', '=', row.id).execute();
  const requester = await trx.selectFrom('users').select('display_name').where('id', '=', approval.requested_by).executeTakeFirst();
  await trx
    .insertInto('petition_steps')
    .values({
      petition_id: row.id,
      at: now,
      user_id: approval.requested_by,
      action: 'extend',
      from_status: row.status,
      to_status: 'extended',
      note: approval.reason,
      details_json: JSON.stringify({ days, approver: decider.name, requestedAt: formatDateTime(approval.requested_at, office.time_zone) }),
    })
    .execute();
  await refreshNextDue(trx, row.id);
  await appendAudit(trx, {
    actor: decider,
    at: now,
    action: 'petition.extend',
    entity: 'petition',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'extended', days, reason: approval.reason, requestedBy: requester?.display_name ?? '', approver: decider.name },
  });
}

export async function requestVoid(core: Core, actor: Actor, input: { id: number; reason: string }): Promise<void> {
  requireText(input.reason, 'reason', 'fields.petitions.voidReason');
  const now = core.clock.now();
  const approvalId = await core.db.transaction().execute(async (trx) => {
    await standingPetition(trx, input.id);
    return requestApproval(trx, { kind: 'void', subjectType: 'petition', subjectId: input.id, reason: input.reason, actor, now });
  });
  core.emit({ type: 'petitions.changed', id: input.id });
  core.emit({ type: 'approvals.changed', id: approvalId });
}

/** On approval: 作废 with the reason; deadlines (and so alarms) cancelled; other waiting requests returned. */
export async function applyApprovedVoid(trx: Trx, approval: ApprovalRow, decider: Actor, now: number): Promise<void> {
  const row = await standingPetition(trx, approval.subject_id);
  await closeDeadlines(trx, row.id, 'all', 'cancelled', now);
  await trx.updateTable('petitions').set({ status: 'voided', void_reason: approval.reason, voided_at: now, updated_at: now }).where('id', '=', row.id).execute();
  await trx
    .insertInto('petition_steps')
    .values({
      petition_id: row.id,
      at: now,
      user_id: approval.requested_by,
      action: 'void',
      from_status: row.status,
      to_status: 'voided',
      note: approval.reason,
      details_json: JSON.stringify({ approver: decider.name }),
    })
    .execute();
  await refreshNextDue(trx, row.id);
  await returnPendingApprovals(trx, 'petition', row.id, decider, approval.reason, now, approval.id);
  await appendAudit(trx, {
    actor: decider,
    at: now,
    action: 'petition.void',
    entity: 'petition',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'voided', reason: approval.reason, approver: decider.name, number: row.number },
  });
}
