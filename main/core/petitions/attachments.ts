/**
 * A petition's attachments: checked (type by name and content, valid data, a size limit stated in the message),
 * stored content-addressed in the data folder, saved in the same transaction as the petition when chosen during
 * intake, opened through a short-lived ticket (every view and download is in the audit: the files hold personal
 * data), and removed by mistake with a reason (the file is kept, the removal audited).
 *
 * @example
 * const prepared = prepareAttachments(core, [{ fileName: '来信.pdf', dataBase64 }]); // refuses before anything is written
 * const { url } = await openAttachment(core, actor, { id: 3, purpose: 'view' });    // '/attachments/<ticket>'
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { Attachment, AttachmentUpload } from '../../../shared/api';
import { ATTACHMENT_EXTENSIONS, type AttachmentView } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { attachmentTypeOf, contentTypeOf, viewOf } from './attachment-types';
import { writeAttachmentFile } from '../storage/attachment-files';

export const MAX_ATTACHMENT_MB = 20;
/** Where both shells serve attachment tickets: browser mode over HTTP, Electron on the app:// protocol. */
export const ATTACHMENT_URL_PREFIX = '/attachments/';
/** A ticket opens the file for this long; the viewer reads it at once. */
const TICKET_MS = 5 * 60_000;
/** Made anew at every launch: a ticket never outlives the process that issued it. */
const TICKET_KEY = randomBytes(32);

type Trx = Kysely<Database>;

export interface PreparedAttachment {
  readonly fileName: string;
  readonly data: Buffer;
  readonly sha256: string;
  readonly storedExt: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks one upload; refuses with a message naming the file and what to do. */
function prepareOne(upload: AttachmentUpload, field: string): PreparedAttachment {
  const name = upload.fileName;
  const raw = upload.dataBase64.replace(/\s+/g, '');
  if (raw.length === 0) throw UserError.field(field, 'errors.attachments.empty', { name });
  if (raw.length % 4 !== 0 || !BASE64.test(raw)) throw UserError.field(field, 'errors.attachments.badData', { name });
  const data = Buffer.from(raw, 'base64');
  if (data.length === 0) throw UserError.field(field, 'errors.attachments.empty', { name });
  if (data.length > MAX_ATTACHMENT_MB * 1024 * 1024) throw UserError.field(field, 'errors.petitions.attachmentTooLarge', { name, max: MAX_ATTACHMENT_MB });
  const type = attachmentTypeOf(name, data);
  if (type === 'bad_extension') throw UserError.field(field, 'errors.attachments.badType', { name, allowed: ATTACHMENT_EXTENSIONS.join('、') });
  if (type === 'bad_content') throw UserError.field(field, 'errors.attachments.badContent', { name });
  return { fileName: name, data, sha256: createHash('sha256').update(data).digest('hex'), storedExt: `.${type.ext}` };
}

/** Checks every file before anything is written, so a refused file leaves nothing behind. */
export function prepareAttachments(uploads: readonly AttachmentUpload[], field = 'attachments'): PreparedAttachment[] {
  return uploads.map((u, i) => prepareOne(u, uploads.length === 1 && field === 'file' ? field : `${field}.${i}`));
}

function targetOf(core: Core, storedName: string): string {
  return path.join(core.dataDir, 'attachments', storedName);
}

/**
 * Writes the files (content-addressed: the same file twice is stored once) and returns a cleanup that removes the ones this call created, for when the transaction fails.
 */
export function writeAttachmentFiles(core: Core, petitionId: number, files: readonly PreparedAttachment[]): { storedNames: string[]; undo: () => void } {
  const created: string[] = [];
  const storedNames = files.map((f) => {
    const storedName = path.posix.join(String(petitionId), `${f.sha256}${f.storedExt}`);
    const target = targetOf(core, storedName);
    if (!fs.existsSync(target)) {
      // Written whole in the temp folder and renamed in; a crash in between leaves a file no row references,
      // which the next start moves to quarantine (main/core/storage).
      writeAttachmentFile(core.dataDir, storedName, f.data);
      created.push(target);
    }
    return storedName;
  });
  return {
    storedNames,
    undo: () => {
      for (const file of created) fs.rmSync(file, { force: true });
    },
  };
}

/** Inserts the rows and audit entries for files already written; part of the caller's transaction. */
export async function insertAttachmentRows(trx: Trx, petitionId: number, files: readonly PreparedAttachment[], storedNames: readonly string[], actor: Actor, now: number): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, f] of files.entries()) {
    const row = await trx
      .insertInto('attachments')
      .values({
        petition_id: petitionId,
        file_name: f.fileName,
        stored_name: storedNames[i] ?? '',
        size: f.data.length,
        sha256: f.sha256,
        added_at: now,
        added_by: actor.id,
        removed_at: null,
        removed_by: null,
        removal_reason: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    await appendAudit(trx, { actor, at: now, action: 'petition.attachment', entity: 'petition', entityId: petitionId, after: { attachmentId: row.id, fileName: f.fileName, size: f.data.length, sha256: f.sha256 } });
  }
  return ids;
}

export async function listAttachments(db: Kysely<Database>, petitionId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .innerJoin('users as adder', 'adder.id', 'attachments.added_by')
    .leftJoin('users as remover', 'remover.id', 'attachments.removed_by')
    .selectAll('attachments')
    .select(['adder.display_name as added_by_name', 'remover.display_name as removed_by_name'])
    .where('attachments.petition_id', '=', petitionId)
    .orderBy('attachments.id')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    fileName: a.file_name,
    size: a.size,
    sha256: a.sha256,
    addedAt: a.added_at,
    addedBy: a.added_by_name,
    view: viewOf(a.file_name),
    removedAt: a.removed_at,
    removedBy: a.removed_by_name,
    removalReason: a.removal_reason,
  }));
}

/** Adds files to a registered petition, all in one transaction. */
export async function addAttachment(core: Core, actor: Actor, input: AttachmentUpload & { id: number }): Promise<Attachment> {
  const [file] = prepareAttachments([input], 'file');
  if (!file) throw notFound();
  const petition = await core.db.selectFrom('petitions').select(['id', 'status', 'void_reason']).where('id', '=', input.id).executeTakeFirst();
  if (!petition) throw notFound();
  if (petition.status === 'voided') throw new UserError('illegal_transition', 'errors.petitions.voided', { reason: petition.void_reason });
  const written = writeAttachmentFiles(core, input.id, [file]);
  const now = core.clock.now();
  let id: number;
  try {
    [id = 0] = await core.db.transaction().execute((trx) => insertAttachmentRows(trx, input.id, [file], written.storedNames, actor, now));
  } catch (err) {
    written.undo();
    throw err;
  }
  core.emit({ type: 'petitions.changed', id: input.id });
  const added = (await listAttachments(core.db, input.id)).find((a) => a.id === id);
  if (!added) throw notFound();
  return added;
}

/** Removes an attachment added by mistake: the row says who and why, the file stays in the data folder. */
export async function removeAttachment(core: Core, actor: Actor, input: { id: number; reason: string }): Promise<number> {
  requireText(input.reason, 'reason', 'fields.attachments.removalReason');
  const now = core.clock.now();
  const petitionId = await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('attachments').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.removed_at !== null) throw new UserError('conflict', 'errors.attachments.alreadyRemoved', { name: row.file_name });
    await trx.updateTable('attachments').set({ removed_at: now, removed_by: actor.id, removal_reason: input.reason }).where('id', '=', row.id).execute();
    await appendAudit(trx, { actor, at: now, action: 'attachment.remove', entity: 'petition', entityId: row.petition_id, after: { attachmentId: row.id, fileName: row.file_name, sha256: row.sha256, reason: input.reason } });
    return row.petition_id;
  });
  core.emit({ type: 'petitions.changed', id: petitionId });
  return petitionId;
}

type Purpose = 'view' | 'download';

function sign(payload: string): string {
  return createHmac('sha256', TICKET_KEY).update(payload).digest('base64url');
}

/** A ticket names the attachment, what it is for and until when; the signature makes it unforgeable. */
function makeTicket(id: number, purpose: Purpose, expiresAt: number): string {
  const payload = `${id}.${purpose}.${expiresAt}`;
  return `${payload}.${sign(payload)}`;
}

function readTicket(ticket: string, now: number): { id: number; purpose: Purpose } | null {
  const m = /^(\d{1,12})\.(view|download)\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
  if (!m) return null;
  const [, id, purpose, expires, signature] = m;
  const expected = Buffer.from(sign(`${id}.${purpose}.${expires}`));
  const given = Buffer.from(signature ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expires) < now) return null;
  return { id: Number(id), purpose: purpose as Purpose };
}

/** Opens an attachment for the viewer or a download: the look is written to the audit, a ticket address returned. */
export async function openAttachment(core: Core, actor: Actor, input: { id: number; purpose: Purpose }) {
  const row = await core.db.selectFrom('attachments').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound();
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: input.purpose === 'view' ? 'attachment.view' : 'attachment.download',
      entity: 'petition',
      entityId: row.petition_id,
      after: { attachmentId: row.id, fileName: row.file_name },
    }),
  );
  // Tickets run on the wall clock, not the office clock a test may move: they guard a real file, for real minutes.
  const ticket = makeTicket(row.id, input.purpose, Date.now() + TICKET_MS);
  const view: AttachmentView = viewOf(row.file_name);
  return { url: `${ATTACHMENT_URL_PREFIX}${ticket}`, fileName: row.file_name, view, size: row.size, sha256: row.sha256 };
}

export interface AttachmentFile {
  readonly file: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly purpose: Purpose;
  readonly size: number;
}

/** The file a ticket opens, or null for a ticket that is forged, expired, or names nothing. */
export async function attachmentForTicket(core: Core, ticket: string): Promise<AttachmentFile | null> {
  const t = readTicket(ticket, Date.now());
  if (!t) return null;
  const row = await core.db.selectFrom('attachments').select(['stored_name', 'file_name', 'size']).where('id', '=', t.id).executeTakeFirst();
  if (!row) return null;
  const file = targetOf(core, row.stored_name);
  const root = path.resolve(core.dataDir, 'attachments');
  if (!path.resolve(file).startsWith(`${root}${path.sep}`) || !fs.existsSync(file)) return null;
  return { file, fileName: row.file_name, contentType: contentTypeOf(row.file_name), purpose: t.purpose, size: row.size };
}
