// Frozen: the PostgreSQL form of 0014-short-search-index. Never edit; add a new migration to both sets.
//
// Of SQLite's 0014 only the index of the lead petitioner's first two characters is needed here (a two-character
// word matching the start of the list's "张三等6人"). The character-pair FTS5 table and its triggers have no
// counterpart: PostgreSQL finds one- and two-character words with ILIKE over the same columns (the dialect's
// petitionWordIds), which pg_trgm cannot speed up under three characters. petitions_voided serves only SQLite's
// merged count (INDEXED BY), which PostgreSQL does not take.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX petitions_lead_pair ON petitions (lower(substr(first_petitioner, 1, 2)))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX petitions_lead_pair`.execute(db);
}
