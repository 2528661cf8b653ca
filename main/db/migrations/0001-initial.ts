// Frozen: this migration describes the schema as it was first shipped. Never edit it; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('number_format', 'text', (c) => c.notNull())
    .addColumn('collective_threshold', 'integer', (c) => c.notNull())
    .addColumn('prealarm_days', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('liaison_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('liaison_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('petitions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'integer', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('claim_item', 'integer')
    .addColumn('topic_id', 'integer', (c) => c.references('topics.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('facts_reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('repeat_of_id', 'integer', (c) => c.references('petitions.id'))
    .addColumn('responsible_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('lead_leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('decision', 'text')
    .addColumn('extended_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_petitioner', 'text', (c) => c.notNull())
    .addColumn('first_id_number', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'integer')
    .addColumn('next_due_kind', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('petitions_year_seq', ['year', 'seq'])
    .execute();
  for (const col of ['received_at', 'status', 'next_due_at', 'unit_id', 'topic_id', 'repeat_of_id']) {
    await db.schema.createIndex(`petitions_${col}`).on('petitions').column(col).execute();
  }

  await db.schema
    .createTable('petitioners')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('is_representative', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petitioners_petition').on('petitioners').column('petition_id').execute();
  await db.schema.createIndex('petitioners_id_number').on('petitioners').column('id_number').execute();

  await db.schema
    .createTable('petition_steps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_steps_petition').on('petition_steps').column('petition_id').execute();

  await db.schema
    .createTable('mediations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('office_duty', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('calendar_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('met_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadlines_subject').on('deadlines').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('deadlines_open_due').on('deadlines').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('is_off_day', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Chinese has no spaces between words: trigram tokens find any phrase of three or more characters.
  await sql`CREATE VIRTUAL TABLE petitions_fts USING fts5(summary, request, facts_reasons, content='petitions', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`CREATE TRIGGER petitions_fts_insert AFTER INSERT ON petitions BEGIN
    INSERT INTO petitions_fts(rowid, summary, request, facts_reasons) VALUES (new.id, new.summary, new.request, new.facts_reasons);
  END`.execute(db);
  await sql`CREATE TRIGGER petitions_fts_delete AFTER DELETE ON petitions BEGIN
    INSERT INTO petitions_fts(petitions_fts, rowid, summary, request, facts_reasons) VALUES ('delete', old.id, old.summary, old.request, old.facts_reasons);
  END`.execute(db);
  await sql`CREATE TRIGGER petitions_fts_update AFTER UPDATE OF summary, request, facts_reasons ON petitions BEGIN
    INSERT INTO petitions_fts(petitions_fts, rowid, summary, request, facts_reasons) VALUES ('delete', old.id, old.summary, old.request, old.facts_reasons);
    INSERT INTO petitions_fts(rowid, summary, request, facts_reasons) VALUES (new.id, new.summary, new.request, new.facts_reasons);
  END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0001-initial cannot be undone');
}
