/**
 * Working on an information report: the workflow steps (核实, 研判, 审核, 报送上级), the link to a petition,
 * and the office's mark when the event was learnt from another source (瞒报, 漏报). Each is one transaction
 * with its timeline step and audit row.
 */
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database, InfoReportTable } from '../../db';
import type { reportCorrectionInputSchema, reportTransitionInputSchema } from '../../../shared/api';
import type { ReportFlag, ReportStatus, ReportStepAction } from '../../../shared/enums';
import { enumLabel } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, fieldName, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { refusePersonalNumbers } from '../warnings';
import { FUTURE_TOLERANCE_MS } from './intake';
import { allowedReportActions, isReportCorrectable, isReportFinished, nextReportStatus } from './workflow';
import { requestApproval, settlePendingApproval } from '../approvals/requests';

export type ParsedReportTransition = z.output<typeof reportTransitionInputSchema>;

type Trx = Kysely<Database>;
type Details = Record<string, string | number | null>;

async function step(trx: Trx, reportId: number, at: number, actor: Actor, action: ReportStepAction, from: ReportStatus | null, to: ReportStatus, note: string, details: Details) {
  await trx.insertInto('report_steps').values({ report_id: reportId, at, user_id: actor.id, action, from_status: from, to_status: to, note, details_json: JSON.stringify(details) }).execute();
}

export async function transitionReport(core: Core, actor: Actor, input: ParsedReportTransition): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const at = input.at ?? now;
  if (at > now + FUTURE_TOLERANCE_MS) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.reports.stepAt') });
  refusePersonalNumbers(
    [
      ['note', 'fields.reports.note', input.note],
      ['nature', 'fields.reports.nature', input.nature],
      ['opinion', 'fields.reports.opinion', input.opinion],
    ],
    'errors.reports.personalNumber',
  );
  const approvalId = await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('info_reports').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    const status = row.status;
    const to = nextReportStatus(status, input.action);
    if (to === null) {
      if (isReportFinished(status)) throw new UserError('illegal_transition', 'errors.reports.noneAllowed', { action: enumLabel('reportAction', input.action) });
      throw new UserError('illegal_transition', 'errors.reports.illegalTransition', {
        status: enumLabel('reportStatus', status),
        action: enumLabel('reportAction', input.action),
        allowed: allowedReportActions(status).map((a) => enumLabel('reportAction', a)).join('、'),
      });
    }
    const last = await trx.selectFrom('report_steps').select('at').where('report_id', '=', row.id).orderBy('at', 'desc').limit(1).executeTakeFirst();
    if (last && at < last.at) throw UserError.field('at', 'errors.reports.stepBeforeLast', { last: formatDateTime(last.at, office.timeZone) });

    let columns: Updateable<InfoReportTable> = {};
    let details: Details = {};
    switch (input.action) {
      case 'verify':
        if (input.verification === null) throw UserError.field('verification', 'errors.reports.verificationRequired');
        columns = { verification: input.verification, verification_note: input.note };
        details = { verification: enumLabel('verification', input.verification) };
        break;
      case 'analyse':
        requireText(input.nature, 'nature', 'fields.reports.natureRequired');
        if (input.urgency === null) throw UserError.field('urgency', 'errors.reports.urgencyRequired');
        requireText(input.opinion, 'opinion', 'fields.reports.opinion');
        columns = { nature: input.nature, urgency: input.urgency, opinion: input.opinion };
        details = { nature: input.nature, urgency: enumLabel('urgency', input.urgency) };
        break;
      case 'approve':
        // 审核 is a leader's signature: the logged-in person must be a leader (or the administrator).
        if (actor.role !== 'leader' && actor.role !== 'admin') throw new UserError('forbidden', 'errors.reports.approverRole');
        columns = { approved_by: actor.id, approved_at: at };
        details = { approver: actor.name };
        // Approved from the report's own page: the request waiting in the inbox is settled with it.
        await settlePendingApproval(trx, 'report', 'report', row.id, actor, input.note, now);
        break;
      case 'resubmit':
        break;
      case 'forward':
        requireText(input.forwardTo, 'forwardTo', 'fields.reports.forwardTo');
        columns = { forward_to: input.forwardTo, forwarded_at: at };
        details = { forwardTo: input.forwardTo };
        break;
    }
    await trx.updateTable('info_reports').set({ status: to, updated_at: now, ...columns }).where('id', '=', row.id).execute();
    await step(trx, row.id, at, actor, input.action, status, to, input.note, details);
    await appendAudit(trx, { actor, at: now, action: `report.${input.action}`, entity: 'report', entityId: row.id, before: { status }, after: { status: to, at, note: input.note, ...details } });
    // Analysed (or corrected after a return): the report waits in the leaders' inbox for 审核.
    if (to === 'analysed') return requestApproval(trx, { kind: 'report', subjectType: 'report', subjectId: row.id, reason: input.action === 'analyse' ? input.opinion : input.note, actor, now });
    return null;
  });
  core.emit({ type: 'reports.changed', id: input.id });
  if (approvalId !== null) core.emit({ type: 'approvals.changed', id: approvalId });
}

/** The leader approved the report in the approvals inbox: 审核 with the leader's name, as from the report's page. */
export async function approveReportInTrx(trx: Trx, reportId: number, decider: Actor, note: string, now: number): Promise<void> {
  const row = await trx.selectFrom('info_reports').select(['id', 'status']).where('id', '=', reportId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'analysed') throw new UserError('conflict', 'errors.reports.notAwaitingApproval', { status: enumLabel('reportStatus', row.status) });
  await trx.updateTable('info_reports').set({ status: 'approved', approved_by: decider.id, approved_at: now, updated_at: now }).where('id', '=', reportId).execute();
  await step(trx, reportId, now, decider, 'approve', 'analysed', 'approved', note, { approver: decider.name });
  await appendAudit(trx, { actor: decider, at: now, action: 'report.approve', entity: 'report', entityId: reportId, before: { status: 'analysed' }, after: { status: 'approved', note, approver: decider.name } });
}

/** The leader returned the report (退回) with a reason: it can be corrected and resubmitted. */
export async function returnReportInTrx(trx: Trx, reportId: number, decider: Actor, note: string, now: number): Promise<void> {
  const row = await trx.selectFrom('info_reports').select(['id', 'status']).where('id', '=', reportId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'analysed') throw new UserError('conflict', 'errors.reports.notAwaitingApproval', { status: enumLabel('reportStatus', row.status) });
  await trx.updateTable('info_reports').set({ status: 'returned', updated_at: now }).where('id', '=', reportId).execute();
  await step(trx, reportId, now, decider, 'return', 'analysed', 'returned', note, {});
  await appendAudit(trx, { actor: decider, at: now, action: 'report.return', entity: 'report', entityId: reportId, before: { status: 'analysed' }, after: { status: 'returned', note } });
}

const REPORT_FIELD_COLUMNS = {
  type: 'type',
  severity: 'severity',
  place: 'place',
  peopleCount: 'people_count',
  summary: 'summary',
  content: 'content',
  demands: 'demands',
} as const;

type ReportChanges = z.output<typeof reportCorrectionInputSchema>['changes'];

/** A correction (更正) of a report not yet approved: each changed field old → new on the timeline, before/after in the audit. */
export async function correctReport(core: Core, actor: Actor, input: { id: number; reason: string; changes: ReportChanges }): Promise<void> {
  requireText(input.reason, 'reason', 'fields.petitions.correctionReason');
  refusePersonalNumbers(
    [
      ['changes.summary', 'fields.reports.summary', input.changes.summary ?? ''],
      ['changes.content', 'fields.reports.content', input.changes.content ?? ''],
      ['changes.demands', 'fields.reports.demands', input.changes.demands ?? ''],
      ['changes.place', 'fields.reports.place', input.changes.place ?? ''],
      ['reason', 'fields.petitions.correctionReason', input.reason],
    ],
    'errors.reports.personalNumber',
  );
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('info_reports').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    if (!isReportCorrectable(row.status)) throw new UserError('illegal_transition', 'errors.reports.notCorrectable', { status: enumLabel('reportStatus', row.status) });
    const changes: { field: string; from: string; to: string }[] = [];
    const columns: Updateable<InfoReportTable> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(REPORT_FIELD_COLUMNS) as [keyof ReportChanges, (typeof REPORT_FIELD_COLUMNS)[keyof ReportChanges]][]) {
      const value = input.changes[field];
      if (value === undefined || value === row[column]) continue;
      const shown = (v: unknown) => (field === 'type' ? enumLabel('reportType', String(v)) : field === 'severity' ? enumLabel('reportSeverity', String(v)) : String(v));
      changes.push({ field, from: shown(row[column]), to: shown(value) });
      Object.assign(columns, { [column]: value });
      before[field] = row[column];
      after[field] = value;
    }
    if (changes.length === 0) throw UserError.field('changes', 'errors.petitions.correctionNoChange');
    await trx.updateTable('info_reports').set({ ...columns, updated_at: now }).where('id', '=', row.id).execute();
    await step(trx, row.id, now, actor, 'correct', row.status, row.status, input.reason, { changes: JSON.stringify(changes) });
    await appendAudit(trx, { actor, at: now, action: 'report.correct', entity: 'report', entityId: row.id, before, after: { ...after, reason: input.reason } });
  });
  core.emit({ type: 'reports.changed', id: input.id });
}

/** Links the report to the petition about the same matter, or (null) removes the link. */
export async function linkReportPetition(core: Core, actor: Actor, id: number, petitionId: number | null): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('info_reports').select(['id', 'status', 'petition_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    if (petitionId !== null) {
      const petition = await trx.selectFrom('petitions').select('id').where('id', '=', petitionId).executeTakeFirst();
      if (!petition) throw UserError.field('petitionId', 'errors.reports.petitionNotFound');
    }
    await trx.updateTable('info_reports').set({ petition_id: petitionId, updated_at: now }).where('id', '=', id).execute();
    const status = row.status;
    await step(trx, id, now, actor, 'link', status, status, '', { petitionId });
    await appendAudit(trx, { actor, at: now, action: 'report.linkPetition', entity: 'report', entityId: id, before: { petitionId: row.petition_id }, after: { petitionId } });
  });
  core.emit({ type: 'reports.changed', id });
}

/**
 * The office marks a report whose event it learnt from another source: 瞒报 (the unit knew and kept quiet)
 * or 漏报 (the unit missed it). The mark counts against the unit in the statistics; null removes it.
 */
export async function flagReport(core: Core, actor: Actor, id: number, flag: ReportFlag | null, note: string): Promise<void> {
  if (flag !== null) requireText(note, 'note', 'fields.reports.flagNoteRequired');
  refusePersonalNumbers([['note', 'fields.reports.flagNote', note]], 'errors.reports.personalNumber');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('info_reports').select(['id', 'status', 'flag', 'flag_note']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    await trx
      .updateTable('info_reports')
      .set({ flag, flag_note: flag === null ? '' : note, flagged_at: flag === null ? null : now, updated_at: now })
      .where('id', '=', id)
      .execute();
    const status = row.status;
    await step(trx, id, now, actor, 'flag', status, status, note, { flag: flag === null ? null : enumLabel('reportFlag', flag) });
    await appendAudit(trx, { actor, at: now, action: 'report.flag', entity: 'report', entityId: id, before: { flag: row.flag, note: row.flag_note }, after: { flag, note } });
  });
  core.emit({ type: 'reports.changed', id });
}
