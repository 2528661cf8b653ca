/**
 * Reading petitions: the filtered, sorted, paged list with Chinese full-text search, the detail page with
 * its timeline and deadlines, and repeat detection at intake. ID numbers and phones leave here masked.
 */
import { expressionBuilder, sql, type CompiledQuery, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { dialectOf, escapeLike, type Database, type Db, type PetitionTable, type StoreDialect, type TextIndex } from '../../db';
import type { PetitionDetail, PetitionSummary, petitionListInputSchema } from '../../../shared/api';
import type { z } from 'zod';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../shared/id-number';
import { searchWords } from '../../../shared/search-words';
import { notFound } from '../errors';
import { toDeadline } from '../deadlines';
import { allowedActions } from './workflow';
import { listAttachments } from './attachments';
import { approvalsFor } from '../approvals/queries';
import { LIST_COUNT_CAP, cappedCountQuery, cappedTotal } from '../capped-count';

export { LIST_COUNT_CAP } from '../capped-count';

type ListInput = z.output<typeof petitionListInputSchema>;

/** Chinese text has no spaces: the trigram index finds phrases of three characters or more. */
const MIN_FTS_CHARS = 3;


type PetitionRowWithNames = Selectable<PetitionTable> & { topic_name: string | null; unit_name: string | null };

function summaryOf(row: PetitionRowWithNames): PetitionSummary {
  return {
    id: row.id,
    number: row.number,
    township: row.township,
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

function isLong(word: string): boolean {
  return [...word].length >= MIN_FTS_CHARS;
}

/**
 * Characters the short-word index holds inside a word and folds as LIKE does: letters and digits (the unicode61
 * tokenizer splits words at anything else) that are ASCII or have no case (LIKE folds only ASCII; the tokenizer
 * folds every script). A short word with any other character is checked row by row.
 */
function pairable(word: string): boolean {
  return /^[\p{L}\p{N}\p{Co}]+$/u.test(word) && [...word].every((c) => c < '\u0080' || (c.toLowerCase() === c && c.toUpperCase() === c));
}

/**
 * Where one search word's matches are found through indexes: its text, in one of the two text indexes (`text`:
 * the trigram index over summary, request and facts, or the character-pair index; see the dialect's
 * petitionWordIds), and
 * `others`, SELECTs of the petitions it finds by number, petitioner or sequence. An FTS index returns its rows in
 * id order, which lets a count merge several words' text matches without gathering them.
 */
interface WordIndex {
  readonly text: TextIndex;
  readonly others: readonly RawBuilder<unknown>[];
}

/**
 * What one search word may match: the number (信〔2026〕0012号, or just 12), any petitioner's name, the start of
 * the lead petitioner's name as the list shows it (张三等6人), an exact ID number or phone, or the text (summary,
 * request and facts; a word under three characters looks in the summary and request only).
 *
 * A word is looked up in indexes only, so the search reads the matches and nothing else: three characters or more
 * in the petitions', petitioners' and numbers' trigram indexes, the sequence, ID number and phone indexes; one or
 * two letters or digits in the character-pair indexes (migration 0014; a one-character word is a prefix query on
 * them) and the index of the lead petitioner's first two characters. Null: no index holds the word.
 */
function wordIndex(d: StoreDialect, word: string): WordIndex | null {
  if (!isLong(word)) return pairable(word) ? pairIndex(word) : null;
  const lead = NAME_AND_MANY.exec(word)?.[1];
  // The name part of 张三等 is under three characters: no index holds it (the scan below answers).
  if (lead !== undefined && !isLong(lead)) return null;
  const others: RawBuilder<unknown>[] = [
    d.petitionNumberIds(word),
    sql`SELECT petition_id AS id FROM petitioners WHERE id IN (${d.petitionerNameIds(word)})`,
  ];
  if (lead !== undefined) {
    others.push(sql`SELECT p.id FROM petitioners n JOIN petitions p ON p.id = n.petition_id
      WHERE n.id IN (${d.petitionerNameIds(lead)})
      AND ${d.like('p.first_petitioner', `${escapeLike(word)}%`)}`);
  }
  if (SEQ.test(word)) others.push(sql`SELECT id FROM petitions WHERE seq = ${Number(word)}`);
  if (ID_NUMBER.test(word)) others.push(sql`SELECT petition_id AS id FROM petitioners WHERE id_number = ${normalizeIdNumber(word)}`);
  else if (PHONE.test(word)) others.push(sql`SELECT petition_id AS id FROM petitioners WHERE phone = ${word}`);
  return { text: 'trigram', others };
}

/**
 * A one- or two-character word through the character-pair index (migration 0014), which holds each petition's
 * summary, request, number and petitioners' names: the pair itself, or for one character every pair it starts
 * (the last character of a text stands alone, so it is found too). The lead petitioner's name is among the names,
 * so only a two-character word needs the lead's own index (张等3人 for 张等).
 */
function pairIndex(word: string): WordIndex {
  const two = [...word].length === 2;
  const others: RawBuilder<unknown>[] = [];
  if (two) others.push(sql`SELECT id FROM petitions WHERE lower(substr(first_petitioner, 1, 2)) = ${word.toLowerCase()}`);
  if (SEQ.test(word)) others.push(sql`SELECT id FROM petitions WHERE seq = ${Number(word)}`);
  return { text: 'pair', others };
}

/**
 * The same matches checked row by row. `scan`: for a word no index holds (a short word with punctuation in it);
 * when another word's index lookup chose the few rows to check (`fewRows`), each row's petitioners are read
 * through their index, else the names are matched once over the petitioners table. `check`: a page that walks
 * the list's order through many matches tests each row it reads, on its own fields and its petitioners, rather
 * than gathering every match of the index first.
 */
function rowMatches(d: StoreDialect, eb: Where, word: string, how: 'scan' | 'check', fewRows = true): Expression<SqlBool> {
  const like = (column: string, pattern: string) => d.like(column, pattern);
  const pattern = `%${escapeLike(word)}%`;
  const people: Expression<SqlBool>[] = [like('petitioners.name', pattern)];
  if (how === 'check' && ID_NUMBER.test(word)) people.push(sql<SqlBool>`petitioners.id_number = ${normalizeIdNumber(word)}`);
  else if (how === 'check' && PHONE.test(word)) people.push(sql<SqlBool>`petitioners.phone = ${word}`);
  const names = eb.selectFrom('petitioners').where((e) => e.or(people));
  const ors: Expression<SqlBool>[] = [
    like('petitions.number', pattern),
    like('petitions.first_petitioner', `${escapeLike(word)}%`),
    fewRows
      ? eb.exists(names.select(sql`1`.as('one')).whereRef('petitioners.petition_id', '=', 'petitions.id'))
      : eb('petitions.id', 'in', names.select('petitioners.petition_id')),
  ];
  if (SEQ.test(word)) ors.push(eb('petitions.seq', '=', Number(word)));
  if (!isLong(word)) ors.push(like('petitions.summary', pattern), like('petitions.request', pattern));
  else if (how === 'check') ors.push(like('petitions.summary', pattern), like('petitions.request', pattern), like('petitions.facts_reasons', pattern));
  else ors.push(sql<SqlBool>`petitions.id IN (${d.petitionWordIds('trigram', [word])})`);
  return eb.or(ors);
}

/** Whether a search looks a person up by ID number or phone (the audit records such a look-up). */
export function searchesPerson(text: string): boolean {
  return searchWords(text).some((w) => ID_NUMBER.test(w) || (PHONE.test(w) && w.replace(/-/g, '').length >= 7));
}

/**
 * How a search joins the query: `drive` lets the planner start from the matches the indexes give (few of them),
 * `check` makes it walk the sort order and test each row's own fields and petitioners (many matches, so the first
 * page fills after a few rows instead of gathering and sorting them all).
 */
type SearchUse = 'drive' | 'check';

/** The unit filter matches a petition's own unit or its responsible unit; a count reads each side on its own. */
type UnitSide = 'petitions.unit_id' | 'petitions.responsible_unit_id';

function applyFilters(d: StoreDialect, q: Filtered, input: ListInput, now: number, use: SearchUse = 'drive', unitSide: UnitSide | null = null): Filtered {
  let query = q;
  // Several words (separated by spaces, a full-width space or commas) must all match, each in any field.
  const { indexed, scanned } = splitWords(d, input.query);
  const driven = use === 'drive' && indexed.length > 0;
  if (driven) query = query.where(sql<SqlBool>`petitions.id IN (${matchedIds(d, indexed)})`);
  else for (const { word } of indexed) query = query.where((eb) => rowMatches(d, eb, word, 'check'));
  for (const word of scanned) query = query.where((eb) => rowMatches(d, eb, word, 'scan', driven || use === 'check'));
  // With many matches the page walks the sort order's index and tests each row: `+` keeps the planner off the
  // filter's own index, which would read every match and sort them all. Overdue petitions are always few (a
  // part of the open ones): their next-due index drives the query and the filters are tested on what it finds.
  const walkSortOrder = use === 'check';
  const col = (name: string) => (walkSortOrder || input.overdueOnly ? d.unindexed(name) : sql.ref(name));
  if (input.statuses.length > 0) query = query.where(sql<SqlBool>`${col('petitions.status')} IN (${sql.join(input.statuses)})`);
  // A voided registration stays findable, but only when asked for: it is not a petition the office handles.
  else if (!input.includeVoided) query = query.where('petitions.status', '!=', 'voided');
  if (input.category) query = query.where(sql<SqlBool>`${col('petitions.category')} = ${input.category}`);
  if (input.topicId !== null) query = query.where(sql<SqlBool>`${col('petitions.topic_id')} = ${input.topicId}`);
  if (input.unitId !== null) {
    const unitId = input.unitId;
    query = unitSide
      ? query.where(sql<SqlBool>`${col(unitSide)} = ${unitId}`)
      : query.where(sql<SqlBool>`(${col('petitions.unit_id')} = ${unitId} OR ${col('petitions.responsible_unit_id')} = ${unitId})`);
  }
  if (input.receivedFrom !== null) query = query.where('petitions.received_at', '>=', input.receivedFrom);
  if (input.receivedTo !== null) query = query.where('petitions.received_at', '<', input.receivedTo);
  // Many overdue petitions listed newest first (the home page's count asks for such a page): they are open, so
  // recent, and walking the date order finds a page of them after a few rows; their due index would read them all
  // and sort them. (coalesce hides the test from the planner, which would otherwise take any comparison of the
  // column as leave to scan that partial index.) Listed oldest first the walk would cross the whole register, so
  // the due index stays.
  const walkPastDue = walkSortOrder && input.sort === 'receivedAt' && input.descending;
  if (input.overdueOnly) {
    query = query.where(walkPastDue ? sql<SqlBool>`coalesce(petitions.next_due_at, ${now}) < ${now}` : sql<SqlBool>`petitions.next_due_at < ${now}`);
  }
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

/**
 * Whether the page walks the list's order (testing each row) rather than gathering its `n` matches and sorting them.
 * A search's walk reads about pageSize × page × (petitions / matches) rows, so it walks only when that is fewer
 * than the matches: above 2,236 matches at 100,000 petitions, above 7,071 at 1,000,000 (a first page of 50).
 */
async function walks(db: Db, input: ListInput, n: number): Promise<boolean> {
  if (n <= DRIVE_LIMIT) return false;
  if (searchWords(input.query).length === 0) return true;
  const last = await db.selectFrom('petitions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return n * n > input.pageSize * input.page * Number(last?.id ?? 0);
}

/**
 * The list sorted by next due shows the petitions that have one (in due order), then those without (by id, as
 * ties on the due column fall): read as two parts, each from its own index in either direction. One ORDER BY
 * with rows without a due last would need an index for each direction, or a sort of every open petition.
 */
type DuePart = 'due' | 'undue';

function ordered<Q extends Filtered>(q: Q, input: Pick<ListInput, 'sort' | 'descending' | 'overdueOnly'>, part: DuePart | null = null): Q {
  const direction = input.descending ? 'desc' : 'asc';
  return (
    q
      // Rows with no open deadline sort last whichever way the due column is sorted (overdue ones all have one).
      .$if(part === null && input.sort === 'nextDueAt' && !input.overdueOnly, (qb) => qb.orderBy(sql`petitions.next_due_at IS NULL`))
      .$if(part !== 'undue', (qb) => qb.orderBy(SORT_COLUMNS[input.sort], direction))
      .orderBy('petitions.id', direction) as Q
  );
}

/**
 * The petitions matching every one of several indexed words, as one compound SELECT whose parts come in id order:
 * the words' text matches (words on the same index ANDed there, the two indexes' lists intersected as SQLite merges
 * them, `MERGE (INTERSECT)` in the plan), and the petitions a word finds by number, petitioner or sequence, checked
 * on their rows against the other words. So a common word is never gathered whole to be intersected with a rare one.
 */
function matchedIds(d: StoreDialect, words: readonly { word: string; index: WordIndex }[]): RawBuilder<unknown> {
  const texts = (['trigram', 'pair'] as const)
    .map((text) => ({ text, words: words.filter((w) => w.index.text === text).map((w) => w.word) }))
    .filter((t) => t.words.length > 0)
    .map((t) => d.petitionWordIds(t.text, t.words));
  const parts = [sql.join(texts, sql` INTERSECT `)];
  const others = words.flatMap((w) => w.index.others);
  if (words.length === 1) parts.push(...others);
  else if (others.length > 0) {
    const eb = expressionBuilder<Database, 'petitions'>();
    const all = eb.and(words.map(({ word }) => rowMatches(d, eb, word, 'check')));
    parts.push(sql`SELECT id FROM petitions WHERE id IN (${sql.join(others, sql` UNION `)}) AND ${all}`);
  }
  return sql.join(parts, sql` UNION `);
}

/** The search words that an index holds, and the ones to check row by row. */
function splitWords(d: StoreDialect, query: string): { indexed: { word: string; index: WordIndex }[]; scanned: string[] } {
  const indexed: { word: string; index: WordIndex }[] = [];
  const scanned: string[] = [];
  for (const word of searchWords(query)) {
    const index = wordIndex(d, word);
    if (index) indexed.push({ word, index });
    else scanned.push(word);
  }
  return { indexed, scanned };
}

/**
 * The count of a search with no other filter, read off the indexes in id order ({@link matchedIds}) with the
 * voided petitions taken out the same way, so a common phrase stops at the cap instead of gathering its 100,000
 * matches first. Null: a filter, or a word no index holds, needs the rows.
 */
function mergedCount(d: StoreDialect, input: ListInput): RawBuilder<{ n: number }> | null {
  if (!d.textIdsInIdOrder) return null;
  const plain = input.statuses.length === 0 && !input.category && input.topicId === null && input.unitId === null;
  if (!plain || input.receivedFrom !== null || input.receivedTo !== null || input.overdueOnly) return null;
  const { indexed, scanned } = splitWords(d, input.query);
  if (indexed.length === 0 || scanned.length > 0) return null;
  const voided = input.includeVoided ? sql`` : sql` EXCEPT SELECT id FROM petitions INDEXED BY petitions_voided WHERE status = 'voided'`;
  const cap = input.exactTotal ? sql`` : sql` LIMIT ${LIST_COUNT_CAP + 1}`;
  return sql<{ n: number }>`SELECT count(*) AS n FROM (${matchedIds(d, indexed)}${voided} ORDER BY 1${cap})`;
}

/** Whether the page is read in the two parts of {@link DuePart}: sorted by next due, with rows that have none. */
function splitByDue(input: ListInput): boolean {
  return input.sort === 'nextDueAt' && !input.overdueOnly;
}

function matching(db: Db, input: ListInput, now: number, use: SearchUse, part: DuePart | null, unitSide: UnitSide | null = null) {
  const q = applyFilters(dialectOf(db), petitionsOnly(db), input, now, use, unitSide);
  if (part === 'due') return q.where('petitions.next_due_at', 'is not', null);
  if (part === 'undue') return q.where('petitions.next_due_at', 'is', null);
  return q;
}

function countQuery(db: Db, input: ListInput, now: number, part: DuePart | null = null): CompiledQuery<{ n: number }> {
  const exact = input.exactTotal || part !== null;
  const merged = part === null ? mergedCount(dialectOf(db), input) : null;
  if (merged) return merged.compile(db);
  if (input.unitId === null) return cappedCountQuery(db, matching(db, input, now, 'drive', part).select(sql`1`.as('one')), exact).compile();
  // Counted as the union of the two sides, each read from its own index alone (to the cap at most): an OR of the
  // two reads every matching petition from the table, some ten thousand scattered rows at county scale.
  const side = (unitSide: UnitSide) => {
    const ids = matching(db, input, now, 'drive', part, unitSide).select('petitions.id');
    return db.selectFrom((exact ? ids : ids.limit(LIST_COUNT_CAP + 1)).as('side')).select('side.id');
  };
  return cappedCountQuery(db, side('petitions.unit_id').union(side('petitions.responsible_unit_id')), exact).compile();
}

function pageQuery(db: Db, input: ListInput, now: number, use: SearchUse, part: DuePart | null, limit = input.pageSize, offset = (input.page - 1) * input.pageSize) {
  return ordered(matching(db, input, now, use, part), input, part)
    .leftJoin('topics', 'topics.id', 'petitions.topic_id')
    .leftJoin('units', 'units.id', 'petitions.unit_id')
    .selectAll('petitions')
    .select(['topics.name as topic_name', 'units.name as unit_name'])
    .limit(limit)
    .offset(offset);
}

/** How many petitions match without a due, up to one past {@link DRIVE_LIMIT}. */
function undueCountQuery(db: Db, input: ListInput, now: number) {
  return cappedCountQuery(db, matching(db, input, now, 'drive', 'undue').select(sql`1`.as('one')), false, DRIVE_LIMIT);
}

async function pageRows(db: Db, input: ListInput, now: number, use: SearchUse) {
  if (!splitByDue(input)) return pageQuery(db, input, now, use, null).execute();
  const offset = (input.page - 1) * input.pageSize;
  const due = await pageQuery(db, input, now, use, 'due').execute();
  if (due.length === input.pageSize) return due;
  // Rows without a due start right after this page's last one with a due, or, on a page past all of those, after
  // as many as there are.
  const dueTotal = due.length > 0 || offset === 0 ? offset + due.length : Number((await db.executeQuery(countQuery(db, input, now, 'due'))).rows[0]?.n ?? 0);
  // Those are read as the whole list is when they are many (the id order walked), but from the filters' indexes
  // when few: open petitions without a due are rare, and a walk would cross the whole register to find them.
  const undueCount = Number((await undueCountQuery(db, input, now).executeTakeFirst())?.n ?? 0);
  const undueUse = undueCount > DRIVE_LIMIT ? 'check' : 'drive';
  const undue = await pageQuery(db, input, now, undueUse, 'undue', input.pageSize - due.length, Math.max(0, offset - dueTotal)).execute();
  return [...due, ...undue];
}

/**
 * The statements the list runs, for a test to read their query plans: the count, the page (sorted by next due:
 * the rows with a due) and, sorted by next due, the rows without one and how many of them there are.
 */
export function listStatements(
  db: Db,
  input: ListInput,
  now: number,
): { count: CompiledQuery; page: Record<SearchUse, CompiledQuery>; undue: (Record<SearchUse, CompiledQuery> & { count: CompiledQuery }) | null } {
  const first = splitByDue(input) ? 'due' : null;
  const both = (part: DuePart | null) => ({ drive: pageQuery(db, input, now, 'drive', part).compile(), check: pageQuery(db, input, now, 'check', part).compile() });
  return { count: countQuery(db, input, now), page: both(first), undue: first ? { ...both('undue'), count: undueCountQuery(db, input, now).compile() } : null };
}

export async function listPetitions(
  db: Db,
  input: ListInput,
  now: number,
): Promise<{ rows: PetitionSummary[]; total: number; totalCapped: boolean }> {
  // Counted without the joins the page needs, and no further than the cap unless asked.
  const n = Number((await db.executeQuery(countQuery(db, input, now))).rows[0]?.n ?? 0);
  const rows = await pageRows(db, input, now, (await walks(db, input, n)) ? 'check' : 'drive');
  return { rows: rows.map(summaryOf), ...cappedTotal(n, input.exactTotal) };
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
