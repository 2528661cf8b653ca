// Frozen: the book of record (issue 11). Approvals asked by one person and given by a leader in their own session;
// voided petitions keep their row and number with the reason; attachments removed by mistake keep their file and
// say who removed them and why; an alarm acknowledged for others keeps the reason. Never edit; add a new one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approvals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // What takes effect on approval (the extension's days, the corrected fields old → new, the lift's outcome).
    .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'integer')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    // The deadline whose alarm rings the leader on duty while the request waits.
    .addColumn('deadline_id', 'integer', (c) => c.references('deadlines.id'))
    .execute();
  await db.schema.createIndex('approvals_status').on('approvals').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('approvals_subject').on('approvals').columns(['subject_type', 'subject_id']).execute();

  await db.schema.alterTable('petitions').addColumn('void_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('petitions').addColumn('voided_at', 'integer').execute();

  await db.schema.alterTable('attachments').addColumn('removed_at', 'integer').execute();
  await db.schema.alterTable('attachments').addColumn('removed_by', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('attachments').addColumn('removal_reason', 'text', (c) => c.notNull().defaultTo('')).execute();

  // Acknowledged by someone it was not addressed to (the duty officer or leader on duty, an administrator): the
  // reason they gave, shown on the board.
  await db.schema.alterTable('alarms').addColumn('ack_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('alarms').addColumn('ack_for_others', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(): Promise<void> {
  throw new Error('0006-book-of-record cannot be undone');
}
