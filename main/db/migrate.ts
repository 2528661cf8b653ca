/**
 * Brings a database to the latest migration, announcing each one before it runs. Used on the app's own
 * connection, and by the migration worker (migrate-worker.ts) on a connection of its own; the county's PostgreSQL
 * database passes its own migration set (main/db/migrations/postgres).
 */
import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import { migrationProvider } from './migrations';

/** The migration about to run, its place (1-based) and how many run this time. */
export type MigrationListener = (name: string, index: number, of: number) => void;

export async function migrateToLatest<DB>(db: Kysely<DB>, onMigration?: MigrationListener, provider: MigrationProvider = migrationProvider): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  if (!onMigration) return ranOrThrow(await migrator.migrateToLatest());
  // One at a time, so each can be announced before it runs.
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
  const ran: string[] = [];
  for (const [i, name] of pending.entries()) {
    onMigration(name, i + 1, pending.length);
    ran.push(...ranOrThrow(await migrator.migrateUp()));
  }
  return ran;
}

function ranOrThrow({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
