/**
 * What is added to a petition besides workflow steps: mediation entries, attachments (copied into the data
 * folder with their SHA-256), repeat links, and the audited look at a petitioner's full ID number and phone.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { MediationKind, MediationOutcome } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName } from '../errors';
import { appendAudit } from '../audit';
import { writeAttachmentFile } from '../storage';

export const MAX_ATTACHMENT_MB = 20;

export async function addMediation(
  core: Core,
  actor: Actor,
  input: { id: number; kind: MediationKind; at: number; outcome: MediationOutcome; note: string },
): Promise<void> {
  const now = core.clock.now();
  if (input.at > now + 5 * 60_000) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.petitions.mediationAt') });
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('petitions').select(['id', 'status']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    const inserted = await trx
      .insertInto('mediations')
      .values({ petition_id: input.id, kind: input.kind, at: input.at, outcome: input.outcome, note: input.note, user_id: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'petition.mediation', entity: 'petition', entityId: input.id, after: { mediationId: inserted.id, ...input } });
  });
  core.emit({ type: 'petitions.changed', id: input.id });
}

export async function linkRepeat(core: Core, actor: Actor, id: number, repeatOfId: number | null): Promise<void> {
  if (repeatOfId === id) throw UserError.field('repeatOfId', 'errors.petitions.repeatSelf');
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('petitions').select(['id', 'repeat_of_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    if (repeatOfId !== null) {
      const original = await trx.selectFrom('petitions').select('id').where('id', '=', repeatOfId).executeTakeFirst();
      if (!original) throw UserError.field('repeatOfId', 'errors.petitions.repeatNotFound');
    }
    await trx.updateTable('petitions').set({ repeat_of_id: repeatOfId, updated_at: core.clock.now() }).where('id', '=', id).execute();
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'petition.linkRepeat',
      entity: 'petition',
      entityId: id,
      before: { repeatOfId: row.repeat_of_id },
      after: { repeatOfId },
    });
  });
  core.emit({ type: 'petitions.changed', id });
}

/** The full ID number and phone, for a person who needs them; every look is in the audit. */
export async function revealPersonal(core: Core, actor: Actor, petitionerId: number): Promise<{ idNumber: string; phone: string }> {
  return core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('petitioners').select(['id', 'petition_id', 'id_number', 'phone', 'name']).where('id', '=', petitionerId).executeTakeFirst();
    if (!row) throw notFound();
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'petitioner.reveal',
      entity: 'petition',
      entityId: row.petition_id,
      after: { petitionerId, name: row.name },
    });
    return { idNumber: row.id_number, phone: row.phone };
  });
}

function safeExtension(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
}

export async function addAttachment(core: Core, actor: Actor, input: { id: number; fileName: string; dataBase64: string }) {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length > MAX_ATTACHMENT_MB * 1024 * 1024) {
    throw UserError.field('file', 'errors.petitions.attachmentTooLarge', { name: input.fileName, max: MAX_ATTACHMENT_MB });
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  const storedName = path.posix.join(String(input.id), `${sha256}${safeExtension(input.fileName)}`);
  const exists = await core.db.selectFrom('petitions').select('id').where('id', '=', input.id).executeTakeFirst();
  if (!exists) throw notFound();
  // Written whole before the row is committed; a crash in between leaves a file no row references, which the
  // next start moves to quarantine.
  writeAttachmentFile(core.dataDir, storedName, data);
  const now = core.clock.now();
  const row = await core.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('attachments')
      .values({ petition_id: input.id, file_name: input.fileName, stored_name: storedName, size: data.length, sha256, added_at: now, added_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'petition.attachment', entity: 'petition', entityId: input.id, after: { fileName: input.fileName, size: data.length, sha256 } });
    return inserted;
  });
  core.emit({ type: 'petitions.changed', id: input.id });
  return { id: row.id, fileName: row.file_name, size: row.size, sha256: row.sha256, addedAt: row.added_at };
}
