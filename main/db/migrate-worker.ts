/**
 * Runs the migrations in a worker thread on a connection of its own, telling the app before each one, so the
 * app's thread stays free to serve the start-up screen while an index is built over a large file. Bundled as
 * dist/main/migrate-worker.cjs (it imports the migrations, so it runs from the bundle only; see worker-jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate';
import { applyConnectionPragmas } from './pragmas';

/** How long a migration waits for another connection's write lock before the start fails. */
const MIGRATION_BUSY_TIMEOUT_MS = 60_000;

export type MigrationMessage =
  | { readonly type: 'step'; readonly name: string; readonly index: number; readonly of: number }
  | { readonly type: 'done'; readonly ran: readonly string[] }
  | { readonly type: 'failed'; readonly message: string };

async function run(file: string): Promise<MigrationMessage> {
  const sqlite = new SqliteDatabase(file, { fileMustExist: true });
  applyConnectionPragmas(sqlite);
  // Nothing else is served until this finishes: better to wait out another program's hold on the file than fail.
  sqlite.pragma(`busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const ran = await migrateToLatest(db, (name, index, of) => parentPort?.postMessage({ type: 'step', name, index, of } satisfies MigrationMessage));
    return { type: 'done', ran };
  } finally {
    await db.destroy();
  }
}

run((workerData as { file: string }).file).then(
  (answer) => parentPort?.postMessage(answer),
  (error: unknown) => parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies MigrationMessage),
);
