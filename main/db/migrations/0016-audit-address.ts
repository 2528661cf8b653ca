// Frozen: the network address each audit row was written from (issue 16, server mode), so a county bureau sees
// which PC made a change. Null in rows from before this migration and in rows no network request made (the
// Electron window on the office PC itself, the scheduler, start-up). The audit MAC covers the address only when
// it is not null, so the rows already chained verify as before. Never edit; add a new one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit').addColumn('address', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit').dropColumn('address').execute();
}
