/**
 * Importing a ledger as one batch: the preview says what each row would become, the import brings every accepted
 * row in one transaction (with its own dates and state, the office number and the ledger's number), and the batch
 * can be undone the same day. One audit entry per batch and one per petition; one summary alarm for the rows that
 * are already overdue, instead of one alarm each.
 *
 * @example
 * const preview = await previewImport(core, input);   // counts, column mapping, words, refused rows and why
 * const batch = await createImport(core, actor, input);
 * await undoImport(core, actor, batch.id);
 */
import type { Kysely } from 'kysely';
import { dialectOf, type Database } from '../../db';
import type { LedgerImport, LedgerPreview, ParsedInput } from '../../../shared/api';
import { LEDGER_FIELDS, type Channel, type LedgerField } from '../../../shared/enums';
import { t } from '../../../shared/i18n';
import { endOfLocalDay, instantOf, localDateOf, localParts } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound } from '../errors';
import { appendAudit, appendAudits } from '../audit';
import { getOffice } from '../users';
import { computePeriod } from '../calendar';
import { closeDeadlines, loadCalendarContext, openDeadlines, openFixedDeadline, refreshPetitionsNextDue, type CalendarContext } from '../deadlines';
import { formatPetitionNumber, hasHandlingPeriod, lastPetitionSeq } from '../petitions';
import { findHeader, type FoundHeader, type LedgerSheet } from './columns';
import { readLedgerFile } from './read-sheet';
import { channelOf, judgeRow, topicOf, type ImportedPetition, type JudgeContext, type JudgedRow } from './rows';
import { rejectedRowsXlsx } from './rejected-xlsx';
import { petitionRowValues } from '../petitions/petition-row';
import { insertPetitionersOf } from '../petitions/petitioner-rows';
import { chunksOf } from '../../db/chunks';

type ImportInput = ParsedInput<'ledger.imports.create'>;
type Trx = Kysely<Database>;

const HANDLING_DAYS = 60;
const SAMPLE_ROWS = 10;

interface Judged {
  readonly found: FoundHeader;
  readonly columns: Readonly<Partial<Record<LedgerField, number>>>;
  readonly ctx: JudgeContext;
  readonly rows: JudgedRow[];
}

function mappingOf(found: FoundHeader, chosen: ImportInput['columns']): Partial<Record<LedgerField, number>> {
  const columns: Partial<Record<LedgerField, number>> = {};
  for (const c of found.columns) if (c.field) columns[c.field] = c.index;
  for (const field of LEDGER_FIELDS) {
    if (!(field in chosen)) continue;
    const index = chosen[field];
    // A column holds one field: the clerk's choice takes it from whatever the importer had guessed.
    for (const other of LEDGER_FIELDS) if (columns[other] === index) delete columns[other];
    if (index === null || index === undefined) delete columns[field];
    else columns[field] = index;
  }
  return columns;
}

async function judgeFile(db: Trx, input: ImportInput, now: number): Promise<Judged> {
  const sheets: LedgerSheet[] = await readLedgerFile(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  const found = findHeader(sheets);
  if (!found) throw UserError.field('file', 'errors.ledger.noHeader', { name: input.fileName });
  const office = await getOffice(db);
  const [topics, units, leaders] = await Promise.all([
    db.selectFrom('topics').select(['id', 'name']).where('active', '=', 1).execute(),
    db.selectFrom('units').select(['id', 'name']).where('active', '=', 1).execute(),
    db.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'leader').where('active', '=', 1).execute(),
  ]);
  const columns = mappingOf(found, input.columns);
  const ctx: JudgeContext = {
    now,
    timeZone: office.timeZone,
    collectiveThreshold: office.collectiveThreshold,
    columns,
    channelWords: input.words.channel,
    topicWords: input.words.topic,
    topicByName: new Map(topics.map((r) => [r.name, r.id])),
    unitByName: new Map(units.map((r) => [r.name, r.id])),
    leaderByName: new Map(leaders.map((r) => [r.display_name, r.id])),
  };
  const rows = found.sheet.rows.filter((r) => r.rowNumber > found.headerRow).map((r) => judgeRow(r, ctx));
  return { found, columns, ctx, rows: await markDuplicates(db, rows) };
}

/**
 * Rows already in the app: the same ID number on the same day, or the same first petitioner, day and matter.
 * They are shown, and not imported again.
 */
async function markDuplicates(db: Trx, rows: JudgedRow[]): Promise<JudgedRow[]> {
  const accepted = rows.filter((r) => r.petition !== null);
  if (accepted.length === 0) return rows;
  const times = accepted.map((r) => r.petition?.input.receivedAt ?? 0);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const existing = await db
    .selectFrom('petitions')
    .innerJoin('petitioners', (j) => j.onRef('petitioners.petition_id', '=', 'petitions.id'))
    .select(['petitions.number', 'petitions.received_at', 'petitions.summary', 'petitioners.name', 'petitioners.id_number', 'petitioners.ord'])
    .where('petitions.received_at', '>=', from - 86_400_000)
    .where('petitions.received_at', '<=', to + 86_400_000)
    .execute();
  const office = await getOffice(db);
  const day = (ms: number) => localDateOf(ms, office.timeZone);
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const e of existing) {
    if (e.id_number) byId.set(`${day(e.received_at)}|${e.id_number}`, e.number);
    if (e.ord === 0) byName.set(`${day(e.received_at)}|${e.name}|${e.summary}`, e.number);
  }
  return rows.map((r) => {
    const p = r.petition;
    if (!p) return r;
    const first = p.input.petitioners[0];
    const idKey = first?.idNumber ? `${p.receivedDate}|${first.idNumber}` : '';
    const sameId = idKey ? byId.get(idKey) : undefined;
    const sameName = byName.get(`${p.receivedDate}|${first?.name ?? ''}|${p.input.summary}`);
    const number = sameId ?? sameName;
    if (!number) return r;
    const why = t(sameId ? 'errors.ledger.duplicateById' : 'errors.ledger.duplicateByName');
    return { ...r, verdict: 'duplicate', reason: t('errors.ledger.duplicate', { number, why }), petition: null };
  });
}

function handlingDueAt(p: ImportedPetition, cal: CalendarContext): number | null {
  if (p.closedDate || !hasHandlingPeriod({ category: p.input.category, claimItem: p.input.claimItem })) return null;
  return endOfLocalDay(computePeriod(p.receivedDate, { unit: 'calendar_days', days: HANDLING_DAYS }, cal.lookup).endDate, cal.timeZone);
}

function wordsOf(rows: readonly JudgedRow[], column: number | undefined, meaning: (word: string) => { channel: Channel | null; topicId: number | null }) {
  const counts = new Map<string, number>();
  if (column) {
    for (const r of rows) {
      if (r.verdict === 'skipped') continue;
      const word = r.cells[column - 1] ?? '';
      if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word, count]) => ({ word, count, ...meaning(word) }));
}

export async function previewImport(core: Core, input: ImportInput): Promise<LedgerPreview> {
  const now = core.clock.now();
  const judged = await judgeFile(core.db, input, now);
  const { found, columns, ctx, rows } = judged;
  const cal = await loadCalendarContext(core.db);
  const accepted = rows.filter((r) => r.petition !== null);
  const rejected = rows.filter((r) => r.verdict === 'refused' || r.verdict === 'duplicate');
  const count = (v: JudgedRow['verdict']) => rows.filter((r) => r.verdict === v).length;
  const fieldAt = new Map(Object.entries(columns).map(([field, index]) => [index, field as LedgerField]));
  return {
    sheetName: found.sheet.name,
    headerRow: found.headerRow,
    columns: found.columns.map((c) => ({
      index: c.index,
      header: c.header,
      field: fieldAt.get(c.index) ?? null,
      samples: [...new Set(rows.filter((r) => r.verdict !== 'skipped').map((r) => r.cells[c.index - 1] ?? '').filter((s) => s !== ''))].slice(0, 3),
    })),
    channelWords: wordsOf(rows, columns.channel, (w) => ({ channel: channelOf(w, ctx), topicId: null })),
    topicWords: wordsOf(rows, columns.topic, (w) => ({ channel: null, topicId: topicOf(w, ctx) })),
    counts: {
      rows: rows.length,
      closed: count('closed'),
      open: count('open'),
      refused: count('refused'),
      duplicate: count('duplicate'),
      skipped: count('skipped'),
      overdue: accepted.filter((r) => {
        const due = r.petition ? handlingDueAt(r.petition, cal) : null;
        return due !== null && due <= now;
      }).length,
    },
    sample: accepted.slice(0, SAMPLE_ROWS).map(toRow),
    rejected: rejected.map(toRow),
    rejectedXlsxBase64: await rejectedRowsXlsx(found.columns.map((c) => c.header), rejected),
  };
}

function toRow(r: JudgedRow) {
  return { rowNumber: r.rowNumber, verdict: r.verdict, reason: r.reason, receivedDate: r.receivedDate, petitioners: r.petitioners, summary: r.summary, cells: [...r.cells] };
}

interface InsertContext {
  readonly trx: Trx;
  readonly cal: CalendarContext;
  readonly actor: Actor;
  readonly now: number;
  readonly batchId: number;
  readonly fileName: string;
  readonly numberFormat: string;
  readonly timeZone: string;
  readonly seqs: Map<number, number>;
}

async function nextNumber(c: InsertContext, year: number): Promise<{ seq: number; number: string }> {
  const last = c.seqs.get(year) ?? (await lastPetitionSeq(c.trx, year));
  const seq = last + 1;
  c.seqs.set(year, seq);
  return { seq, number: formatPetitionNumber(c.numberFormat, year, seq) };
}

interface Numbered {
  readonly rowNumber: number;
  readonly p: ImportedPetition;
  readonly number: string;
  readonly year: number;
  readonly seq: number;
  readonly status: 'closed' | 'in_handling';
  readonly closedAt: number | null;
}

/**
 * One part of the batch (a few hundred rows) written in a few statements: the petitions, their petitioners,
 * timeline steps and handling deadlines (worked out from the calendar read once for the whole import), and one
 * audit row each.
 */
async function insertPart(c: InsertContext, part: readonly { rowNumber: number; p: ImportedPetition }[]): Promise<void> {
  const { trx, actor, now } = c;
  const numbered: Numbered[] = [];
  for (const { rowNumber, p } of part) {
    const year = localParts(p.input.receivedAt, c.timeZone).year;
    const closedAt = p.closedDate ? instantOf(p.closedDate, c.timeZone) : null;
    numbered.push({ rowNumber, p, year, ...(await nextNumber(c, year)), status: closedAt !== null ? 'closed' : 'in_handling', closedAt });
  }
  const inserted = await trx
    .insertInto('petitions')
    .values(
      numbered.map((n) =>
        petitionRowValues(n.p.input, {
          number: n.number,
          year: n.year,
          seq: n.seq,
          status: n.status,
          actorId: actor.id,
          now,
          responsibleUnitId: n.p.responsibleUnitId,
          leadLeaderId: n.p.leadLeaderId,
          ledgerNumber: n.p.ledgerNumber,
          importId: c.batchId,
        }),
      ),
    )
    .returning(['id', 'number'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.number, r.id]));
  const rows = numbered.map((n) => ({ ...n, id: idOf.get(n.number) ?? 0 }));
  await insertPetitionersOf(trx, rows.map((r) => ({ petitionId: r.id, petitioners: r.p.input.petitioners })));
  await trx
    .insertInto('petition_steps')
    .values(
      rows.flatMap((r) => {
        const base = { petition_id: r.id, user_id: actor.id, details_json: JSON.stringify({ ledgerRow: r.rowNumber }) };
        const register = { ...base, at: r.p.input.receivedAt, action: 'register' as const, from_status: null, to_status: 'registered' as const, note: t('ledger.importStep', { file: c.fileName, row: r.rowNumber }) };
        return [
          register,
          r.closedAt !== null
            ? { ...base, at: r.closedAt, action: 'close' as const, from_status: 'registered' as const, to_status: 'closed' as const, note: r.p.result }
            : { ...base, at: r.p.input.receivedAt, action: 'start_handling' as const, from_status: 'registered' as const, to_status: 'in_handling' as const, note: '' },
        ];
      }),
    )
    .execute();
  const handling = rows.filter((r) => r.status === 'in_handling' && hasHandlingPeriod({ category: r.p.input.category, claimItem: r.p.input.claimItem }));
  await openDeadlines(
    trx,
    c.cal,
    handling.map((r) => ({ subjectId: r.id, kind: 'handling' as const, startDate: r.p.receivedDate, unit: 'calendar_days' as const, days: HANDLING_DAYS, article: t('ledger.handlingArticle') })),
    now,
  );
  // As for intake: what came in, without ID numbers or phones in clear.
  await appendAudits(
    trx,
    rows.map((r) => ({
      actor,
      at: now,
      action: 'petition.import',
      entity: 'petition',
      entityId: r.id,
      after: { number: r.number, importId: c.batchId, ledgerNumber: r.p.ledgerNumber, ledgerRow: r.rowNumber, status: r.status, receivedDate: r.p.receivedDate, closedDate: r.p.closedDate },
    })),
  );
}

/** The import's petitions, as a subquery (a batch of 10,000 is too many to list as parameters). */
function batchPetitionIds(trx: Trx, batchId: number) {
  return trx.selectFrom('petitions').select('id').where('import_id', '=', batchId);
}

function batchDeadlineIds(trx: Trx, batchId: number) {
  return trx.selectFrom('deadlines').select('id').where('subject_type', '=', 'petition').where('subject_id', 'in', batchPetitionIds(trx, batchId));
}

export async function createImport(core: Core, actor: Actor, input: ImportInput): Promise<LedgerImport> {
  const now = core.clock.now();
  const progress = (done: number, total: number) => core.emit({ type: 'ledger.progress', fileName: input.fileName, done, total });
  const office = await getOffice(core.db);
  const batchId = await core.db.transaction().execute(async (trx) => {
    const { found, rows } = await judgeFile(trx, input, now);
    const accepted = rows.filter((r) => r.petition !== null);
    if (accepted.length === 0) throw UserError.field('file', 'errors.ledger.noRows');
    const refused = rows.filter((r) => r.verdict === 'refused' || r.verdict === 'duplicate').length;
    const batch = await trx
      .insertInto('ledger_imports')
      .values({ file_name: input.fileName, sheet_name: found.sheet.name, imported: accepted.length, refused, closed: 0, overdue: 0, created_by: actor.id, created_at: now, voided_by: null, voided_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c: InsertContext = {
      trx,
      cal: await loadCalendarContext(trx),
      actor,
      now,
      batchId: batch.id,
      fileName: input.fileName,
      numberFormat: office.numberFormat,
      timeZone: office.timeZone,
      seqs: new Map(),
    };
    const work = accepted.flatMap((r) => (r.petition ? [{ rowNumber: r.rowNumber, p: r.petition }] : []));
    let done = 0;
    progress(0, work.length);
    for (const part of chunksOf(work)) {
      await insertPart(c, part);
      done += part.length;
      progress(done, work.length);
      // The transaction keeps the database; the pause lets the progress reach the window.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await refreshPetitionsNextDue(trx, batchPetitionIds(trx, batch.id));
    // Rows already overdue would each ring now: their due alarms give way to one summary alarm for the batch.
    // Pre-alarms whose moment had passed were never planned, and future alarms stay as for any petition.
    await trx.deleteFrom('alarms').where('status', '=', 'pending').where('fire_at', '<=', now).where('deadline_id', 'in', batchDeadlineIds(trx, batch.id)).execute();
    const overdue = await trx
      .selectFrom('deadlines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', batchDeadlineIds(trx, batch.id))
      .where('status', '=', 'open')
      .where('due_at', '<=', now)
      .executeTakeFirstOrThrow();
    const closed = accepted.filter((r) => r.petition?.closedDate).length;
    const overdueCount = Number(overdue.n);
    if (overdueCount > 0) {
      await openFixedDeadline(
        trx,
        c.cal,
        { subjectType: 'ledger_import', subjectId: batch.id, kind: 'import_overdue', startAt: now, dueAt: now, article: t('ledger.summaryAlarmArticle', { count: overdueCount }) },
        now,
      );
    }
    await trx.updateTable('ledger_imports').set({ closed, overdue: overdueCount }).where('id', '=', batch.id).execute();
    await appendAudit(trx, {
      actor,
      at: now,
      action: 'ledger.import',
      entity: 'ledger_import',
      entityId: batch.id,
      after: { fileName: input.fileName, sheet: found.sheet.name, imported: accepted.length, closed, overdue: overdueCount, refused, columns: mappingOf(found, input.columns), words: input.words },
    });
    return batch.id;
  });
  // A large batch changes how the rows spread over the list's indexes: the planner's statistics follow it.
  await dialectOf(core.db).refreshStatistics(core.db);
  core.emit({ type: 'petitions.changed', id: 0 });
  core.emit({ type: 'alarms.changed' });
  return getImport(core, batchId);
}

async function importRows(db: Trx, where: { id?: number }) {
  let q = db
    .selectFrom('ledger_imports')
    .innerJoin('users', 'users.id', 'ledger_imports.created_by')
    .selectAll('ledger_imports')
    .select('users.display_name')
    .orderBy('ledger_imports.id', 'desc')
    .limit(20);
  if (where.id !== undefined) q = q.where('ledger_imports.id', '=', where.id);
  return q.execute();
}

function canUndoOn(createdAt: number, voidedAt: number | null, now: number, timeZone: string): boolean {
  return voidedAt === null && localDateOf(createdAt, timeZone) === localDateOf(now, timeZone);
}

export async function listImports(core: Core): Promise<LedgerImport[]> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  return (await importRows(core.db, {})).map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sheetName: r.sheet_name,
    imported: r.imported,
    refused: r.refused,
    closed: r.closed,
    overdue: r.overdue,
    createdAt: r.created_at,
    createdByName: r.display_name,
    voidedAt: r.voided_at,
    canUndo: canUndoOn(r.created_at, r.voided_at, now, office.timeZone),
  }));
}

async function getImport(core: Core, id: number): Promise<LedgerImport> {
  const found = (await listImports(core)).find((r) => r.id === id);
  if (found) return found;
  const [row] = await importRows(core.db, { id });
  if (!row) throw notFound();
  const office = await getOffice(core.db);
  return {
    id: row.id,
    fileName: row.file_name,
    sheetName: row.sheet_name,
    imported: row.imported,
    refused: row.refused,
    closed: row.closed,
    overdue: row.overdue,
    createdAt: row.created_at,
    createdByName: row.display_name,
    voidedAt: row.voided_at,
    canUndo: canUndoOn(row.created_at, row.voided_at, core.clock.now(), office.timeZone),
  };
}

/** A petition of the batch that someone worked on after the import: then the batch is not undone as a whole. */
async function firstTouched(trx: Trx, batchId: number, createdAt: number): Promise<{ count: number; number: string } | null> {
  const touched = await trx
    .selectFrom('petitions')
    .select('number')
    .where('import_id', '=', batchId)
    .where((eb) =>
      eb.or([
        eb('updated_at', '>', createdAt),
        eb.exists(eb.selectFrom('attachments').select('id').whereRef('attachments.petition_id', '=', 'petitions.id')),
        eb.exists(eb.selectFrom('mediations').select('id').whereRef('mediations.petition_id', '=', 'petitions.id')),
        eb.exists(eb.selectFrom('notices').select('id').where('notices.subject_type', '=', 'petition').whereRef('notices.subject_id', '=', 'petitions.id')),
        eb.exists(eb.selectFrom('warning_links').select('warning_id').where('warning_links.link_type', '=', 'petition').whereRef('warning_links.subject_id', '=', 'petitions.id')),
        eb.exists(eb.selectFrom('info_reports').select('id').whereRef('info_reports.petition_id', '=', 'petitions.id')),
        eb.exists(
          eb
            .selectFrom('petitions as later')
            .select('later.id')
            .whereRef('later.repeat_of_id', '=', 'petitions.id')
            .where((inner) => inner.or([inner('later.import_id', 'is', null), inner('later.import_id', '!=', batchId)])),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
  const first = touched[0];
  return first ? { count: touched.length, number: first.number } : null;
}

export async function undoImport(core: Core, actor: Actor, id: number): Promise<LedgerImport> {
  const now = core.clock.now();
  const office = await getOffice(core.db);
  await core.db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('ledger_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!batch) throw notFound();
    if (batch.voided_at !== null) throw new UserError('conflict', 'errors.ledger.undoDone');
    if (!canUndoOn(batch.created_at, null, now, office.timeZone)) {
      throw new UserError('conflict', 'errors.ledger.undoLate', { date: localDateOf(batch.created_at, office.timeZone) });
    }
    const touched = await firstTouched(trx, id, batch.created_at);
    if (touched) throw new UserError('conflict', 'errors.ledger.undoTouched', touched);
    const petitions = await trx.selectFrom('petitions').select(['id', 'number', 'year', 'seq']).where('import_id', '=', id).orderBy('id').execute();
    // The numbers the batch used are retired, never given again.
    const maxByYear = new Map<number, number>();
    for (const p of petitions) maxByYear.set(p.year, Math.max(maxByYear.get(p.year) ?? 0, p.seq));
    for (const [year, maxSeq] of maxByYear) {
      await trx
        .insertInto('retired_petition_numbers')
        .values({ year, max_seq: maxSeq })
        .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ max_seq: dialectOf(trx).greatest(eb.ref('retired_petition_numbers.max_seq'), eb.val(maxSeq)) })))
        .execute();
    }
    await trx.deleteFrom('alarm_log').where('alarm_id', 'in', trx.selectFrom('alarms').select('id').where('deadline_id', 'in', batchDeadlineIds(trx, id))).execute();
    await trx.deleteFrom('alarms').where('deadline_id', 'in', batchDeadlineIds(trx, id)).execute();
    await trx.deleteFrom('deadlines').where('subject_type', '=', 'petition').where('subject_id', 'in', batchPetitionIds(trx, id)).execute();
    await trx.deleteFrom('petition_steps').where('petition_id', 'in', batchPetitionIds(trx, id)).execute();
    await trx.deleteFrom('petitioners').where('petition_id', 'in', batchPetitionIds(trx, id)).execute();
    await trx.deleteFrom('petitions').where('import_id', '=', id).execute();
    await closeDeadlines(trx, id, 'all', 'cancelled', now, 'ledger_import');
    await trx.updateTable('ledger_imports').set({ voided_at: now, voided_by: actor.id }).where('id', '=', id).execute();
    await appendAudits(
      trx,
      petitions.map((p) => ({ actor, at: now, action: 'petition.importUndone', entity: 'petition', entityId: p.id, before: { number: p.number, importId: id } })),
    );
    await appendAudit(trx, { actor, at: now, action: 'ledger.importUndone', entity: 'ledger_import', entityId: id, after: { removed: petitions.length } });
  });
  core.emit({ type: 'petitions.changed', id: 0 });
  core.emit({ type: 'alarms.changed' });
  return getImport(core, id);
}

