// Frozen: accounts and the keyed audit chain (issue 12). Never edit; add a new migration.
//
// - users.must_change_password: a new or admin-reset account must choose its own password at first login.
// - office.session_max_days: the absolute lifetime of a session, configurable in the office settings.
// - meta.office_uid: a random identifier that names the office's audit key file outside the data folder
//   (main/core/audit/key-store.ts). It travels with the database, so a copy or a restored backup finds its key.
// - audit: the table already had `INTEGER PRIMARY KEY AUTOINCREMENT` since 0001 (Kysely writes `autoincrement`),
//   so ids are never reused and sqlite_sequence holds the highest id ever issued; a file whose audit table lacks
//   it (built by hand or by another tool) is rebuilt here with its rows and ids kept.
// The rows written before this release were chained with plain SHA-256; the app re-keys them once, at its first
// start with a key (main/core/audit/upgrade.ts), because a migration never sees the key.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('office').addColumn('session_max_days', 'integer', (c) => c.notNull().defaultTo(7)).execute();
  await db.insertInto('meta').values({ key: 'office_uid', value: randomUUID() }).onConflict((oc) => oc.column('key').doNothing()).execute();

  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit'`.execute(db);
  if (/autoincrement/i.test(table.rows[0]?.sql ?? '')) return;
  await db.schema
    .createTable('audit_rebuilt')
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
  await sql`INSERT INTO audit_rebuilt SELECT id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit ORDER BY id`.execute(db);
  await db.schema.dropTable('audit').execute();
  await db.schema.alterTable('audit_rebuilt').renameTo('audit').execute();
}

export async function down(): Promise<void> {
  throw new Error('0007-accounts-audit cannot be undone');
}
