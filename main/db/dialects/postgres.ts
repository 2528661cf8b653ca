/**
 * The county's store: a PostgreSQL database shared by many clerks, through a pool of connections. Search runs
 * on pg_trgm GIN indexes (LIKE/ILIKE of any length); concurrent writers take transaction-scoped advisory locks
 * where the core reads and then writes after what it read (the audit chain's end, a year's last number).
 * The audit key never goes to the server: the MAC is worked out in this process.
 *
 * @example
 * const store = await openPostgresStore('postgres://desk@127.0.0.1:5432/county', '/var/lib/petition-desk');
 * await store.db.selectFrom('petitions').selectAll().execute();
 * await store.close();
 */
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../schema';
import { escapeLike, type StoreDialect } from './dialect';

/**
 * The audit chain's advisory lock (two keys: "PD", then 0); a number series' is (hashtext(series), year); the
 * alarm scheduler's is ("PD", 1) (./postgres-processes.ts).
 */
export const LOCK_SPACE = 0x5044;
const AUDIT_CHAIN_LOCK = 0;

/** The audit key of each open store, by the store's Kysely adapter (a transaction shares its database's). */
const auditKeys = new WeakMap<object, Buffer>();

function keyOf(db: Kysely<Database>): Buffer {
  const key = auditKeys.get(db.getExecutor().adapter);
  if (!key) throw new Error('no audit key is installed on this PostgreSQL store');
  return key;
}

function contains(phrase: string): string {
  return `%${escapeLike(phrase)}%`;
}

/** The petitions whose text holds the phrase: each column through the multi-column trigram index. */
function textHolds(phrase: string) {
  const p = contains(phrase);
  return sql`(summary ILIKE ${p} ESCAPE '\\' OR request ILIKE ${p} ESCAPE '\\' OR facts_reasons ILIKE ${p} ESCAPE '\\')`;
}

/**
 * What the SQLite pair index holds for a short word: the petition's summary, request, number or a petitioner's
 * name contains it (pg_trgm reads patterns under three characters by a scan).
 */
function pairTextHolds(phrase: string) {
  const p = contains(phrase);
  return sql`(summary ILIKE ${p} ESCAPE '\\' OR request ILIKE ${p} ESCAPE '\\' OR number ILIKE ${p} ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM petitioners n WHERE n.petition_id = petitions.id AND n.name ILIKE ${p} ESCAPE '\\'))`;
}

async function highestIssued(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ seq: number | null }>`SELECT pg_sequence_last_value('audit_id_seq') AS seq`.execute(db);
  return Number(r.rows[0]?.seq ?? 0);
}

export const postgresDialect: StoreDialect = {
  name: 'postgres',
  rowLocks: true,
  like: (column, pattern) => sql`${sql.ref(column)} ILIKE ${pattern} ESCAPE '\\'`,
  petitionWordIds: (index, words) => sql`SELECT id FROM petitions WHERE ${sql.join(words.map(index === 'trigram' ? textHolds : pairTextHolds), sql` AND `)}`,
  textIdsInIdOrder: false,
  petitionNumberIds: (phrase) => sql`SELECT id FROM petitions WHERE number ILIKE ${contains(phrase)} ESCAPE '\\'`,
  petitionerNameIds: (phrase) => sql`SELECT id FROM petitioners WHERE name ILIKE ${contains(phrase)} ESCAPE '\\'`,
  async countPetitionText(db, phrase, cap) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM petitions WHERE ${textHolds(phrase)} LIMIT ${cap}) AS m`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },
  async petitionTextCandidates(db, phrases, mode, limit) {
    if (phrases.length === 0) return [];
    const each = phrases.map(textHolds);
    // FTS5's rank has no counterpart on a trigram index: the petitions holding the most of the phrases come first.
    const hits = sql.join(
      each.map((e) => sql`(CASE WHEN ${e} THEN 1 ELSE 0 END)`),
      sql` + `,
    );
    const r = await sql<{ id: number; summary: string; request: string }>`
      SELECT id, summary, request FROM petitions WHERE ${sql.join(each, mode === 'any' ? sql` OR ` : sql` AND `)}
      ORDER BY ${hits} DESC, id DESC LIMIT ${limit}`.execute(db);
    return r.rows;
  },
  soonestOpenPetitionDeadlines: (ids) => sql`SELECT DISTINCT ON (subject_id) subject_id, kind, due_at FROM deadlines
    WHERE subject_type = 'petition' AND status = 'open' AND office_duty = 1 AND subject_id IN (${ids})
    ORDER BY subject_id, due_at`,
  unindexed: (column) => sql.ref(column),
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  async lockAuditChain(trx) {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, ${AUDIT_CHAIN_LOCK}::int)`.execute(trx);
  },
  async lockNumberSeries(trx, series, year) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`petition-desk:${series}`}), ${year}::int)`.execute(trx);
  },
  highestIssuedAuditId: (db) => highestIssued(db),
  auditSnapshot(db, read) {
    if (db.isTransaction) return highestIssued(db).then((issued) => read(db, issued));
    // By hand on one connection: Kysely's transaction() on a connection-bound instance would wait for itself.
    return db.connection().execute(async (conn) => {
      // The chain's lock, held as a session lock only while the view is taken: no writer is then between reading
      // the chain's end and committing after it, so the view and the id sequence agree.
      await sql`SELECT pg_advisory_lock(${LOCK_SPACE}::int, ${AUDIT_CHAIN_LOCK}::int)`.execute(conn);
      let issued: number;
      try {
        await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
        // The first statement of a repeatable-read transaction fixes its view.
        issued = await highestIssued(conn);
      } finally {
        await sql`SELECT pg_advisory_unlock(${LOCK_SPACE}::int, ${AUDIT_CHAIN_LOCK}::int)`.execute(conn);
      }
      try {
        return await read(conn, issued);
      } finally {
        // Read only: ending it either way changes nothing.
        await sql`ROLLBACK`.execute(conn);
      }
    });
  },
  auditMacs(db, canonicals) {
    const key = keyOf(db);
    return Promise.resolve(canonicals.map((text) => createHmac('sha256', key).update(text, 'utf8').digest('hex')));
  },
  installAuditKey(db, _connection, key) {
    auditKeys.set(db.getExecutor().adapter, key);
  },
  // The summaries are views (PostgreSQL migration 0015) that read the office's zone themselves.
  rebuildStatsSummary: () => Promise.resolve(),
  async refreshStatistics(db) {
    await sql`ANALYZE petitions, petitioners, deadlines, alarms`.execute(db);
  },
};

/** How many connections one app process keeps to the server. */
export const POOL_SIZE = 10;

/**
 * Integers come back as numbers, as SQLite gives them: bigint columns hold epoch milliseconds and ids, far below
 * 2^53; count() is a bigint and sum() a numeric. A value a number cannot hold fails loudly instead of rounding.
 */
function toNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) throw new Error(`a number out of range came from PostgreSQL: ${text}`);
  return n;
}

const INT8 = 20;
const NUMERIC = 1700;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A Kysely over a pool of connections to `url`; nothing is migrated. */
export function postgresKysely(url: string, poolSize: number = POOL_SIZE): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers, application_name: 'petition-desk' });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
