/**
 * What is added to a petition besides workflow steps: mediation entries, repeat links, and the audited look at a
 * petitioner's full ID number and phone. Attachments have their own file (attachments.ts).
 */
import type { MediationKind, MediationOutcome } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName } from '../errors';
import { appendAudit } from '../audit';

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

/** A search by ID number or phone is a look-up of a person: the audit records who made it and for what. */
export async function auditPersonSearch(core: Core, actor: Actor, query: string): Promise<void> {
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, { actor, at: core.clock.now(), action: 'petitioner.search', entity: 'petition', entityId: '', after: { query } }),
  );
}
