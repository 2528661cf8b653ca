/**
 * Reading petitions: the filtered, sorted, paged list with Chinese full-text search, the detail page with
 * its timeline and deadlines, and repeat detection at intake. ID numbers and phones leave here masked.
 */
import { sql, type CompiledQuery, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { dialectOf, escapeLike, type Database, type Db, type PetitionTable, type StoreDialect } from '../../db';
import type { PetitionDetail, PetitionSummary, petitionListInputSchema } from '../../../shared/api';
import type { z } from 'zod';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../shared/id-number';
import { searchWords } from '../../../shared/search-words';
import { notFound } from '../errors';
import { toDeadline } from '../deadlines';
import { allowedActions } from './workflow';
import { listAttachments } from './attachments';
import { approvalsFor } from '../approvals/queries';

type ListInput = z.output<typeof petitionListInputSchema>;

/** Chinese text has no spaces: the trigram index finds phrases of three characters or more. */
const MIN_FTS_CHARS = 3;


type PetitionRowWithNames = Selectable<PetitionTable> & { topic_name: string | null; unit_name: string | null };

function summaryOf(row: PetitionRowWithNames): PetitionSummary {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    receivedAt: row.received_at,
    status: row.status,
    category: row.category,
    claimItem: row.claim_item,
    topicName: row.topic_name,
    unitName: row.unit_name,
    summary: row.summary,
    peopleCount: row.people_count,
    firstPetitioner: row.first_petitioner,
    firstIdNumberMasked: maskIdNumber(row.first_id_number),
    nextDueAt: row.next_due_at,
    nextDueKind: row.next_due_kind,
    repeatOfId: row.repeat_of_id,
    voidReason: row.void_reason,
    ledgerNumber: row.ledger_number ?? null,
  };
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('petitions')
    .leftJoin('topics', 'topics.id', 'petitions.topic_id')
    .leftJoin('units', 'units.id', 'petitions.unit_id');
}

function petitionsOnly(db: Kysely<Database>) {
  return db.selectFrom('petitions');
}

type Filtered = ReturnType<typeof petitionsOnly>;
type Where = ExpressionBuilder<Database, 'petitions'>;

const ID_NUMBER = /^\d{17}[\dXx]$/;
const PHONE = /^[\d-]{7,20}$/;
const SEQ = /^\d{1,6}$/;
/** A word that runs from the lead petitioner's name into the list's "等N人" (张三等, 张三等6人). */
const NAME_AND_MANY = /^(.+?)等\d*人?$/;

/** The list counts at most this many matches exactly; above it the page says "10000+". */
export const LIST_COUNT_CAP = 10_000;

function isLong(word: string): boolean {
  return [...word].length >= MIN_FTS_CHARS;
}

/**
 * What one search word may match: the number (信〔2026〕0012号, or just 12), any petitioner's name, the start of
 * the lead petitioner's name as the list shows it (张三等6人), an exact ID number or phone, or the text (summary,
 * request and facts; a word under three characters looks in the summary and request only).
 *
 * A word of three characters or more is looked up in indexes only (the petitions', petitioners' and numbers'
 * trigram indexes, the sequence, ID number and phone indexes), so the search reads the matches and nothing else.
 */
function indexedMatches(d: StoreDialect, word: string): RawBuilder<unknown> | null {
  if (!isLong(word)) return null;
  const lead = NAME_AND_MANY.exec(word)?.[1];
  // The name part of 张三等 is under three characters: no index holds it (the scan below answers).
  if (lead !== undefined && !isLong(lead)) return null;
  const parts: RawBuilder<unknown>[] = [
    d.petitionTextIds(word),
    d.petitionNumberIds(word),
    sql`SELECT petition_id AS id FROM petitioners WHERE id IN (${d.petitionerNameIds(word)})`,
  ];
  if (lead !== undefined) {
    parts.push(sql`SELECT p.id FROM petitioners n JOIN petitions p ON p.id = n.petition_id
      WHERE n.id IN (${d.petitionerNameIds(lead)})
      AND ${d.like('p.first_petitioner', `${escapeLike(word)}%`)}`);
  }
  if (SEQ.test(word)) parts.push(sql`SELECT id FROM petitions WHERE seq = ${Number(word)}`);
  if (ID_NUMBER.test(word)) parts.push(sql`SELECT petition_id AS id FROM petitioners WHERE id_number = ${normalizeIdNumber(word)}`);
  else if (PHONE.test(word)) parts.push(sql`SELECT petition_id AS id FROM petitioners WHERE phone = ${word}`);
  return sql.join(parts, sql` UNION `);
}

/**
 * The same matches checked row by row: for words under three characters, which no index holds. When another
 * word's index lookup chose the few rows to check, each row's petitioners are read through their index; else
 * the names are matched once over the petitioners table.
 */
function scannedMatches(d: StoreDialect, eb: Where, word: string, fewRows: boolean): Expression<SqlBool> {
  const like = (column: string, pattern: string) => d.like(column, pattern);
  const pattern = `%${escapeLike(word)}%`;
  const names = eb.selectFrom('petitioners').where(() => like('petitioners.name', pattern));
  const ors: Expression<SqlBool>[] = [
    like('petitions.number', pattern),
    like('petitions.first_petitioner', `${escapeLike(word)}%`),
    fewRows
      ? eb.exists(names.select(sql`1`.as('one')).whereRef('petitioners.petition_id', '=', 'petitions.id'))
      : eb('petitions.id', 'in', names.select('petitioners.petition_id')),
  ];
  if (SEQ.test(word)) ors.push(eb('petitions.seq', '=', Number(word)));
  if (isLong(word)) {
    ors.push(sql<SqlBool>`petitions.id IN (${d.petitionTextIds(word)})`);
  } else {
    ors.push(like('petitions.summary', pattern));
    ors.push(like('petitions.request', pattern));
  }
  return eb.or(ors);
}

/** Whether a search looks a person up by ID number or phone (the audit records such a look-up). */
export function searchesPerson(text: string): boolean {
  return searchWords(text).some((w) => ID_NUMBER.test(w) || (PHONE.test(w) && w.replace(/-/g, '').length >= 7));
}

/**
 * How a search word's index lookup joins the query: `drive` lets the planner start from the matches (few of
 * them), `check` makes it walk the sort order and test each row against the matches (many of them, so the
 * first page fills after a few rows instead of sorting them all).
 */
type SearchUse = 'drive' | 'check';

function applyFilters(d: StoreDialect, q: Filtered, input: ListInput, now: number, use: SearchUse = 'drive'): Filtered {
  let query = q;
  // Several words (separated by spaces, a full-width space or commas) must all match, each in any field.
  const words = searchWords(input.query).map((word) => ({ word, indexed: indexedMatches(d, word) }));
  const driven = use === 'drive' && words.some((w) => w.indexed !== null);
  for (const { word, indexed } of words) {
    query = indexed
      ? query.where(sql<SqlBool>`${use === 'drive' ? sql.ref('petitions.id') : d.unindexed('petitions.id')} IN (${indexed})`)
      : query.where((eb) => scannedMatches(d, eb, word, driven));
  }
  // With many matches the page walks the sort order's index and tests each row: `+` keeps the planner off the
  // filter's own index, which would read every match and sort them all. (The due-date order puts rows without a
  // deadline last, which no index holds: there the filter's index stays.)
  const walkSortOrder = use === 'check' && !(input.sort === 'nextDueAt' && !input.overdueOnly);
  const col = (name: string) => (walkSortOrder ? d.unindexed(name) : sql.ref(name));
  if (input.statuses.length > 0) query = query.where(sql<SqlBool>`${col('petitions.status')} IN (${sql.join(input.statuses)})`);
  // A voided registration stays findable, but only when asked for: it is not a petition the office handles.
  else if (!input.includeVoided) query = query.where('petitions.status', '!=', 'voided');
  if (input.category) query = query.where(sql<SqlBool>`${col('petitions.category')} = ${input.category}`);
  if (input.topicId !== null) query = query.where(sql<SqlBool>`${col('petitions.topic_id')} = ${input.topicId}`);
  if (input.unitId !== null) {
    const unitId = input.unitId;
    query = query.where(sql<SqlBool>`(${col('petitions.unit_id')} = ${unitId} OR ${col('petitions.responsible_unit_id')} = ${unitId})`);
  }
  if (input.receivedFrom !== null) query = query.where('petitions.received_at', '>=', input.receivedFrom);
  if (input.receivedTo !== null) query = query.where('petitions.received_at', '<', input.receivedTo);
  if (input.overdueOnly) query = query.where('petitions.next_due_at', '<', now);
  return query;
}

const SORT_COLUMNS = {
  receivedAt: 'petitions.received_at',
  number: 'petitions.number',
  nextDueAt: 'petitions.next_due_at',
  status: 'petitions.status',
} as const;

/** Above this many matches a search walks the list's order rather than sorting its matches. */
const DRIVE_LIMIT = 2_000;

function ordered<Q extends Filtered>(q: Q, input: Pick<ListInput, 'sort' | 'descending' | 'overdueOnly'>): Q {
  const direction = input.descending ? 'desc' : 'asc';
  return (
    q
      // Rows with no open deadline sort last whichever way the due column is sorted (overdue ones all have one).
      .$if(input.sort === 'nextDueAt' && !input.overdueOnly, (qb) => qb.orderBy(sql`petitions.next_due_at IS NULL`))
      .orderBy(SORT_COLUMNS[input.sort], direction)
      .orderBy('petitions.id', direction) as Q
  );
}

function countQuery(db: Db, input: ListInput, now: number) {
  const matches = applyFilters(dialectOf(db), petitionsOnly(db), input, now).select(sql`1`.as('one'));
  return db.selectFrom((input.exactTotal ? matches : matches.limit(LIST_COUNT_CAP + 1)).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
}

function pageQuery(db: Db, input: ListInput, now: number, use: SearchUse) {
  return ordered(applyFilters(dialectOf(db), petitionsOnly(db), input, now, use), input)
    .leftJoin('topics', 'topics.id', 'petitions.topic_id')
    .leftJoin('units', 'units.id', 'petitions.unit_id')
    .selectAll('petitions')
    .select(['topics.name as topic_name', 'units.name as unit_name'])
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
}

/** The statements the list runs, for a test to read their query plans. */
export function listStatements(db: Db, input: ListInput, now: number): { count: CompiledQuery; page: Record<SearchUse, CompiledQuery> } {
  return {
    count: countQuery(db, input, now).compile(),
    page: { drive: pageQuery(db, input, now, 'drive').compile(), check: pageQuery(db, input, now, 'check').compile() },
  };
}

export async function listPetitions(
  db: Db,
  input: ListInput,
  now: number,
): Promise<{ rows: PetitionSummary[]; total: number; totalCapped: boolean }> {
  // Counted without the joins the page needs, and no further than the cap unless asked.
  const n = Number((await countQuery(db, input, now).executeTakeFirst())?.n ?? 0);
  const capped = n > LIST_COUNT_CAP && !input.exactTotal;
  const rows = await pageQuery(db, input, now, n > DRIVE_LIMIT ? 'check' : 'drive').execute();
  return { rows: rows.map(summaryOf), total: capped ? LIST_COUNT_CAP : n, totalCapped: capped };
}

/** Every petition the list's filters select, in the list's order (the register export prints them all). */
export async function listPetitionIds(db: Db, input: Omit<ListInput, 'page' | 'pageSize'>, now: number): Promise<number[]> {
  const rows = await ordered(applyFilters(dialectOf(db), petitionsOnly(db), { ...input, page: 1, pageSize: 1 }, now), input)
    .select('petitions.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function getPetition(db: Db, id: number): Promise<PetitionDetail> {
  const row = await baseQuery(db)
    .selectAll('petitions')
    .select(['topics.name as topic_name', 'units.name as unit_name'])
    .where('petitions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const [petitioners, steps, deadlines, mediations, attachments, repeats, repeatOf, responsible, leader, approvals] = await Promise.all([
    db.selectFrom('petitioners').selectAll().where('petition_id', '=', id).orderBy('ord').execute(),
    db
      .selectFrom('petition_steps')
      .innerJoin('users', 'users.id', 'petition_steps.user_id')
      .selectAll('petition_steps')
      .select('users.display_name')
      .where('petition_id', '=', id)
      .orderBy('petition_steps.at')
      .orderBy('petition_steps.id')
      .execute(),
    db.selectFrom('deadlines').selectAll().where('subject_type', '=', 'petition').where('subject_id', '=', id).orderBy('due_at').execute(),
    db
      .selectFrom('mediations')
      .innerJoin('users', 'users.id', 'mediations.user_id')
      .selectAll('mediations')
      .select('users.display_name')
      .where('petition_id', '=', id)
      .orderBy('at')
      .execute(),
    listAttachments(db, id),
    db.selectFrom('petitions').select(['id', 'number', 'received_at', 'summary']).where('repeat_of_id', '=', id).orderBy('received_at').execute(),
    row.repeat_of_id !== null
      ? db.selectFrom('petitions').select('number').where('id', '=', row.repeat_of_id).executeTakeFirst()
      : Promise.resolve(undefined),
    row.responsible_unit_id !== null
      ? db.selectFrom('units').select('name').where('id', '=', row.responsible_unit_id).executeTakeFirst()
      : Promise.resolve(undefined),
    row.lead_leader_id !== null
      ? db.selectFrom('users').select('display_name').where('id', '=', row.lead_leader_id).executeTakeFirst()
      : Promise.resolve(undefined),
    approvalsFor(db, 'petition', id),
  ]);
  const status = row.status;
  const category = row.category;
  return {
    ...summaryOf(row),
    request: row.request,
    factsReasons: row.facts_reasons,
    topicId: row.topic_id,
    unitId: row.unit_id,
    responsibleUnitId: row.responsible_unit_id,
    responsibleUnitName: responsible?.name ?? null,
    leadLeaderId: row.lead_leader_id,
    leadLeaderName: leader?.display_name ?? null,
    decision: row.decision,
    extendedDays: row.extended_days,
    petitioners: petitioners.map((p) => ({
      id: p.id,
      name: p.name,
      idNumberMasked: maskIdNumber(p.id_number),
      phoneMasked: maskPhone(p.phone),
      address: p.address,
      isRepresentative: p.is_representative === 1,
    })),
    steps: steps.map((s) => ({
      id: s.id,
      at: s.at,
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      note: s.note,
      userName: s.display_name,
      details: JSON.parse(s.details_json) as Record<string, string | number | null>,
    })),
    deadlines: deadlines.map(toDeadline),
    mediations: mediations.map((m) => ({
      id: m.id,
      kind: m.kind,
      at: m.at,
      outcome: m.outcome,
      note: m.note,
      userName: m.display_name,
    })),
    attachments,
    repeats: repeats.map((r) => ({ id: r.id, number: r.number, receivedAt: r.received_at, summary: r.summary })),
    repeatOfNumber: repeatOf?.number ?? null,
    allowedActions: allowedActions({ status, category, claimItem: row.claim_item, extendedDays: row.extended_days }),
    createdAt: row.created_at,
    voidedAt: row.voided_at,
    approvals,
  };
}

function trigrams(text: string): string[] {
  const chars = [...text.replace(/[\s\p{P}\p{S}]+/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + MIN_FTS_CHARS <= chars.length; i++) out.add(chars.slice(i, i + MIN_FTS_CHARS).join(''));
  return [...out];
}

/** Share of the new text's trigrams that the candidate contains: 1 is the same wording. */
function similarity(grams: readonly string[], candidate: string): number {
  if (grams.length === 0) return 0;
  let hits = 0;
  for (const g of grams) if (candidate.includes(g)) hits++;
  return hits / grams.length;
}

export const SIMILAR_TEXT_THRESHOLD = 0.25;
/** Candidates are the petitions sharing the rarest of the typed trigrams: a common one (村民反) would bring thousands. */
const RARE_TRIGRAMS = 8;
/** A trigram held by this many petitions or more counts as common (its count stops there). */
const COMMON_AT = 500;

/**
 * The FTS query for the repeat check: the rarest typed trigrams ORed (those under {@link COMMON_AT} petitions, at
 * most {@link RARE_TRIGRAMS}), or when every one is common, the three rarest together.
 */
async function rareTrigramMatch(db: Db, grams: readonly string[]): Promise<{ phrases: string[]; mode: 'any' | 'all' } | null> {
  const counted: { gram: string; n: number }[] = [];
  for (const gram of grams) {
    const n = await dialectOf(db).countPetitionText(db, gram, COMMON_AT);
    if (n > 0) counted.push({ gram, n });
  }
  counted.sort((a, b) => a.n - b.n);
  const rare = counted.filter((c) => c.n < COMMON_AT).slice(0, RARE_TRIGRAMS);
  if (rare.length > 0) return { phrases: rare.map((c) => c.gram), mode: 'any' };
  return counted.length > 0 ? { phrases: counted.slice(0, 3).map((c) => c.gram), mode: 'all' } : null;
}
const MAX_CANDIDATES = 8;

export async function findPossibleRepeats(
  db: Db,
  input: { idNumbers: readonly string[]; text: string; excludeId?: number | undefined },
): Promise<(PetitionSummary & { reason: 'idNumber' | 'text' })[]> {
  const ids = input.idNumbers.map(normalizeIdNumber).filter((s) => s.length === 18);
  const found = new Map<number, 'idNumber' | 'text'>();
  if (ids.length > 0) {
    const rows = await db.selectFrom('petitioners').select('petition_id').distinct().where('id_number', 'in', ids).limit(MAX_CANDIDATES).execute();
    for (const r of rows) found.set(r.petition_id, 'idNumber');
  }
  const grams = trigrams(input.text).slice(0, 60);
  const match = await rareTrigramMatch(db, grams);
  if (match !== null) {
    const rows = await dialectOf(db).petitionTextCandidates(db, match.phrases, match.mode, 40);
    for (const r of rows) {
      if (found.has(r.id)) continue;
      if (similarity(grams, `${r.summary}${r.request}`) >= SIMILAR_TEXT_THRESHOLD) found.set(r.id, 'text');
    }
  }
  if (input.excludeId !== undefined) found.delete(input.excludeId);
  const idsFound = [...found.keys()].slice(0, MAX_CANDIDATES);
  if (idsFound.length === 0) return [];
  const rows = await baseQuery(db)
    .selectAll('petitions')
    .select(['topics.name as topic_name', 'units.name as unit_name'])
    .where('petitions.id', 'in', idsFound)
    .orderBy('petitions.received_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...summaryOf(r), reason: found.get(r.id) ?? 'text' }));
}
