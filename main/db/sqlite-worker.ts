/**
 * The database work a backup does off the main thread, so the app keeps answering while a large file is copied
 * and checked: a snapshot of the live file (VACUUM INTO on its own read-only connection: in WAL mode the app's
 * writers go on while it reads), and the integrity check and row counts of a copy.
 *
 * Runs as a worker thread (see worker-jobs.ts). It imports nothing of the app's, only better-sqlite3 and Node,
 * so the tests can run this file as it is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** A statement run on the copy, e.g. to leave out what a backup must not carry. */
export interface CopyEdit {
  readonly sql: string;
  readonly params: readonly (string | number | null)[];
}

export type WorkerJob =
  | { readonly op: 'snapshot'; readonly source: string; readonly target: string; readonly edits: readonly CopyEdit[] }
  | { readonly op: 'check'; readonly file: string };

export interface CheckResult {
  readonly integrity: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly schemaVersion: string | null;
}

/** Copies the live file, applies the edits to the copy, and checks the copy. */
function snapshot(source: string, target: string, edits: readonly CopyEdit[]): CheckResult {
  const live = new Database(source, { readonly: true, fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    live.prepare('VACUUM INTO ?').run(target);
  } finally {
    live.close();
  }
  if (edits.length === 0) return check(target);
  const copy = new Database(target, { fileMustExist: true });
  try {
    // What an edit removes is overwritten on disk, not only unlinked.
    copy.pragma('secure_delete = ON');
    copy.transaction(() => {
      for (const edit of edits) copy.prepare(edit.sql).run(...edit.params);
    })();
  } finally {
    copy.close();
  }
  return check(target);
}

/** The tables that hold the office's data: not SQLite's own, not the migrator's, not full-text index tables. */
function dataTables(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('kysely_migration'))
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

function check(file: string): CheckResult {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
    const counts: Record<string, number> = {};
    for (const table of dataTables(db)) {
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n;
    }
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    const latest = hasMigrations ? (db.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as { name: string } | undefined) : undefined;
    return { integrity, counts, schemaVersion: latest?.name ?? null };
  } finally {
    db.close();
  }
}

function run(job: WorkerJob): unknown {
  return job.op === 'snapshot' ? snapshot(job.source, job.target, job.edits) : check(job.file);
}

if (parentPort) {
  try {
    parentPort.postMessage({ ok: true, value: run(workerData as WorkerJob) });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}
