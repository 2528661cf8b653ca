// Frozen: the office's ledger (台账) comes in. An import batch is a row of its own; every petition it brought keeps
// the ledger's own number and the batch it came in. A batch undone the same day removes its petitions, and the
// office numbers they had are kept as retired so that no number is ever given twice. Never edit; add a new one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sheet_name', 'text', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('refused', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('voided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('voided_at', 'integer')
    .execute();
  await db.schema.alterTable('petitions').addColumn('ledger_number', 'text').execute();
  await db.schema.alterTable('petitions').addColumn('import_id', 'integer', (c) => c.references('ledger_imports.id')).execute();
  await db.schema.createIndex('petitions_import').on('petitions').column('import_id').execute();
  await db.schema
    .createTable('retired_petition_numbers')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('max_seq', 'integer', (c) => c.notNull())
    .execute();
}
