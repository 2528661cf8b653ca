/**
 * A warning's life: issued (with the level the rules suggest, or another with a reason and a leader), the
 * responsible unit's feedback, supervision (督办) when feedback is late, level changes, and lifting (解除预警)
 * with its outcome, proposed by a clerk and approved by a leader in the approvals inbox. Each step is one transaction with its history entry, its
 * deadlines (which carry the alarms) and the audit row. A lifted warning takes no further steps.
 *
 * @example
 * const id = await issueWarning(core, actor, { title: '东风村征地补偿争议', unitId: 3, peopleCount: 12, escalation: 'province', … });
 * await addWarningFeedback(core, actor, { id, at: null, content: '已入户听取诉求', source: '东风村 村支书' });
 * await liftWarning(core, actor, { id, outcome: '补偿款已发放到位，群众表示满意' }); // waits for a leader's approval
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { dialectOf, type Database } from '../../db';
import type { warningIssueInputSchema } from '../../../shared/api';
import { DEFAULT_RESOLUTION_STEPS, type WarningAction, type WarningEventKind, type WarningLevel, type WarningLinkType } from '../../../shared/enums';
import { enumLabel, t } from '../../../shared/i18n';
import { formatDateTime, localParts } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { countyOwnOnly, formatPetitionNumber } from '../petitions';
import { closeDeadlines, loadCalendarContext, openFixedDeadline, refreshNextDue } from '../deadlines';
import { listWarningRules, suggestLevel } from './rules';
import { getWarningSettings } from './settings';
import { refusePersonalNumbers } from './privacy';
import { requestApproval, type ApprovalRow } from '../approvals/requests';

export type ParsedIssueInput = z.output<typeof warningIssueInputSchema>;

type Trx = Kysely<Database>;

export const WARNING_NUMBER_FORMAT = '预警〔{year}〕{seq}号';
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const PRIVACY_KEY = 'errors.warnings.personalNumber';

async function requireLeader(trx: Trx, userId: number | null, field: string, key: 'errors.warnings.leaderRequired' | 'errors.warnings.approverRequired'): Promise<string> {
  if (userId === null) throw UserError.field(field, key);
  const u = await trx.selectFrom('users').select(['display_name', 'role', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.active !== 1 || (u.role !== 'leader' && u.role !== 'admin')) throw UserError.field(field, key);
  return u.display_name;
}

async function subjectExists(trx: Trx, type: WarningLinkType, id: number): Promise<boolean> {
  const row =
    type === 'petition'
      ? await trx.selectFrom('petitions').select('id').where('id', '=', id).executeTakeFirst()
      : await trx.selectFrom('info_reports').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

interface EventValues {
  readonly warningId: number;
  readonly at: number;
  readonly kind: WarningEventKind;
  readonly actor: Actor;
  readonly note?: string;
  readonly source?: string;
  readonly fromLevel?: WarningLevel | null;
  readonly toLevel?: WarningLevel | null;
  readonly dueAt?: number | null;
  readonly approverId?: number | null;
  readonly details?: Record<string, unknown>;
}

async function addEvent(trx: Trx, e: EventValues): Promise<void> {
  await trx
    .insertInto('warning_events')
    .values({
      warning_id: e.warningId,
      at: e.at,
      kind: e.kind,
      user_id: e.actor.id,
      note: e.note ?? '',
      source: e.source ?? '',
      from_level: e.fromLevel ?? null,
      to_level: e.toLevel ?? null,
      due_at: e.dueAt ?? null,
      approver_id: e.approverId ?? null,
      details_json: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

async function openFeedbackDeadline(trx: Trx, warningId: number, level: WarningLevel, from: number, now: number, changed: boolean): Promise<number> {
  const settings = await getWarningSettings(trx);
  const hours = settings.feedbackHours[level];
  const dueAt = from + hours * HOUR_MS;
  const article = t(changed ? 'warnings.levelChangedArticle' : 'warnings.feedbackArticle', { level: enumLabel('warningLevel', level), hours });
  await openFixedDeadline(trx, await loadCalendarContext(trx), { subjectType: 'warning', subjectId: warningId, kind: 'warning_feedback', dueAt, startAt: from, article }, now);
  return dueAt;
}

export async function issueWarning(core: Core, actor: Actor, input: ParsedIssueInput): Promise<number> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const steps = input.resolutionSteps ?? [...DEFAULT_RESOLUTION_STEPS];
  if (steps.length === 0) throw UserError.field('resolutionSteps', 'errors.warnings.stepsRequired');
  refusePersonalNumbers(
    [
      ['title', 'fields.warnings.title', input.title],
      ['grievance', 'fields.warnings.grievance', input.grievance],
      ['overrideReason', 'fields.warnings.overrideReason', input.overrideReason],
      ...steps.map((s, i) => [`resolutionSteps.${i}`, 'fields.warnings.resolutionStep', s] as const),
    ],
    PRIVACY_KEY,
  );
  const facts = { peopleCount: input.peopleCount, escalation: input.escalation, collectiveEventHappened: input.collectiveEventHappened, urgent: input.urgent };
  const year = localParts(now, office.timeZone).year;

  const id = await core.db.transaction().execute(async (trx) => {
    const suggestion = suggestLevel(await listWarningRules(trx), facts, office.collectiveThreshold);
    const level = input.level ?? suggestion.level;
    const overriding = level !== suggestion.level;
    if (overriding) {
      if (!input.overrideReason) {
        throw UserError.field('overrideReason', 'errors.warnings.overrideReason', { suggested: enumLabel('warningLevel', suggestion.level), rule: suggestion.ruleDescription });
      }
      if (actor.role !== 'leader' && actor.role !== 'admin') throw new UserError('forbidden', 'errors.warnings.overrideNeedsLeader');
    }
    const place = await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!place) throw UserError.field('unitId', 'errors.warnings.placeRequired');
    const responsible = await trx.selectFrom('units').select(['name', 'active']).where('id', '=', input.responsibleUnitId).executeTakeFirst();
    if (!responsible || responsible.active !== 1) throw UserError.field('responsibleUnitId', 'errors.warnings.unitRequired');
    const leaderName = await requireLeader(trx, input.leadLeaderId, 'leadLeaderId', 'errors.warnings.leaderRequired');
    const links: [WarningLinkType, number][] = [
      ...[...new Set(input.petitionIds)].map((pid) => ['petition', pid] as [WarningLinkType, number]),
      ...[...new Set(input.reportIds)].map((rid) => ['report', rid] as [WarningLinkType, number]),
    ];
    for (const [type, sid] of links) {
      if (!(await subjectExists(trx, type, sid))) throw UserError.field(type === 'petition' ? 'petitionIds' : 'reportIds', 'errors.warnings.linkNotFound', { type: enumLabel('warningLinkType', type) });
    }
    await dialectOf(trx).lockNumberSeries(trx, 'warning', year);
    const last = await trx.selectFrom('warnings').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', year).$if(countyOwnOnly(trx), (q) => q.where('township', '=', '')).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const number = formatPetitionNumber(WARNING_NUMBER_FORMAT, year, seq);
    const row = await trx
      .insertInto('warnings')
      .values({
        number,
        year,
        seq,
        title: input.title,
        unit_id: input.unitId,
        people_count: input.peopleCount,
        grievance: input.grievance,
        escalation: input.escalation,
        collective_event: input.collectiveEventHappened ? 1 : 0,
        urgent: input.urgent ? 1 : 0,
        suggested_level: suggestion.level,
        suggested_rule_id: suggestion.ruleId,
        suggested_rule_text: suggestion.ruleDescription,
        level,
        override_reason: overriding ? input.overrideReason : '',
        responsible_unit_id: input.responsibleUnitId,
        lead_leader_id: input.leadLeaderId,
        resolution_steps_json: JSON.stringify(steps),
        status: 'active',
        issued_at: now,
        issued_by: actor.id,
        next_due_at: null,
        next_due_kind: null,
        lifted_at: null,
        lift_outcome: '',
        lift_approved_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (links.length > 0) {
      await trx.insertInto('warning_links').values(links.map(([type, sid]) => ({ warning_id: row.id, link_type: type, subject_id: sid, created_at: now }))).execute();
    }
    const dueAt = await openFeedbackDeadline(trx, row.id, level, now, now, false);
    await addEvent(trx, {
      warningId: row.id,
      at: now,
      kind: 'issue',
      actor,
      note: overriding ? input.overrideReason : '',
      toLevel: level,
      dueAt,
      details: { suggestedLevel: suggestion.level, rule: suggestion.ruleDescription, responsibleUnit: responsible.name, leader: leaderName },
    });
    await refreshNextDue(trx, row.id, 'warning');
    await appendAudit(trx, {
      actor,
      at: now,
      action: 'warning.issue',
      entity: 'warning',
      entityId: row.id,
      after: { number, ...input, resolutionSteps: steps, level, suggestion, feedbackDueAt: dueAt },
    });
    return row.id;
  });
  core.emit({ type: 'warnings.changed', id });
  return id;
}

/** Loads a warning for a step; a lifted warning refuses every step, saying when it was lifted. */
async function activeWarning(trx: Trx, id: number, action: WarningAction | 'link', timeZone: string) {
  const row = await trx.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'active') {
    const label = action === 'link' ? enumLabel('warningEvent', 'link') : enumLabel('warningAction', action);
    throw new UserError('illegal_transition', 'errors.warnings.lifted', { at: formatDateTime(row.lifted_at ?? row.updated_at, timeZone), action: label });
  }
  return row;
}

async function requireAfterLast(trx: Trx, id: number, at: number, timeZone: string): Promise<void> {
  const last = await trx.selectFrom('warning_events').select('at').where('warning_id', '=', id).orderBy('at', 'desc').limit(1).executeTakeFirst();
  if (last && at < last.at) throw UserError.field('at', 'errors.warnings.stepBeforeLast', { last: formatDateTime(last.at, timeZone) });
}

/** Open feedback and supervision deadlines of a warning, earliest first. */
export async function openFeedbackDeadlines(db: Kysely<Database>, warningId: number) {
  return db
    .selectFrom('deadlines')
    .select(['id', 'kind', 'due_at'])
    .where('subject_type', '=', 'warning')
    .where('subject_id', '=', warningId)
    .where('status', '=', 'open')
    .where('kind', 'in', ['warning_feedback', 'supervision'])
    .orderBy('due_at')
    .execute();
}

/** The responsible unit's feedback, recorded by the office: it meets the feedback and supervision deadlines. */
export async function addWarningFeedback(core: Core, actor: Actor, input: { id: number; at: number | null; content: string; source: string }): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const at = input.at ?? now;
  if (at > now + FUTURE_TOLERANCE_MS) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.warnings.feedbackAt') });
  requireText(input.content, 'content', 'fields.warnings.feedbackContent');
  refusePersonalNumbers([['content', 'fields.warnings.feedbackContent', input.content], ['source', 'fields.warnings.feedbackSource', input.source]], PRIVACY_KEY);
  await core.db.transaction().execute(async (trx) => {
    await activeWarning(trx, input.id, 'feedback', office.timeZone);
    await requireAfterLast(trx, input.id, at, office.timeZone);
    const due = await openFeedbackDeadlines(trx, input.id);
    await closeDeadlines(trx, input.id, ['warning_feedback', 'supervision'], 'met', at, 'warning');
    const lateMs = due.length > 0 ? Math.max(0, at - (due[0]?.due_at ?? at)) : 0;
    await addEvent(trx, { warningId: input.id, at, kind: 'feedback', actor, note: input.content, source: input.source, details: { lateMs } });
    await trx.updateTable('warnings').set({ updated_at: now }).where('id', '=', input.id).execute();
    await refreshNextDue(trx, input.id, 'warning');
    await appendAudit(trx, { actor, at: now, action: 'warning.feedback', entity: 'warning', entityId: input.id, after: { ...input, at, lateMs } });
  });
  core.emit({ type: 'warnings.changed', id: input.id });
}

/**
 * A supervision notice (督办) when the feedback (or an earlier supervision) is overdue. It sets its own
 * deadline, which replaces an earlier supervision's; the overdue feedback deadline stays open until feedback.
 */
export async function superviseWarning(core: Core, actor: Actor, input: { id: number; note: string; dueAt: number | null }): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  refusePersonalNumbers([['note', 'fields.warnings.supervisionNote', input.note]], PRIVACY_KEY);
  await core.db.transaction().execute(async (trx) => {
    await activeWarning(trx, input.id, 'supervise', office.timeZone);
    const due = await openFeedbackDeadlines(trx, input.id);
    const first = due[0];
    if (!first) throw new UserError('illegal_transition', 'errors.warnings.noFeedbackDue');
    if (first.due_at > now) throw new UserError('illegal_transition', 'errors.warnings.supervisionNotDue', { due: formatDateTime(first.due_at, office.timeZone) });
    requireText(input.note, 'note', 'fields.warnings.supervisionNote');
    const settings = await getWarningSettings(trx);
    const dueAt = input.dueAt ?? now + settings.supervisionHours * HOUR_MS;
    if (dueAt <= now) throw UserError.field('dueAt', 'errors.warnings.dueNotAfterNow');
    await closeDeadlines(trx, input.id, ['supervision'], 'cancelled', now, 'warning');
    const article = t('warnings.supervisionArticle', { due: formatDateTime(dueAt, office.timeZone) });
    await openFixedDeadline(trx, await loadCalendarContext(trx), { subjectType: 'warning', subjectId: input.id, kind: 'supervision', dueAt, startAt: now, article }, now);
    await addEvent(trx, { warningId: input.id, at: now, kind: 'supervise', actor, note: input.note, dueAt, details: { overdueSince: first.due_at } });
    await trx.updateTable('warnings').set({ updated_at: now }).where('id', '=', input.id).execute();
    await refreshNextDue(trx, input.id, 'warning');
    await appendAudit(trx, { actor, at: now, action: 'warning.supervise', entity: 'warning', entityId: input.id, after: { note: input.note, dueAt } });
  });
  core.emit({ type: 'warnings.changed', id: input.id });
}

/** Raises or lowers the level, with a reason; feedback is due again from now by the new level. */
export async function changeWarningLevel(core: Core, actor: Actor, input: { id: number; level: WarningLevel; reason: string }): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  requireText(input.reason, 'reason', 'fields.warnings.overrideReason');
  refusePersonalNumbers([['reason', 'fields.warnings.overrideReason', input.reason]], PRIVACY_KEY);
  await core.db.transaction().execute(async (trx) => {
    const row = await activeWarning(trx, input.id, 'change_level', office.timeZone);
    const from = row.level;
    if (from === input.level) throw UserError.field('level', 'errors.warnings.sameLevel', { level: enumLabel('warningLevel', from) });
    await closeDeadlines(trx, input.id, ['warning_feedback'], 'cancelled', now, 'warning');
    const dueAt = await openFeedbackDeadline(trx, input.id, input.level, now, now, true);
    await trx.updateTable('warnings').set({ level: input.level, updated_at: now }).where('id', '=', input.id).execute();
    await addEvent(trx, { warningId: input.id, at: now, kind: 'change_level', actor, note: input.reason, fromLevel: from, toLevel: input.level, dueAt });
    await refreshNextDue(trx, input.id, 'warning');
    await appendAudit(trx, { actor, at: now, action: 'warning.changeLevel', entity: 'warning', entityId: input.id, before: { level: from }, after: { level: input.level, reason: input.reason, feedbackDueAt: dueAt } });
  });
  core.emit({ type: 'warnings.changed', id: input.id });
}

/** Proposes lifting the warning (解除预警) with its outcome; a leader approves it in the approvals inbox. */
export async function liftWarning(core: Core, actor: Actor, input: { id: number; outcome: string }): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  requireText(input.outcome, 'outcome', 'fields.warnings.outcome');
  refusePersonalNumbers([['outcome', 'fields.warnings.outcome', input.outcome]], PRIVACY_KEY);
  const approvalId = await core.db.transaction().execute(async (trx) => {
    await activeWarning(trx, input.id, 'lift', office.timeZone);
    return requestApproval(trx, { kind: 'warning_lift', subjectType: 'warning', subjectId: input.id, reason: input.outcome, payload: { outcome: input.outcome }, actor, now });
  });
  core.emit({ type: 'warnings.changed', id: input.id });
  core.emit({ type: 'approvals.changed', id: approvalId });
}

/** The leader approved the lift: the warning is lifted with the outcome, its open deadlines end. */
export async function applyApprovedLift(trx: Trx, approval: ApprovalRow, decider: Actor, now: number): Promise<void> {
  const office = await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirstOrThrow();
  const id = approval.subject_id;
  const outcome = (JSON.parse(approval.payload_json) as { outcome: string }).outcome;
  await activeWarning(trx, id, 'lift', office.time_zone);
  const requester = await trx.selectFrom('users').select(['id', 'display_name', 'role']).where('id', '=', approval.requested_by).executeTakeFirstOrThrow();
  // The history names who proposed the lift and the leader who approved it.
  const proposer: Actor = { id: requester.id, name: requester.display_name, role: requester.role };
  await closeDeadlines(trx, id, 'all', 'cancelled', now, 'warning');
  await trx
    .updateTable('warnings')
    .set({ status: 'lifted', lifted_at: now, lift_outcome: outcome, lift_approved_by: decider.id, updated_at: now })
    .where('id', '=', id)
    .execute();
  await addEvent(trx, { warningId: id, at: now, kind: 'lift', actor: proposer, note: outcome, approverId: decider.id, details: { approver: decider.name } });
  await refreshNextDue(trx, id, 'warning');
  await appendAudit(trx, { actor: decider, at: now, action: 'warning.lift', entity: 'warning', entityId: id, before: { status: 'active' }, after: { status: 'lifted', outcome, approver: decider.name } });
}

/** Links a petition or report to the warning (or removes the link); linking twice changes nothing. */
export async function linkWarning(core: Core, actor: Actor, input: { id: number; linkType: WarningLinkType; subjectId: number; linked: boolean }): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const changed = await core.db.transaction().execute(async (trx) => {
    await activeWarning(trx, input.id, 'link', office.timeZone);
    const existing = await trx
      .selectFrom('warning_links')
      .select('warning_id')
      .where('warning_id', '=', input.id)
      .where('link_type', '=', input.linkType)
      .where('subject_id', '=', input.subjectId)
      .executeTakeFirst();
    if (input.linked === (existing !== undefined)) return false;
    if (input.linked) {
      if (!(await subjectExists(trx, input.linkType, input.subjectId))) throw UserError.field('subjectId', 'errors.warnings.linkNotFound', { type: enumLabel('warningLinkType', input.linkType) });
      await trx.insertInto('warning_links').values({ warning_id: input.id, link_type: input.linkType, subject_id: input.subjectId, created_at: now }).execute();
    } else {
      await trx.deleteFrom('warning_links').where('warning_id', '=', input.id).where('link_type', '=', input.linkType).where('subject_id', '=', input.subjectId).execute();
    }
    await addEvent(trx, { warningId: input.id, at: now, kind: input.linked ? 'link' : 'unlink', actor, details: { type: input.linkType, id: input.subjectId } });
    await trx.updateTable('warnings').set({ updated_at: now }).where('id', '=', input.id).execute();
    await appendAudit(trx, { actor, at: now, action: input.linked ? 'warning.link' : 'warning.unlink', entity: 'warning', entityId: input.id, after: { type: input.linkType, id: input.subjectId } });
    return true;
  });
  if (changed) core.emit({ type: 'warnings.changed', id: input.id });
}
