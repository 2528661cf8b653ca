/**
 * A notice's life: drafted from the records (draft), edited while a draft, submitted for sign-off (submitted),
 * signed off by a leader (signed: the number is assigned from the kind's sequence for the year, the HTML is
 * rendered once, frozen and hashed), and printed (printed: every print is an archive row). After sign-off
 * nothing changes; a correction is a new notice that supersedes the old one when it is signed. Each step is one
 * transaction with its audit row.
 *
 * @example
 * const id = await createNotice(core, clerk, { kind: 'warning_notice', warningId: 4, petitionId: null, reportId: null, month: null });
 * await submitNotice(core, clerk, id);
 * await signNotice(core, leader, id); // 信预〔2026〕1号, frozen
 * await recordPrint(core, clerk, id, 2, 'paper');
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { dialectOf, type Database, type NoticeTable } from '../../db';
import type { NoticeBodyBlock, NoticeCreateInput } from '../../../shared/api';
import type { z } from 'zod';
import type { noticeCreateInputSchema } from '../../../shared/api';
import { localDateOf, localParts } from '../../../shared/time';
import { t } from '../../../shared/i18n';
import { looksLikePersonalNumber } from '../../../shared/privacy';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import type { BodyBlock, NoticeDocument, NoticeKind } from './document';
import { KIND_INFO, type NoticeSubject } from './kinds';
import { fillNotice } from './fill';
import { formatDocNumber, getNoticeSettings } from './settings';
import { accuserGuard, htmlText, noticeFieldTexts, noticeText, redactBlocks, type AccuserGuard } from './confidentiality';
import { renderDocument } from './render-adapter';

type Trx = Kysely<Database>;
type ParsedCreate = z.output<typeof noticeCreateInputSchema>;
export type { NoticeCreateInput };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Refuses text that would tell an accused unit who accused it, naming what to remove. */
export function refuseDisclosure(guard: AccuserGuard, text: string, field = 'body'): void {
  const found = guard.findIn(text);
  if (found.length === 0) return;
  const what = [...new Set(found.map((f) => t(`notices.disclosure.${f.what}`)))].join('、');
  const numbers = [...new Set(found.map((f) => f.petitionNumber))].join('、');
  throw UserError.field(field, 'notices.errors.confidential', { unit: guard.unitName ?? '', what, numbers });
}

/**
 * Warnings, reports and the roster describe matters and duty: no one's ID or phone number (DOMAIN.md). The
 * 附注 names the office's contact, so an office landline, or a number the office lists as its own in the
 * notice settings, may stand there; a mobile or an ID number may not.
 */
function refusePersonalNumbers(part: { field: string; text: string }, officePhones: readonly string[]): void {
  const inNote = part.field === 'note';
  if (!looksLikePersonalNumber(part.text, inNote ? { landlines: true, own: officePhones } : {})) return;
  throw UserError.field(part.field, inNote ? 'notices.errors.personalNumberNote' : 'notices.errors.personalNumber');
}

async function loadRow(trx: Trx, id: number): Promise<Selectable<NoticeTable>> {
  const row = await trx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

function subjectOf(kind: NoticeKind, input: ParsedCreate): { type: NoticeSubject; id: number | null; month: string | null } {
  const subject = KIND_INFO[kind].subject;
  switch (subject) {
    case 'warning':
      return { type: subject, id: input.warningId, month: null };
    case 'petition':
      return { type: subject, id: input.petitionId, month: null };
    case 'report':
      return { type: subject, id: input.reportId, month: null };
    case 'duty_month':
      return { type: subject, id: null, month: input.month };
  }
}

export async function createNotice(core: Core, actor: Actor, input: ParsedCreate): Promise<number> {
  const now = core.clock.now();
  const subject = subjectOf(input.kind, input);
  const settings = await getNoticeSettings(core.db);
  const filled = await fillNotice(core.db, { kind: input.kind, subjectId: subject.id, month: subject.month }, settings, now);
  const id = await core.db.transaction().execute(async (trx) => {
    const guard = await accuserGuard(trx, KIND_INFO[input.kind].toUnit ? filled.addresseeUnitId : null);
    const withheld: string[] = [];
    let body = filled.body;
    if (guard.findIn(noticeText(filled)).length > 0) {
      body = redactBlocks(filled.body, guard);
      withheld.push(t('notices.withheldNote', { unit: guard.unitName ?? '' }));
    }
    const row = await trx
      .insertInto('notices')
      .values({
        kind: input.kind,
        format: KIND_INFO[input.kind].format,
        subject_type: subject.type,
        subject_id: subject.id,
        subject_month: subject.month,
        status: 'draft',
        title: guard.redact(filled.title),
        addressee: filled.addressee,
        addressee_unit_id: filled.addresseeUnitId,
        body_json: JSON.stringify(body),
        note: filled.note,
        copy_to_json: JSON.stringify(filled.copyTo),
        withheld_json: JSON.stringify(withheld),
        doc_number: null,
        year: null,
        seq: null,
        supersedes_id: null,
        superseded_by: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        submitted_by: null,
        submitted_at: null,
        signed_by: null,
        signed_at: null,
        frozen_html: null,
        sha256: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'notice.create', entity: 'notice', entityId: row.id, after: { kind: input.kind, subject, title: filled.title, withheld: withheld.length > 0 } });
    return row.id;
  });
  core.emit({ type: 'notices.changed', id });
  return id;
}

export interface NoticeEdit {
  readonly id: number;
  readonly title: string;
  readonly addressee: string;
  readonly body: readonly NoticeBodyBlock[];
  readonly note: string;
  readonly copyTo: readonly string[];
}

function requireDraft(row: Selectable<NoticeTable>): void {
  if (row.status !== 'draft') {
    throw new UserError('illegal_transition', row.status === 'submitted' ? 'notices.errors.submittedLocked' : 'notices.errors.signedLocked');
  }
}

async function guardFor(trx: Trx, row: Selectable<NoticeTable>): Promise<AccuserGuard> {
  return accuserGuard(trx, KIND_INFO[row.kind].toUnit ? row.addressee_unit_id : null);
}

export async function updateNotice(core: Core, actor: Actor, edit: NoticeEdit): Promise<void> {
  requireText(edit.title, 'title', 'fields.notices.title');
  requireText(edit.addressee, 'addressee', 'fields.notices.addressee');
  const body = edit.body.filter((b) => (b.type === 'table' ? b.rows.length > 0 : b.text.trim() !== ''));
  if (body.length === 0) throw UserError.field('body', 'notices.errors.emptyBody');
  const copyTo = edit.copyTo.map((c) => c.trim()).filter(Boolean);
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, edit.id);
    requireDraft(row);
    const guard = await guardFor(trx, row);
    // Each refusal marks the field that holds the text, so the clerk sees where to change it.
    const parts = noticeFieldTexts({ title: edit.title, addressee: edit.addressee, body, note: edit.note, copyTo });
    for (const part of parts) refuseDisclosure(guard, part.text, part.field);
    if (KIND_INFO[row.kind].subject !== 'petition') {
      const { officePhones } = await getNoticeSettings(trx);
      for (const part of parts) refusePersonalNumbers(part, officePhones);
    }
    const before = { title: row.title, addressee: row.addressee, body: JSON.parse(row.body_json) as unknown, note: row.note, copyTo: JSON.parse(row.copy_to_json) as unknown };
    const after = { title: edit.title, addressee: edit.addressee, body, note: edit.note, copyTo };
    await trx
      .updateTable('notices')
      .set({ title: edit.title, addressee: edit.addressee, body_json: JSON.stringify(body), note: edit.note, copy_to_json: JSON.stringify(copyTo), updated_at: now })
      .where('id', '=', edit.id)
      .execute();
    await appendAudit(trx, { actor, at: now, action: 'notice.edit', entity: 'notice', entityId: edit.id, before, after });
  });
  core.emit({ type: 'notices.changed', id: edit.id });
}

export async function submitNotice(core: Core, actor: Actor, id: number): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    if (row.status !== 'draft') throw new UserError('illegal_transition', 'notices.errors.notDraft');
    refuseDisclosure(await guardFor(trx, row), textOfRow(row));
    await trx.updateTable('notices').set({ status: 'submitted', submitted_by: actor.id, submitted_at: now, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, at: now, action: 'notice.submit', entity: 'notice', entityId: id, before: { status: 'draft' }, after: { status: 'submitted' } });
  });
  core.emit({ type: 'notices.changed', id });
}

/** A leader sends a submitted notice back to the clerk for changes. */
export async function returnNotice(core: Core, actor: Actor, id: number, reason: string): Promise<void> {
  if (actor.role !== 'leader') throw new UserError('forbidden', 'notices.errors.onlyLeaderReturns');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    if (row.status !== 'submitted') throw new UserError('illegal_transition', 'notices.errors.notSubmitted');
    await trx.updateTable('notices').set({ status: 'draft', submitted_by: null, submitted_at: null, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, at: now, action: 'notice.return', entity: 'notice', entityId: id, before: { status: 'submitted' }, after: { status: 'draft', reason } });
  });
  core.emit({ type: 'notices.changed', id });
}

function textOfRow(row: Selectable<NoticeTable>): string {
  return noticeText({
    title: row.title,
    addressee: row.addressee,
    body: JSON.parse(row.body_json) as BodyBlock[],
    note: row.note,
    copyTo: JSON.parse(row.copy_to_json) as string[],
  });
}

/** The document the typesetting receives: a draft shows no number or date; a signed one shows both. */
export async function documentOf(trx: Trx, row: Selectable<NoticeTable>, signed: { docNumber: string; date: string } | null): Promise<NoticeDocument> {
  const settings = await getNoticeSettings(trx);
  return {
    kind: row.kind,
    format: row.format,
    issuerMark: settings.issuerMark,
    issuerName: settings.issuerName,
    docNumber: signed?.docNumber ?? null,
    title: row.title,
    addressee: row.addressee,
    body: JSON.parse(row.body_json) as BodyBlock[],
    date: signed?.date ?? null,
    note: row.note || null,
    copyTo: JSON.parse(row.copy_to_json) as string[],
    printedBy: settings.issuerName,
    printedOn: signed?.date ?? null,
    // The seal is pressed on the signed version only.
    sealDataUrl: signed ? settings.sealDataUrl : null,
    draft: signed === null,
  };
}

/**
 * 签发. Only a leader signs. The number comes from the kind's sequence for the year, advanced in this same
 * transaction, so a refused or failed sign-off leaves no gap. The HTML is rendered once, checked for the
 * accusers' identity once more, and frozen with its SHA-256.
 */
export async function signNotice(core: Core, actor: Actor, id: number): Promise<void> {
  if (actor.role !== 'leader') throw new UserError('forbidden', 'notices.errors.onlyLeaderSigns');
  const now = core.clock.now();
  const office = await getOffice(core.db);
  const year = localParts(now, office.timeZone).year;
  const date = localDateOf(now, office.timeZone);
  await core.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    if (row.status === 'draft') throw new UserError('illegal_transition', 'notices.errors.submitFirst');
    if (row.status !== 'submitted') throw new UserError('illegal_transition', 'notices.errors.alreadySigned');
    const guard = await guardFor(trx, row);
    refuseDisclosure(guard, textOfRow(row));
    const settings = await getNoticeSettings(trx);
    const kind = row.kind;
    // A server's clerks may sign at once: the series stays theirs alone until this transaction ends (no gaps).
    await dialectOf(trx).lockNumberSeries(trx, `notice:${kind}`, year);
    const current = await trx.selectFrom('notice_sequences').select('last_seq').where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
    const seq = (current?.last_seq ?? 0) + 1;
    if (current) await trx.updateTable('notice_sequences').set({ last_seq: seq }).where('kind', '=', kind).where('year', '=', year).execute();
    else await trx.insertInto('notice_sequences').values({ kind, year, last_seq: seq }).execute();
    const docNumber = formatDocNumber(settings.prefixes[kind], year, seq);
    const html = await renderDocument(await documentOf(trx, row, { docNumber, date }));
    refuseDisclosure(guard, htmlText(html));
    const hash = sha256(html);
    await trx
      .updateTable('notices')
      .set({ status: 'signed', doc_number: docNumber, year, seq, signed_by: actor.id, signed_at: now, frozen_html: html, sha256: hash, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (row.supersedes_id !== null) {
      await trx.updateTable('notices').set({ superseded_by: id, updated_at: now }).where('id', '=', row.supersedes_id).execute();
    }
    await appendAudit(trx, {
      actor,
      at: now,
      action: 'notice.sign',
      entity: 'notice',
      entityId: id,
      before: { status: row.status },
      after: { status: 'signed', docNumber, sha256: hash, supersedes: row.supersedes_id },
    });
  });
  core.emit({ type: 'notices.changed', id });
}

/** A correction: a new draft with the old one's text, which replaces the old one when it is signed. */
export async function supersedeNotice(core: Core, actor: Actor, id: number): Promise<number> {
  const now = core.clock.now();
  const newId = await core.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    if (row.status !== 'signed' && row.status !== 'printed') throw new UserError('illegal_transition', 'notices.errors.supersedeDraft');
    if (row.superseded_by !== null) throw new UserError('conflict', 'notices.errors.alreadySuperseded');
    const pending = await trx.selectFrom('notices').select('id').where('supersedes_id', '=', id).where('status', 'in', ['draft', 'submitted']).executeTakeFirst();
    if (pending) throw new UserError('conflict', 'notices.errors.correctionPending', { id: pending.id });
    const created = await trx
      .insertInto('notices')
      .values({
        kind: row.kind,
        format: row.format,
        subject_type: row.subject_type,
        subject_id: row.subject_id,
        subject_month: row.subject_month,
        status: 'draft',
        title: row.title,
        addressee: row.addressee,
        addressee_unit_id: row.addressee_unit_id,
        body_json: row.body_json,
        note: row.note,
        copy_to_json: row.copy_to_json,
        withheld_json: row.withheld_json,
        doc_number: null,
        year: null,
        seq: null,
        supersedes_id: id,
        superseded_by: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        submitted_by: null,
        submitted_at: null,
        signed_by: null,
        signed_at: null,
        frozen_html: null,
        sha256: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'notice.supersede', entity: 'notice', entityId: created.id, after: { supersedes: id, docNumber: row.doc_number } });
    return created.id;
  });
  core.emit({ type: 'notices.changed', id: newId });
  return newId;
}

/** The frozen HTML of a signed notice, checked against its stored hash before anyone prints it. */
export async function frozenHtml(trx: Trx, id: number): Promise<{ row: Selectable<NoticeTable>; html: string; hash: string }> {
  const row = await loadRow(trx, id);
  if (row.frozen_html === null || row.sha256 === null) throw new UserError('illegal_transition', 'notices.errors.notSigned');
  if (sha256(row.frozen_html) !== row.sha256) throw new UserError('conflict', 'notices.errors.tampered');
  return { row, html: row.frozen_html, hash: row.sha256 };
}

export async function recordPrint(core: Core, actor: Actor, id: number, copies: number, format: 'pdf' | 'paper'): Promise<void> {
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) throw UserError.field('copies', 'notices.errors.copies');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const { row, hash } = await frozenHtml(trx, id);
    await trx.insertInto('notice_prints').values({ notice_id: id, at: now, user_id: actor.id, copies, format, sha256: hash }).execute();
    if (row.status !== 'printed') await trx.updateTable('notices').set({ status: 'printed', updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, at: now, action: 'notice.print', entity: 'notice', entityId: id, after: { docNumber: row.doc_number, copies, format, sha256: hash } });
  });
  core.emit({ type: 'notices.changed', id });
}
