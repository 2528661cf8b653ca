/**
 * Corrections (更正): a clerk changes what was registered, with a reason; the timeline shows each changed field
 * old → new and the audit keeps before and after. The number never changes. When a correction changes what a
 * deadline was computed from, the open deadlines are worked out again and say so. After acceptance, a correction
 * of the received-at or the category waits for a leader's approval.
 *
 * @example
 * await correctPetition(core, clerk, { id: 7, reason: '收到日期录错，以信封邮戳为准', changes: { receivedAt } });
 */
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, PetitionTable } from '../../db';
import type { FieldChange, petitionCorrectionInputSchema, PetitionerCorrection } from '../../../shared/api';
import {
  DEADLINE_BASIS_FIELDS,
  LATE_CORRECTION_FIELDS,
  type CorrectablePetitionField,
} from '../../../shared/enums';
import { enumLabel, t } from '../../../shared/i18n';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../shared/id-number';
import { formatDateTime, localDateOf } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { closeDeadlines, loadCalendarContext, openDeadline, refreshNextDue, restartDeadline } from '../deadlines';
import { requestApproval, type ApprovalRow } from '../approvals/requests';
import { validatePetition, type ParsedPetitionInput } from './intake';
import { hasHandlingPeriod } from './workflow';
import { summaryName } from './names';
import { insertPetitioners } from './petitioner-rows';

type Trx = Kysely<Database>;
type CorrectionInput = z.output<typeof petitionCorrectionInputSchema>;
type Changes = CorrectionInput['changes'];

interface StoredPetitioner {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly isRepresentative: boolean;
}

/** The values a correction sets, as stored with a request that waits for approval. */
export interface CorrectionValues {
  readonly petitioners?: readonly StoredPetitioner[];
  readonly channel?: ParsedPetitionInput['channel'];
  readonly receivedAt?: number;
  readonly peopleCount?: number;
  readonly category?: ParsedPetitionInput['category'];
  readonly claimItem?: number | null;
  readonly topicId?: number | null;
  readonly unitId?: number | null;
  readonly summary?: string;
  readonly request?: string;
  readonly factsReasons?: string;
}

type PetitionRow = Selectable<PetitionTable>;

async function currentPetitioners(trx: Trx, petitionId: number) {
  return trx.selectFrom('petitioners').selectAll().where('petition_id', '=', petitionId).orderBy('ord').execute();
}

/** The petitioners as they will be: a kept row keeps its ID number and phone unless new ones are typed. */
function resolvePetitioners(rows: readonly PetitionerCorrection[], existing: Awaited<ReturnType<typeof currentPetitioners>>): StoredPetitioner[] {
  return rows.map((p, i) => {
    const before = p.id !== undefined ? existing.find((e) => e.id === p.id) : undefined;
    if (p.id !== undefined && !before) throw UserError.field(`changes.petitioners.${i}`, 'errors.petitions.petitionerNotFound', { index: i + 1 });
    return {
      name: (p.name ?? '').trim(),
      idNumber: p.idNumber !== undefined ? (p.idNumber ? normalizeIdNumber(p.idNumber) : '') : (before?.id_number ?? ''),
      phone: p.phone !== undefined ? p.phone : (before?.phone ?? ''),
      address: (p.address ?? '').trim(),
      isRepresentative: p.isRepresentative ?? false,
    };
  });
}

function petitionersText(list: readonly StoredPetitioner[]): string {
  return list
    .map((p) => [p.name, p.idNumber ? maskIdNumber(p.idNumber) : '', p.phone ? maskPhone(p.phone) : '', p.address, p.isRepresentative ? t('petitions.representative') : ''].filter(Boolean).join(' '))
    .join('；');
}

async function nameOf(trx: Trx, table: 'topics' | 'units', id: number | null): Promise<string> {
  if (id === null) return t('approvals.correction.none');
  const row = await trx.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? String(id);
}

/** A field's value in words (a channel's name, a time in the office's zone, a unit's name). */
async function display(trx: Trx, field: CorrectablePetitionField, value: unknown, timeZone: string): Promise<string> {
  switch (field) {
    case 'channel':
      return enumLabel('channel', String(value));
    case 'category':
      return enumLabel('category', String(value));
    case 'claimItem':
      return value === null || value === undefined ? t('approvals.correction.none') : enumLabel('claimItem', Number(value));
    case 'receivedAt':
      return formatDateTime(Number(value), timeZone);
    case 'topicId':
      return nameOf(trx, 'topics', (value as number | null) ?? null);
    case 'unitId':
      return nameOf(trx, 'units', (value as number | null) ?? null);
    case 'peopleCount':
      return t('petitions.peopleCount', { count: Number(value) });
    case 'petitioners':
      return petitionersText(value as StoredPetitioner[]);
    default:
      return String(value ?? '');
  }
}

function rowValue(row: PetitionRow, stored: readonly StoredPetitioner[], field: CorrectablePetitionField): unknown {
  switch (field) {
    case 'petitioners':
      return stored;
    case 'channel':
      return row.channel;
    case 'receivedAt':
      return row.received_at;
    case 'peopleCount':
      return row.people_count;
    case 'category':
      return row.category;
    case 'claimItem':
      return row.claim_item;
    case 'topicId':
      return row.topic_id;
    case 'unitId':
      return row.unit_id;
    case 'summary':
      return row.summary;
    case 'request':
      return row.request;
    case 'factsReasons':
      return row.facts_reasons;
  }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function storedOf(rows: Awaited<ReturnType<typeof currentPetitioners>>): StoredPetitioner[] {
  return rows.map((p) => ({ name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, isRepresentative: p.is_representative === 1 }));
}

/** The whole petition as it would be after the correction, checked by the same rules as at intake. */
function mergedInput(row: PetitionRow, stored: readonly StoredPetitioner[], v: CorrectionValues): ParsedPetitionInput {
  return {
    channel: v.channel ?? row.channel,
    receivedAt: v.receivedAt ?? row.received_at,
    petitioners: [...(v.petitioners ?? stored)],
    peopleCount: v.peopleCount ?? row.people_count,
    category: v.category ?? row.category,
    claimItem: v.claimItem !== undefined ? v.claimItem : row.claim_item,
    topicId: v.topicId !== undefined ? v.topicId : row.topic_id,
    unitId: v.unitId !== undefined ? v.unitId : row.unit_id,
    summary: v.summary ?? row.summary,
    request: v.request ?? row.request,
    factsReasons: v.factsReasons ?? row.facts_reasons,
    repeatOfId: row.repeat_of_id,
  };
}

/** Whether the petition has been accepted (受理): after that, received-at and category corrections need a leader. */
async function acceptanceStep(trx: Trx, petitionId: number) {
  return trx
    .selectFrom('petition_steps')
    .select(['at', 'details_json'])
    .where('petition_id', '=', petitionId)
    .where('action', '=', 'accept')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The open deadlines after a correction of what they were computed from. The 15-day periods run from receipt; the
 * handling period runs from acceptance, which for a petition accepted on the spot (当场受理, the notice handed over
 * at receipt) is the day of receipt. A category change opens or ends the handling period (only 申诉求决类 item 6 has it).
 */
async function recomputeDeadlines(trx: Trx, row: PetitionRow, merged: ParsedPetitionInput, fields: readonly CorrectablePetitionField[], now: number, timeZone: string): Promise<void> {
  const basis = fields.filter((f) => DEADLINE_BASIS_FIELDS.includes(f));
  if (basis.length === 0) return;
  const cal = await loadCalendarContext(trx);
  const correction = { at: now, fields: basis };
  const accept = await acceptanceStep(trx, row.id);
  const onTheSpot = accept ? (JSON.parse(accept.details_json) as { noticeOnTheSpot?: number }).noticeOnTheSpot === 1 : false;
  const open = await trx
    .selectFrom('deadlines')
    .select(['id', 'kind'])
    .where('subject_type', '=', 'petition')
    .where('subject_id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  if (fields.includes('receivedAt')) {
    const newStart = localDateOf(merged.receivedAt, timeZone);
    for (const d of open) {
      const fromReceipt = d.kind === 'forward' || d.kind === 'acceptance_notice' || (d.kind === 'handling' && onTheSpot);
      if (fromReceipt) await restartDeadline(trx, cal, d.id, newStart, correction, now);
    }
  }
  const before = hasHandlingPeriod({ category: row.category, claimItem: row.claim_item });
  const after = hasHandlingPeriod({ category: merged.category, claimItem: merged.claimItem });
  if (before && !after) await closeDeadlines(trx, row.id, ['handling'], 'cancelled', now);
  if (!before && after && accept && ['accepted', 'in_handling', 'extended'].includes(row.status) && !open.some((d) => d.kind === 'handling')) {
    const startDate = onTheSpot ? localDateOf(merged.receivedAt, timeZone) : localDateOf(accept.at, timeZone);
    await openDeadline(trx, cal, { subjectId: row.id, kind: 'handling', startDate, unit: 'calendar_days', days: 60, article: '《信访工作条例》第三十四条' }, now);
    const opened = await trx.selectFrom('deadlines').select(['id', 'explanation_json']).where('subject_type', '=', 'petition').where('subject_id', '=', row.id).where('kind', '=', 'handling').where('status', '=', 'open').executeTakeFirst();
    if (opened) {
      const explanation = { ...(JSON.parse(opened.explanation_json) as object), correction: { ...correction, fromStartDate: startDate } };
      await trx.updateTable('deadlines').set({ explanation_json: JSON.stringify(explanation) }).where('id', '=', opened.id).execute();
    }
  }
  await refreshNextDue(trx, row.id);
}

/** Writes the corrected fields, the petitioners, the deadlines, the 更正 step and the audit row. */
async function applyCorrection(
  trx: Trx,
  row: PetitionRow,
  values: CorrectionValues,
  changes: readonly FieldChange[],
  reason: string,
  requester: number,
  approver: Actor | null,
  now: number,
  timeZone: string,
  actor: Actor,
): Promise<void> {
  const stored = storedOf(await currentPetitioners(trx, row.id));
  const merged = mergedInput(row, stored, values);
  const fields = changes.map((c) => c.field as CorrectablePetitionField);
  const lead = merged.petitioners.find((p) => p.isRepresentative) ?? merged.petitioners[0];
  await trx
    .updateTable('petitions')
    .set({
      channel: merged.channel,
      received_at: merged.receivedAt,
      people_count: merged.peopleCount,
      category: merged.category,
      claim_item: merged.claimItem,
      topic_id: merged.topicId,
      unit_id: merged.unitId,
      summary: merged.summary,
      request: merged.request,
      facts_reasons: merged.factsReasons,
      first_petitioner: summaryName(lead?.name ?? '', merged.peopleCount),
      first_id_number: lead?.idNumber ?? '',
      anonymous: merged.petitioners.some((p) => p.name && p.address) ? 0 : 1,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  if (values.petitioners) {
    await trx.deleteFrom('petitioners').where('petition_id', '=', row.id).execute();
    await insertPetitioners(trx, row.id, values.petitioners);
  }
  await recomputeDeadlines(trx, row, merged, fields, now, timeZone);
  await trx
    .insertInto('petition_steps')
    .values({
      petition_id: row.id,
      at: now,
      user_id: requester,
      action: 'correct',
      from_status: row.status,
      to_status: row.status,
      note: reason,
      details_json: JSON.stringify({ changes: JSON.stringify(changes), ...(approver ? { approver: approver.name } : {}) }),
    })
    .execute();
  const masked = (v: CorrectionValues) => ({ ...v, ...(v.petitioners ? { petitioners: petitionersText(v.petitioners) } : {}) });
  const beforeValues: Record<string, unknown> = {};
  for (const f of fields) beforeValues[f] = rowValue(row, stored, f);
  await appendAudit(trx, {
    actor,
    at: now,
    action: 'petition.correct',
    entity: 'petition',
    entityId: row.id,
    before: masked(beforeValues as CorrectionValues),
    after: { ...masked(values), reason, ...(approver ? { approver: approver.name } : {}) },
  });
}

/** The values the correction actually changes (as stored) and each change in words. */
async function diffOf(trx: Trx, row: PetitionRow, changes: Changes, timeZone: string): Promise<{ values: CorrectionValues; list: FieldChange[] }> {
  const existing = await currentPetitioners(trx, row.id);
  const stored = storedOf(existing);
  const proposed: Record<string, unknown> = { ...changes };
  if (changes.petitioners) proposed.petitioners = resolvePetitioners(changes.petitioners, existing);
  const values: Record<string, unknown> = {};
  const list: FieldChange[] = [];
  for (const [key, value] of Object.entries(proposed)) {
    if (value === undefined) continue;
    const field = key as CorrectablePetitionField;
    const old = rowValue(row, stored, field);
    if (sameValue(old, value)) continue;
    values[field] = value;
    list.push({ field, from: await display(trx, field, old, timeZone), to: await display(trx, field, value, timeZone) });
  }
  return { values: values as CorrectionValues, list };
}

export type CorrectionOutcome = 'applied' | 'pending';

export async function correctPetition(core: Core, actor: Actor, input: CorrectionInput): Promise<CorrectionOutcome> {
  requireText(input.reason, 'reason', 'fields.petitions.correctionReason');
  const office = await getOffice(core.db);
  const now = core.clock.now();
  const outcome = await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('petitions').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'voided') throw new UserError('illegal_transition', 'errors.petitions.voided', { reason: row.void_reason });
    const { values, list } = await diffOf(trx, row, input.changes, office.timeZone);
    if (list.length === 0) throw UserError.field('changes', 'errors.petitions.correctionNoChange');
    const stored = storedOf(await currentPetitioners(trx, row.id));
    validatePetition(mergedInput(row, stored, values), now, office.collectiveThreshold, office.timeZone);
    const late = list.some((c) => LATE_CORRECTION_FIELDS.includes(c.field as CorrectablePetitionField)) && (await acceptanceStep(trx, row.id)) !== undefined;
    if (late) {
      return requestApproval(trx, { kind: 'correction', subjectType: 'petition', subjectId: row.id, reason: input.reason, payload: { changes: list, values }, actor, now });
    }
    await applyCorrection(trx, row, values, list, input.reason, actor.id, null, now, office.timeZone, actor);
    return null;
  });
  core.emit({ type: 'petitions.changed', id: input.id });
  if (outcome !== null) core.emit({ type: 'approvals.changed', id: outcome });
  return outcome === null ? 'applied' : 'pending';
}

/** The leader approved a late correction: it is applied now, checked again against the petition as it is now. */
export async function applyApprovedCorrection(trx: Trx, approval: ApprovalRow, decider: Actor, now: number): Promise<void> {
  const row = await trx.selectFrom('petitions').selectAll().where('id', '=', approval.subject_id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status === 'voided') throw new UserError('illegal_transition', 'errors.petitions.voided', { reason: row.void_reason });
  const office = await trx.selectFrom('office').select(['time_zone', 'collective_threshold']).where('id', '=', 1).executeTakeFirstOrThrow();
  const payload = JSON.parse(approval.payload_json) as { changes: FieldChange[]; values: CorrectionValues };
  const stored = storedOf(await currentPetitioners(trx, row.id));
  validatePetition(mergedInput(row, stored, payload.values), now, office.collective_threshold, office.time_zone);
  await applyCorrection(trx, row, payload.values, payload.changes, approval.reason, approval.requested_by, decider, now, office.time_zone, decider);
}
