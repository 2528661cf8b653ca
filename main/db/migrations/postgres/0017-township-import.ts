// Frozen: the PostgreSQL form of 0017-township-import (issue 16). Never edit; add a new migration to both sets.
// Besides the columns and tables of the SQLite one, a number is unique per township here: the county and each
// township it imported have their own 信〔2026〕0001号. The county's own rows have township '' and keep their gapless
// series (the core takes the next number among them alone); the plain index on the number keeps the list's sort
// by number on an index.
import { sql, type Kysely } from 'kysely';
import { NUMBERED_TABLES, createImportTables } from '../0017-township-import';

/** Per table: its number column and the unique constraints (from the baseline) that become per township. */
const UNIQUES: Readonly<Record<(typeof NUMBERED_TABLES)[number], { number: string; constraints: readonly [string, string][] }>> = {
  petitions: { number: 'number', constraints: [['petitions_number_key', 'number'], ['petitions_year_seq', 'year, seq']] },
  warnings: { number: 'number', constraints: [['warnings_number_key', 'number'], ['warnings_year_seq', 'year, seq']] },
  info_reports: { number: 'number', constraints: [['info_reports_number_key', 'number'], ['info_reports_year_seq', 'year, seq']] },
  notices: { number: 'doc_number', constraints: [['notices_doc_number_key', 'doc_number'], ['notices_kind_year_seq', 'kind, year, seq']] },
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of NUMBERED_TABLES) {
    await db.schema.alterTable(table).addColumn('township', 'text', (c) => c.notNull().defaultTo('')).execute();
    const { number, constraints } = UNIQUES[table];
    for (const [name, columns] of constraints) {
      await sql.raw(`alter table "${table}" drop constraint "${name}"`).execute(db);
      await sql.raw(`alter table "${table}" add constraint "${name}" unique ("township", ${columns.split(', ').map((c) => `"${c}"`).join(', ')})`).execute(db);
    }
    await sql.raw(`create index "${table}_${number}_plain" on "${table}" ("${number}")`).execute(db);
  }
  await createImportTables(db, 'bigint');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('township_audit').execute();
  await db.schema.dropTable('township_imports').execute();
  for (const table of NUMBERED_TABLES) {
    const { number, constraints } = UNIQUES[table];
    await sql.raw(`drop index "${table}_${number}_plain"`).execute(db);
    for (const [name, columns] of constraints) {
      await sql.raw(`alter table "${table}" drop constraint "${name}"`).execute(db);
      await sql.raw(`alter table "${table}" add constraint "${name}" unique (${columns.split(', ').map((c) => `"${c}"`).join(', ')})`).execute(db);
    }
    await db.schema.alterTable(table).dropColumn('township').execute();
  }
}
