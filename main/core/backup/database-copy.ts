/**
 * The one part of a backup that depends on the store: how the database is copied, how a copy is checked and read,
 * and how a copy is put back. Everything around it (encryption, the manifest, attachments, rotation, the schedule,
 * the restore's staging and safety copy) is the same for both stores.
 *
 * - SQLite: the copy is the file itself (VACUUM INTO on a worker thread), checked by integrity_check and opened
 *   read-only; it is put back by swapping files as the store opens (restore.ts).
 * - PostgreSQL: the copy is `pg_dump -Fc`; it is checked by restoring it into a scratch database on the same
 *   server and reading that; it is put back by restoring it into the office's database in one transaction.
 *
 * @example
 * const copier = postgresCopier(url, dataDir);
 * await writeBackup(core, { kind: 'manual', parent, settings, appVersion, auditKeyOn, copier });
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { DB_FILE_NAME, openReadOnly, readMetaRowsIfReadable, runWorkerJob, type CheckResult, type Database, type ReadOnlyDb } from '../../db';
import { postgresKysely } from '../../db/dialects';
import { dumpDatabase, postgresTools, PostgresToolFailed, PostgresToolsUnusable, restoreDump, withScratchDatabase, type PostgresTools } from '../../db/dialects/postgres-backup';
import { UserError } from '../errors';
import { BACKUP_SETTINGS_KEY, type BackupSettings } from './settings';

export type CopyStore = 'sqlite' | 'postgres';

/** A copy opened for reading: its Kysely, and for SQLite the connection (the audit key is installed on it). */
export interface CopyReading {
  readonly db: Kysely<Database>;
  readonly sqlite: ReadOnlyDb['sqlite'] | null;
}

/** A copy's check; `counted` is false when the copy could not be read at all, so its row counts say nothing. */
export interface CopyCheck extends CheckResult {
  readonly counted: boolean;
}

export interface DatabaseCopier {
  readonly store: CopyStore;
  /** The database's file in a backup folder (and in a restore's staging folder). */
  readonly fileName: string;
  /**
   * A consistent copy of the live database at `target`, without the key that encrypts backups: its check, and what
   * `read` read from the copy.
   */
  snapshot<T>(target: string, settings: BackupSettings, read: (copy: CopyReading) => Promise<T>): Promise<{ checked: CheckResult; read: T }>;
  /**
   * Checks the copy at `file` (integrity, row counts, schema version) and hands `read` the result and a way to
   * open the copy for reading, valid until `read` settles.
   */
  inspect<T>(file: string, read: (checked: CopyCheck, open: () => Promise<CopyReading>) => Promise<T>): Promise<T>;
  /** Copies the live database as it is, perhaps damaged, into `folder` (the command-line restore's safety copy). */
  copyLiveAside(folder: string): Promise<void>;
  /** These meta rows of the live database, those that can be read; none when it cannot be opened. */
  readLiveMeta(keys: readonly string[]): Promise<{ key: string; value: string }[]>;
}

/** The SQLite database's files in the data folder, with its WAL files while it is open. */
export const SQLITE_FILES = [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`] as const;

/** The settings as a backup's copy holds them: without the key, so one backup cannot open another. */
export function settingsWithoutKey(settings: BackupSettings): string {
  return JSON.stringify({ ...settings, encryption: null });
}

export function sqliteCopier(dataDir: string): DatabaseCopier {
  const live = path.join(dataDir, DB_FILE_NAME);
  return {
    store: 'sqlite',
    fileName: DB_FILE_NAME,
    async snapshot(target, settings, read) {
      const edits = [{ sql: 'UPDATE meta SET value = ? WHERE key = ?', params: [settingsWithoutKey(settings), BACKUP_SETTINGS_KEY] }];
      const checked = await runWorkerJob({ op: 'snapshot', source: live, target, edits });
      const copy = openReadOnly(target);
      try {
        return { checked, read: await read({ db: copy.db, sqlite: copy.sqlite }) };
      } finally {
        await copy.close();
      }
    },
    async inspect(file, read) {
      const checked = { ...(await runWorkerJob({ op: 'check', file })), counted: true };
      const opened: ReturnType<typeof openReadOnly>[] = [];
      try {
        return await read(checked, () => {
          const copy = openReadOnly(file);
          opened.push(copy);
          return Promise.resolve({ db: copy.db, sqlite: copy.sqlite });
        });
      } finally {
        for (const copy of opened) await copy.close();
      }
    },
    copyLiveAside(folder) {
      // The database with its WAL files, as they are: a damaged file is copied, not checked.
      for (const item of SQLITE_FILES) {
        const src = path.join(dataDir, item);
        if (fs.existsSync(src)) fs.cpSync(src, path.join(folder, item));
      }
      return Promise.resolve();
    },
    readLiveMeta: (keys) => Promise.resolve(readMetaRowsIfReadable(live, keys)),
  };
}

/** The dump of the county's database in a backup folder. */
export const POSTGRES_DUMP_FILE = 'petition-desk.dump';

/** What PostgreSQL's programs said, for the admin: the programs missing or of another version, named. */
function toolsError(err: unknown): unknown {
  if (!(err instanceof PostgresToolsUnusable)) return err;
  if (err.reason === 'createdb') return new UserError('invalid_input', 'errors.backup.pgNoCreateDb');
  return err.reason === 'missing'
    ? new UserError('invalid_input', 'errors.backup.pgToolsMissing', { dir: err.dir, version: err.serverMajor })
    : new UserError('invalid_input', 'errors.backup.pgToolsVersion', { dir: err.dir, version: err.serverMajor, found: err.toolsMajor ?? '?' });
}

/** The tables of the office's data in a restored copy, each counted (the migrator's own left out, as on SQLite). */
async function checkRestored(db: Kysely<Database>): Promise<CheckResult> {
  const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_migration%' ORDER BY table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    counts[name] = Number(r.rows[0]?.n ?? 0);
  }
  const latest = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  return { integrity: ['ok'], counts, schemaVersion: latest.rows[0]?.name ?? null };
}

/** Runs `work` over a Kysely on `url` with one connection, closed afterwards. */
async function over<T>(url: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = postgresKysely(url, 1);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The county's database at `url`. The programs are looked for at each use (the DBA may install them while the app
 * runs), so the backup screen says at once when they are missing.
 */
export function postgresCopier(url: string): DatabaseCopier & { putBack(file: string): Promise<void> } {
  const tools = (): Promise<PostgresTools> => postgresTools(url).catch((err: unknown) => Promise.reject(toolsError(err)));
  return {
    store: 'postgres',
    fileName: POSTGRES_DUMP_FILE,
    async snapshot(target, settings, read) {
      const t = await tools();
      // pg_dump copies rows as they are: the backup key is taken out of a restored copy, which is then dumped.
      const raw = `${target}.raw`;
      try {
        await dumpDatabase(t, url, raw);
        return await withScratchDatabase(url, async (scratch) => {
          await restoreDump(t, scratch, raw);
          const result = await over(scratch, async (db) => {
            await db.updateTable('meta').set({ value: settingsWithoutKey(settings) }).where('key', '=', BACKUP_SETTINGS_KEY).execute();
            return { checked: await checkRestored(db), read: await read({ db, sqlite: null }) };
          });
          await dumpDatabase(t, scratch, target);
          return result;
        });
      } finally {
        fs.rmSync(raw, { force: true });
      }
    },
    async inspect(file, read) {
      const t = await tools();
      return withScratchDatabase(url, async (scratch) => {
        let checked: CopyCheck;
        try {
          await restoreDump(t, scratch, file);
          checked = { ...(await over(scratch, checkRestored)), counted: true };
        } catch (err) {
          // A dump that will not restore is this store's failed integrity check.
          if (!(err instanceof PostgresToolFailed)) throw err;
          checked = { integrity: [err.message], counts: {}, schemaVersion: null, counted: false };
        }
        const opened: Kysely<Database>[] = [];
        try {
          return await read(checked, () => {
            const db = postgresKysely(scratch, 2);
            opened.push(db);
            return Promise.resolve({ db, sqlite: null });
          });
        } finally {
          for (const db of opened) await db.destroy();
        }
      });
    },
    async copyLiveAside(folder) {
      await dumpDatabase(await tools(), url, path.join(folder, POSTGRES_DUMP_FILE));
    },
    readLiveMeta: (keys) =>
      over(url, (db) => db.selectFrom('meta').select(['key', 'value']).where('key', 'in', keys).execute()).catch(() => []),
    async putBack(file) {
      await restoreDump(await tools(), url, file);
    },
  };
}
