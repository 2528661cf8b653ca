/**
 * The PostgreSQL schema is the SQLite schema after its latest migration (0015) minus the structures only SQLite
 * has, named below: the same tables, columns, nullability, defaults and indexes (the full-text tables become
 * trigram indexes), the statistics' summary tables as views with the same columns, and the same seeded rows, so
 * the domain code reads and writes the same rows on both stores.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf, openStore } from '../../main/db';
import { tempDir } from '../unit/support/temp-dir';
import { testApp } from '../unit/support/test-app';
import { onPostgres } from '../unit/support/pg-databases';

/**
 * SQLite-only tables: the character-pair FTS5 table and its shadow tables (0014; PostgreSQL reads short words
 * with ILIKE), and the local months the summary triggers file times under (0015; PostgreSQL knows time zones).
 */
const SQLITE_ONLY_TABLE = /^petition_bigrams($|_)|^stats_months$/;
/** Tables kept by SQLite triggers (0015), views over the records on PostgreSQL (its 0015). */
const SUMMARY_VIEWS = ['stats_petition_topics', 'stats_petition_units', 'stats_petitions', 'stats_reports', 'stats_warnings'];
/**
 * SQLite-only indexes: petitions_voided serves only the merged search count's INDEXED BY (0014), which PostgreSQL
 * does not run; stats_petitions_open_due is on a summary table, a view here.
 */
const SQLITE_ONLY_INDEXES = ['petitions_voided', 'stats_petitions_open_due'];

interface Column {
  readonly table: string;
  readonly column: string;
  readonly notNull: boolean;
  readonly default: string | null;
}

/** Defaults as both stores write them for the values the migrations use ('', '[]', '{}', 0, 1, 7). */
function plainDefault(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(/::[a-z ]+$/, '').replace(/^'(.*)'$/, '$1').replace(/^\((.*)\)$/, '$1');
}

async function sqliteSchema() {
  const store = await openStore(tempDir('schema'));
  try {
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE '%_fts%' ORDER BY name")
      .all() as { name: string }[];
    const columns: Column[] = [];
    for (const { name } of tables) {
      const info = store.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; dflt_value: string | null; pk: number }[];
      for (const c of info) columns.push({ table: name, column: c.name, notNull: c.notnull === 1 || c.pk > 0, default: plainDefault(c.dflt_value) });
    }
    const indexes = (
      store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    const seeded = {
      duty_roles: store.sqlite.prepare('SELECT * FROM duty_roles ORDER BY id').all(),
      warning_rules: store.sqlite.prepare('SELECT * FROM warning_rules ORDER BY id').all(),
    };
    return {
      tables: tables.map((t) => t.name).filter((name) => !SQLITE_ONLY_TABLE.test(name) && !SUMMARY_VIEWS.includes(name)),
      columns: columns.filter((c) => !SQLITE_ONLY_TABLE.test(c.table)),
      indexes: indexes.filter((name) => !SQLITE_ONLY_INDEXES.includes(name)),
      seeded,
    };
  } finally {
    await store.close();
  }
}

describe('the PostgreSQL schema', () => {
  it('runs here on PostgreSQL (npm run test:pg)', async () => {
    expect(onPostgres()).toBe(true);
    const t = await testApp();
    expect(dialectOf(t.app.core.db).name).toBe('postgres');
  });

  it('has the tables, columns, nullability, defaults, indexes and seeded rows of the SQLite schema, but for what SQLite alone has', async () => {
    const lite = await sqliteSchema();
    const t = await testApp();
    const db = t.app.core.db;
    const pgTables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(db);
    expect(pgTables.rows.map((r) => r.table_name)).toEqual(lite.tables);
    const pgViews = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name`.execute(db);
    expect(pgViews.rows.map((r) => r.table_name)).toEqual(SUMMARY_VIEWS);

    const pgColumns = await sql<{ table_name: string; column_name: string; is_nullable: string; column_default: string | null; data_type: string; is_identity: string }>`
      SELECT table_name, column_name, is_nullable, column_default, data_type, is_identity FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'`.execute(db);
    const pgByName = new Map(pgColumns.rows.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    expect([...pgByName.keys()].sort()).toEqual(lite.columns.map((c) => `${c.table}.${c.column}`).sort());
    for (const c of lite.columns) {
      // A view's columns have the summary table's names; nullability and defaults belong to tables.
      if (SUMMARY_VIEWS.includes(c.table)) continue;
      const p = pgByName.get(`${c.table}.${c.column}`);
      expect({ column: `${c.table}.${c.column}`, notNull: p?.is_nullable === 'NO', default: plainDefault(p?.column_default ?? null) }).toEqual({
        column: `${c.table}.${c.column}`,
        notNull: c.notNull,
        default: c.default,
      });
    }

    const pgIndexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
    const names = new Set(pgIndexes.rows.map((r) => r.indexname));
    // SQLite's named indexes all exist; its FTS5 tables are trigram indexes here.
    expect(lite.indexes.filter((i) => !names.has(i))).toEqual([]);
    expect(['petitions_text_trgm', 'petitions_number_trgm', 'petitioners_name_trgm'].filter((i) => !names.has(i))).toEqual([]);

    expect(await db.selectFrom('duty_roles').selectAll().orderBy('id').execute()).toEqual(lite.seeded.duty_roles);
    expect(await db.selectFrom('warning_rules').selectAll().orderBy('id').execute()).toEqual(lite.seeded.warning_rules);
  });

  it('gives integers back as numbers, epoch milliseconds included', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    await t.setup();
    const office = await t.app.core.db.selectFrom('office').select(['id', 'created_at', 'collective_threshold']).executeTakeFirstOrThrow();
    expect(office).toEqual({ id: 1, created_at: t.clock.now(), collective_threshold: expect.any(Number) });
    const n = await t.app.core.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });
});
