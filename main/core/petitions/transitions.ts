/**
 * Moving a petition through its workflow: the legal-transition check, what each step requires, and the
 * deadlines each step meets or opens, in one transaction with the timeline step and the audit row.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db';
import type { transitionInputSchema } from '../../../shared/api';
import { enumLabel } from '../../../shared/i18n';
import type { Category, Decision, PetitionAction } from '../../../shared/enums';
import { DAY_MS, formatDateTime, localDateOf } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, fieldName, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { closeDeadlines, loadCalendarContext, openDeadline, refreshNextDue, type CalendarContext } from '../deadlines';
import { allowedActions, hasHandlingPeriod, isTerminal, nextStatus } from './workflow';

export type ParsedTransition = z.output<typeof transitionInputSchema>;

const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const MAX_EXTENSION_DAYS = 30;

type Trx = Kysely<Database>;

interface StepContext {
  readonly trx: Trx;
  readonly cal: CalendarContext;
  readonly petitionId: number;
  readonly at: number;
  readonly startDate: string;
  readonly now: number;
}

async function requireLeader(trx: Trx, leaderId: number | undefined, field: string): Promise<string> {
  if (leaderId === undefined) throw UserError.field(field, 'errors.petitions.leaderRequired');
  const leader = await trx.selectFrom('users').select(['display_name', 'role', 'active']).where('id', '=', leaderId).executeTakeFirst();
  if (!leader || leader.active !== 1 || (leader.role !== 'leader' && leader.role !== 'admin')) throw UserError.field(field, 'errors.petitions.leaderRequired');
  return leader.display_name;
}

async function requireUnit(trx: Trx, unitId: number | undefined): Promise<string> {
  if (unitId === undefined) throw UserError.field('unitId', 'errors.petitions.unitRequired');
  const unit = await trx.selectFrom('units').select(['name', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.active !== 1) throw UserError.field('unitId', 'errors.petitions.unitRequired');
  return unit.name;
}

/** A petitioner's request counts only inside their 30-day window (Arts. 35, 36). */
async function requireWithinWindow(ctx: StepContext, kind: 'review_request_window' | 'rereview_request_window'): Promise<void> {
  const window = await ctx.trx
    .selectFrom('deadlines')
    .select('due_at')
    .where('subject_type', '=', 'petition')
    .where('subject_id', '=', ctx.petitionId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (window && ctx.at >= window.due_at) {
    // The window ends at 24:00 of its last day; any moment of the next day is already one day late.
    const days = Math.floor((ctx.at - window.due_at) / DAY_MS) + 1;
    throw UserError.field('at', kind === 'review_request_window' ? 'errors.petitions.reviewLate' : 'errors.petitions.rereviewLate', { days });
  }
}

type Details = Record<string, string | number | null>;

interface StepColumns {
  responsible_unit_id?: number | null;
  lead_leader_id?: number | null;
  decision?: Decision | null;
  extended_days?: number;
}

/** Checks what the step needs, applies its effect on deadlines and columns, and returns the timeline details. */
async function applyStep(
  ctx: StepContext,
  action: PetitionAction,
  input: ParsedTransition,
  petition: { category: Category; claim_item: number | null; extended_days: number },
): Promise<{ details: Details; columns: StepColumns }> {
  const { trx, cal, petitionId, at, startDate, now } = ctx;
  const open = (kind: Parameters<typeof openDeadline>[2]['kind'], days: number, article: string, officeDuty = true, unit: 'calendar_days' | 'working_days' = 'calendar_days') =>
    openDeadline(trx, cal, { subjectId: petitionId, kind, startDate, unit, days, article, officeDuty }, now);

  switch (action) {
    case 'forward':
      requireText(input.targetBody, 'targetBody', 'fields.petitions.targetBody');
      await closeDeadlines(trx, petitionId, ['forward'], 'met', at);
      return { details: { targetBody: input.targetBody }, columns: {} };
    case 'assign': {
      const unitName = await requireUnit(trx, input.unitId);
      await closeDeadlines(trx, petitionId, ['forward'], 'met', at);
      await open('objection', 5, '《信访工作条例》第二十三条第三款', false, 'working_days');
      return { details: { unit: unitName }, columns: { responsible_unit_id: input.unitId ?? null } };
    }
    case 'accept':
      await closeDeadlines(trx, petitionId, ['forward', 'acceptance_notice'], 'met', at);
      await closeDeadlines(trx, petitionId, ['objection'], 'cancelled', at);
      if (hasHandlingPeriod({ category: petition.category, claimItem: petition.claim_item })) {
        await open('handling', 60, '《信访工作条例》第三十四条');
      }
      return { details: { noticeOnTheSpot: input.noticeOnTheSpot ? 1 : 0 }, columns: {} };
    case 'reject':
      requireText(input.note, 'note', 'fields.petitions.rejectReason');
      await closeDeadlines(trx, petitionId, ['forward', 'acceptance_notice'], 'met', at);
      await closeDeadlines(trx, petitionId, ['objection'], 'cancelled', at);
      return { details: {}, columns: {} };
    case 'start_handling': {
      const unitName = await requireUnit(trx, input.unitId);
      const leaderName = await requireLeader(trx, input.leaderId, 'leaderId');
      return {
        details: { unit: unitName, leader: leaderName },
        columns: { responsible_unit_id: input.unitId ?? null, lead_leader_id: input.leaderId ?? null },
      };
    }
    case 'extend':
      // An extension is the leader's to give: asked with petitions.extension.request, applied on approval.
      throw new UserError('illegal_transition', 'errors.petitions.extendByRequest');
    case 'reply':
      if (!input.decision) throw UserError.field('decision', 'errors.generic.required', { field: fieldName('fields.petitions.replyDecision') });
      requireText(input.basis, 'basis', 'fields.petitions.basis');
      await closeDeadlines(trx, petitionId, ['handling'], 'met', at);
      await open('review_request_window', 30, '《信访工作条例》第三十五条', false);
      return { details: { decision: enumLabel('decision', input.decision), basis: input.basis }, columns: { decision: input.decision } };
    case 'request_review':
      await requireWithinWindow(ctx, 'review_request_window');
      await closeDeadlines(trx, petitionId, ['review_request_window'], 'met', at);
      await open('review', 30, '《信访工作条例》第三十五条');
      return { details: {}, columns: {} };
    case 'review':
    case 'rereview': {
      if (!input.decision) throw UserError.field('decision', 'errors.generic.required', { field: fieldName(action === 'review' ? 'fields.petitions.reviewDecision' : 'fields.petitions.rereviewDecision') });
      await closeDeadlines(trx, petitionId, [action], 'met', at);
      if (action === 'review') await open('rereview_request_window', 30, '《信访工作条例》第三十六条', false);
      return { details: { decision: enumLabel('decision', input.decision), basis: input.basis }, columns: { decision: input.decision } };
    }
    case 'request_rereview':
      await requireWithinWindow(ctx, 'rereview_request_window');
      await closeDeadlines(trx, petitionId, ['rereview_request_window'], 'met', at);
      await open('rereview', 30, '《信访工作条例》第三十六条');
      return { details: {}, columns: {} };
    case 'close':
      await closeDeadlines(trx, petitionId, 'all', 'cancelled', at);
      return { details: {}, columns: {} };
    case 'withdraw':
      requireText(input.note, 'note', 'fields.petitions.withdrawReason');
      await closeDeadlines(trx, petitionId, 'all', 'cancelled', at);
      return { details: {}, columns: {} };
  }
}

export async function transitionPetition(core: Core, actor: Actor, input: ParsedTransition): Promise<void> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const at = input.at ?? now;
  if (at > now + FUTURE_TOLERANCE_MS) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.petitions.stepAt') });

  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('petitions').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'voided') throw new UserError('illegal_transition', 'errors.petitions.voided', { reason: row.void_reason });
    const status = row.status;
    const category = row.category;
    if (input.action === 'extend' && row.extended_days > 0 && !isTerminal(status)) {
      throw new UserError('illegal_transition', 'errors.petitions.alreadyExtended');
    }
    const to = nextStatus(status, input.action);
    const allowed = allowedActions({ status, category, claimItem: row.claim_item, extendedDays: row.extended_days });
    if (to === null || (!allowed.includes(input.action) && input.action !== 'extend')) {
      if (isTerminal(status)) {
        throw new UserError('illegal_transition', 'errors.petitions.noneAllowed', { status: enumLabel('status', status) });
      }
      throw new UserError('illegal_transition', 'errors.petitions.illegalTransition', {
        status: enumLabel('status', status),
        action: enumLabel('action', input.action),
        allowed: allowed.map((a) => enumLabel('action', a)).join('、'),
      });
    }
    const last = await trx.selectFrom('petition_steps').select('at').where('petition_id', '=', row.id).orderBy('at', 'desc').limit(1).executeTakeFirst();
    if (last && at < last.at) {
      throw UserError.field('at', 'errors.petitions.stepBeforeLast', { last: formatDateTime(last.at, office.timeZone) });
    }
    if (input.action === 'extend' && !hasHandlingPeriod({ category, claimItem: row.claim_item })) {
      throw new UserError('illegal_transition', 'errors.petitions.illegalTransition', {
        status: enumLabel('status', status),
        action: enumLabel('action', input.action),
        allowed: allowed.map((a) => enumLabel('action', a)).join('、'),
      });
    }
    const cal = await loadCalendarContext(trx);
    const ctx: StepContext = { trx, cal, petitionId: row.id, at, startDate: localDateOf(at, office.timeZone), now };
    const { details, columns } = await applyStep(ctx, input.action, input, row as typeof row & { category: Category });
    await trx
      .updateTable('petitions')
      .set({ status: to, updated_at: now, ...columns })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('petition_steps')
      .values({
        petition_id: row.id,
        at,
        user_id: actor.id,
        action: input.action,
        from_status: status,
        to_status: to,
        note: input.note,
        details_json: JSON.stringify(details),
      })
      .execute();
    await refreshNextDue(trx, row.id);
    await appendAudit(trx, {
      actor,
      at: now,
      action: `petition.${input.action}`,
      entity: 'petition',
      entityId: row.id,
      before: { status },
      after: { status: to, at, note: input.note, ...details },
    });
  });
  core.emit({ type: 'petitions.changed', id: input.id });
}
