/**
 * Registering a petition: validates what the clerk typed, numbers it, opens its first deadlines, writes the
 * first timeline step and the audit row, all in one transaction.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db';
import type { AttachmentUpload, petitionInputSchema } from '../../../shared/api';
import { checkIdNumber, normalizeIdNumber } from '../../../shared/id-number';
import { MAX_REPRESENTATIVES } from '../../../shared/enums';
import { localDateOf, localParts } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import { loadCalendarContext, openDeadline, refreshNextDue } from '../deadlines';
import { formatPetitionNumber, lastPetitionSeq } from './numbering';
import { isAnonymous, petitionRowValues } from './petition-row';
import { insertPetitioners } from './petitioner-rows';
import { insertAttachmentRows, prepareAttachments, writeAttachmentFiles } from './attachments';

export type ParsedPetitionInput = z.output<typeof petitionInputSchema>;
type IntakeInput = ParsedPetitionInput & { readonly attachments?: readonly AttachmentUpload[] };

const PHONE_RE = /^[0-9+\-() ]{5,20}$/;
/** Allowed drift between the PC clock and a time typed as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function validatePetition(input: ParsedPetitionInput, now: number, collectiveThreshold: number, timeZone: string): void {
  const today = localDateOf(now, timeZone);
  const people = input.petitioners.filter((p) => p.name.length > 0);
  if (people.length === 0) throw UserError.field('petitioners', 'errors.petitions.noPetitioner');
  input.petitioners.forEach((p, i) => {
    const index = i + 1;
    requireText(p.name, `petitioners.${i}.name`, 'fields.petitions.petitionerName', { index });
    if (p.idNumber) {
      const check = checkIdNumber(p.idNumber, today);
      if (!check.ok) throw UserError.field(`petitioners.${i}.idNumber`, `errors.idNumber.${check.problem}`, { index });
    }
    if (p.phone && !PHONE_RE.test(p.phone)) throw UserError.field(`petitioners.${i}.phone`, 'errors.petitions.badPhone', { index });
  });
  if (input.peopleCount < input.petitioners.length) {
    throw UserError.field('peopleCount', 'errors.petitions.peopleCountTooSmall', { count: input.petitioners.length });
  }
  const reps = input.petitioners.filter((p) => p.isRepresentative).length;
  if (reps > MAX_REPRESENTATIVES) {
    throw UserError.field('petitioners', 'errors.petitions.tooManyRepresentatives', { max: MAX_REPRESENTATIVES, count: reps });
  }
  if (input.channel === 'visit' && input.peopleCount >= collectiveThreshold && input.petitioners.length > 1 && reps === 0) {
    throw UserError.field('petitioners', 'errors.petitions.needRepresentatives', { count: collectiveThreshold, max: MAX_REPRESENTATIVES });
  }
  if (input.category === 'claim' && input.claimItem === null) throw UserError.field('claimItem', 'errors.petitions.claimItemRequired');
  if (input.category !== 'claim' && input.claimItem !== null) throw UserError.field('claimItem', 'errors.petitions.claimItemNotAllowed');
  if (input.receivedAt > now + FUTURE_TOLERANCE_MS) throw UserError.field('receivedAt', 'errors.petitions.receivedInFuture');
}

export async function createPetition(core: Core, actor: Actor, intake: IntakeInput): Promise<{ id: number; number: string }> {
  const { attachments = [], ...input } = intake;
  const office = await getOffice(core.db);
  const now = core.clock.now();
  validatePetition(input, now, office.collectiveThreshold, office.timeZone);
  // Files chosen at intake are checked before anything is written, and saved with the petition or not at all.
  const files = prepareAttachments(attachments);
  let undoFiles = () => {};
  const petitioners = input.petitioners.map((p) => ({ ...p, idNumber: p.idNumber ? normalizeIdNumber(p.idNumber) : '' }));
  const anonymous = isAnonymous(petitioners);
  const year = localParts(input.receivedAt, office.timeZone).year;

  const created = await core.db.transaction().execute(async (trx) => {
    const saved = await registerInTrx(trx);
    if (files.length > 0) {
      const written = writeAttachmentFiles(core, saved.id, files);
      undoFiles = written.undo;
      await insertAttachmentRows(trx, saved.id, files, written.storedNames, actor, now);
    }
    return saved;
  }).catch((err: unknown) => {
    undoFiles();
    throw err;
  });
  core.emit({ type: 'petitions.changed', id: created.id });
  return created;

  async function registerInTrx(trx: Kysely<Database>): Promise<{ id: number; number: string }> {
    if (input.repeatOfId !== null) {
      const original = await trx.selectFrom('petitions').select('id').where('id', '=', input.repeatOfId).executeTakeFirst();
      if (!original) throw UserError.field('repeatOfId', 'errors.petitions.repeatNotFound');
    }
    const seq = (await lastPetitionSeq(trx, year)) + 1;
    const number = formatPetitionNumber(office.numberFormat, year, seq);
    const row = await trx
      .insertInto('petitions')
      .values(petitionRowValues({ ...input, petitioners }, { number, year, seq, status: 'registered', actorId: actor.id, now }))
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await insertPetitioners(trx, row.id, petitioners);
    await trx
      .insertInto('petition_steps')
      .values({
        petition_id: row.id,
        at: input.receivedAt,
        user_id: actor.id,
        action: 'register',
        from_status: null,
        to_status: 'registered',
        note: '',
        details_json: JSON.stringify({ channel: input.channel, peopleCount: input.peopleCount }),
      })
      .execute();
    const cal = await loadCalendarContext(trx);
    const startDate = localDateOf(input.receivedAt, office.timeZone);
    await openDeadline(trx, cal, { subjectId: row.id, kind: 'forward', startDate, unit: 'calendar_days', days: 15, article: '《信访工作条例》第二十二条' }, now);
    if (!anonymous) {
      await openDeadline(trx, cal, { subjectId: row.id, kind: 'acceptance_notice', startDate, unit: 'calendar_days', days: 15, article: '《信访工作条例》第二十三条' }, now);
    }
    await refreshNextDue(trx, row.id);
    await appendAudit(trx, {
      actor,
      at: now,
      action: 'petition.create',
      entity: 'petition',
      entityId: row.id,
      // The audit keeps what was registered, but not ID numbers or phones in clear.
      after: { number, ...input, petitioners: input.petitioners.map((p) => ({ name: p.name, isRepresentative: p.isRepresentative })) },
    });
    return { id: row.id, number };
  }
}
