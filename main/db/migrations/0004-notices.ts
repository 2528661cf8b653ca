// Frozen: notices (文书) with their sign-off, frozen HTML and print archive, as first shipped. Never edit; add a new one.
// Document numbers come from notice_sequences, advanced only inside the sign-off transaction, so they have no gaps.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer')
    .addColumn('subject_month', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('addressee_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('copy_to_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('withheld_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('doc_number', 'text', (c) => c.unique())
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('supersedes_id', 'integer', (c) => c.references('notices.id'))
    .addColumn('superseded_by', 'integer', (c) => c.references('notices.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'integer')
    .addColumn('signed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_at', 'integer')
    .addColumn('frozen_html', 'text')
    .addColumn('sha256', 'text')
    .addUniqueConstraint('notices_kind_year_seq', ['kind', 'year', 'seq'])
    .execute();
  for (const col of ['status', 'kind', 'created_at']) {
    await db.schema.createIndex(`notices_${col}`).on('notices').column(col).execute();
  }
  await db.schema.createIndex('notices_subject').on('notices').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('notice_sequences')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_sequences_pk', ['kind', 'year'])
    .execute();

  await db.schema
    .createTable('notice_prints')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_prints_notice').on('notice_prints').column('notice_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0004-notices cannot be undone');
}
