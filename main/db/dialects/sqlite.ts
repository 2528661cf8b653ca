/**
 * The office's store: one SQLite file in the data folder, one connection. Its full-text search is FTS5 with the
 * trigram tokenizer (the tables and triggers of migrations 0001 and 0011); the audit key is an SQL function on
 * the connection, so a connection without it cannot write audit rows at all.
 */
import { createHmac } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from './dialect';
import { rebuildStatsSummary } from '../migrations/0015-stats-summary';

/** The SQL function that holds the audit key on a connection (see installAuditKey). */
export const MAC_FUNCTION = 'audit_mac';

/** An FTS5 phrase: the text as one string, its own quotes doubled. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Makes `key` the audit key of this connection: call once per connection, before any write. */
export function installSqliteAuditKey(connection: SqliteDatabase.Database, key: Buffer): void {
  const mac = (text: unknown) => createHmac('sha256', key).update(String(text), 'utf8').digest('hex');
  connection.function(MAC_FUNCTION, { deterministic: true }, mac);
}

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  rowLocks: false,
  like: (column, pattern) => sql`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`,
  // Words on one FTS5 index are ANDed there (FTS5 skips ahead through each word's rowids); a one-character word is
  // a prefix query on the pair index (every pair it starts; a text's last character stands alone).
  petitionWordIds: (index, words) => {
    const fts = index === 'trigram' ? 'petitions_fts' : 'petition_bigrams';
    const match = words.map((w) => (index === 'pair' && [...w].length === 1 ? `${ftsPhrase(w)}*` : ftsPhrase(w))).join(' AND ');
    return sql`SELECT rowid AS id FROM ${sql.table(fts)} WHERE ${sql.table(fts)} MATCH ${match}`;
  },
  textIdsInIdOrder: true,
  petitionNumberIds: (phrase) => sql`SELECT rowid AS id FROM petition_numbers_fts WHERE petition_numbers_fts MATCH ${ftsPhrase(phrase)}`,
  petitionerNameIds: (phrase) => sql`SELECT rowid AS id FROM petitioner_names_fts WHERE petitioner_names_fts MATCH ${ftsPhrase(phrase)}`,
  async countPetitionText(db, phrase, cap) {
    const r = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (SELECT rowid FROM petitions_fts WHERE petitions_fts MATCH ${ftsPhrase(phrase)} LIMIT ${cap})`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },
  async petitionTextCandidates(db, phrases, mode, limit) {
    const match = phrases.map(ftsPhrase).join(mode === 'any' ? ' OR ' : ' AND ');
    const r = await sql<{ id: number; summary: string; request: string }>`
      SELECT p.id, p.summary, p.request FROM petitions_fts f JOIN petitions p ON p.id = f.rowid
      WHERE petitions_fts MATCH ${match} ORDER BY rank LIMIT ${limit}`.execute(db);
    return r.rows;
  },
  // SQLite takes the bare `kind` from the row whose due_at is the minimum; a correlated ORDER BY per petition
  // would walk the open-deadline index once per row.
  soonestOpenPetitionDeadlines: (ids) => sql`SELECT subject_id, kind, min(due_at) AS due_at FROM deadlines
          WHERE subject_type = 'petition' AND status = 'open' AND office_duty = 1 AND subject_id IN (${ids})
          GROUP BY subject_id`,
  unindexed: (column) => sql`+${sql.ref(column)}`,
  greatest: (a: Expression<unknown>, b: Expression<unknown>) => sql<number>`max(${a}, ${b})`,
  // One connection, and Kysely hands it to one transaction at a time: nothing else can write in between.
  lockAuditChain: () => Promise.resolve(),
  lockNumberSeries: () => Promise.resolve(),
  async highestIssuedAuditId(db) {
    const r = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit'`.execute(db);
    return Number(r.rows[0]?.seq ?? 0);
  },
  async auditSnapshot(db, read) {
    return read(db, await sqliteDialect.highestIssuedAuditId(db));
  },
  async auditMacs(db, canonicals) {
    if (canonicals.length === 0) return [];
    if (canonicals.length === 1) {
      const one = await sql<{ mac: string }>`SELECT ${sql.raw(MAC_FUNCTION)}(${canonicals[0]}) AS mac`.execute(db);
      return one.rows.map((row) => row.mac);
    }
    const r = await sql<{ mac: string }>`SELECT ${sql.raw(MAC_FUNCTION)}(value) AS mac FROM json_each(${JSON.stringify(canonicals)}) ORDER BY key`.execute(db);
    return r.rows.map((row) => row.mac);
  },
  installAuditKey: (_db, connection, key) => installSqliteAuditKey(connection as SqliteDatabase.Database, key),
  rebuildStatsSummary: (db, timeZone) => rebuildStatsSummary(db, timeZone),
  async refreshStatistics(db: Kysely<Database>) {
    await sql`PRAGMA optimize`.execute(db);
  },
};
