/**
 * Opens the office's SQLite file and brings its schema to the latest migration.
 *
 * @example
 * const store = await openStore('/path/to/data');
 * await store.db.selectFrom('petitions').selectAll().execute();
 * await store.close();
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { migrateToLatest, type MigrationListener } from './migrate';
import { migrateInWorker } from './worker-jobs';
import { applyConnectionPragmas } from './pragmas';
import { postgresMigrationProvider } from './migrations/postgres';
import { postgresKysely } from './dialects';

export type { Database } from './schema';
export * from './schema';
export { LATEST_MIGRATION, rebuildStatsSummary } from './migrations';
export { migrateToLatest, type MigrationListener } from './migrate';
export { openReadOnly, readMetaRowsIfReadable, type ReadOnlyDb } from './read-only';
export { runWorkerJob, type CheckResult, type CopyEdit } from './worker-jobs';
export { dialectOf, escapeLike, ftsPhrase, installSqliteAuditKey, type DialectName, type StoreDialect, type TextIndex } from './dialects';

export type Db = Kysely<Database>;

export interface Store {
  readonly dialect: 'sqlite';
  readonly db: Db;
  readonly sqlite: SqliteDatabase.Database;
  readonly dataDir: string;
  readonly file: string;
  close(): Promise<void>;
}

/**
 * The county edition's store: a PostgreSQL database. The data folder still holds what lives beside the
 * database (attachment files, the audit key's default place).
 */
export interface PostgresStore {
  readonly dialect: 'postgres';
  readonly db: Db;
  readonly dataDir: string;
  /** Where the database is, without its password (for messages). */
  readonly location: string;
  close(): Promise<void>;
}

export type AnyStore = Store | PostgresStore;

export const DATA_DIR_ENV = 'PETITION_DESK_DATA_DIR';
/** `postgres://user:password@host:port/database`: the county edition's database instead of the SQLite file. */
export const DATABASE_URL_ENV = 'PETITION_DESK_DATABASE_URL';
export const DB_FILE_NAME = 'petition-desk.sqlite';

/** The OS's per-user application-data folder, unless the environment variable says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DATA_DIR_ENV];
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'petition-desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'petition-desk');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'petition-desk');
}

export interface OpenStoreOptions {
  /**
   * Runs before migrations that an existing database has pending (never for a new, empty one), with the
   * database still at its old schema: the app makes its safety backup here.
   */
  readonly beforeMigrate?: (db: Db, pending: readonly string[]) => Promise<void>;
  /** Told before each migration runs (the start-up screen shows it: one on a large file can take many seconds). */
  readonly onMigration?: MigrationListener;
}

export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  const sqlite = new SqliteDatabase(file);
  applyConnectionPragmas(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  try {
    const { pending, fresh } = await migrationState(db);
    // A new, empty file has nothing to keep a copy of.
    if (options.beforeMigrate && pending.length > 0 && !fresh) await options.beforeMigrate(db, pending);
    // In the built app the migrations run in a worker thread, so the shell keeps serving the start-up screen while
    // an index is built over a county-sized file; run from the sources (unit tests) they run here.
    if (pending.length > 0 && !(await migrateInWorker(file, options.onMigration))) await migrateToLatest(db, options.onMigration);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  // The planner chooses between the list's indexes by their statistics: gathered where missing or stale when the
  // file opens (bounded, so a large file opens quickly) and brought up to date when it closes.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    dataDir,
    file,
    close: async () => {
      if (sqlite.open) sqlite.pragma('optimize');
      await db.destroy();
    },
  };
}

/**
 * The database a start names (`--database`, else the environment variable), null for the SQLite file, or
 * `{ bad }` (shown without its password) when it is no postgres:// URL.
 *
 * @example
 * databaseUrlFrom(undefined, { PETITION_DESK_DATABASE_URL: 'postgres://desk@db.local/county' }) // { url: 'postgres://…' }
 */
export function databaseUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): { url: string | null } | { bad: string } {
  const given = flag ?? env[DATABASE_URL_ENV] ?? '';
  if (given === '') return { url: null };
  try {
    const protocol = new URL(given).protocol;
    if (protocol === 'postgres:' || protocol === 'postgresql:') return { url: given };
  } catch {
    // Not a URL at all: refused below like another scheme.
  }
  return { bad: redactedUrl(given) };
}

/** A database URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(a database URL that cannot be read)';
  }
}

/**
 * Opens the county's PostgreSQL database and brings its schema to the latest PostgreSQL migration (two
 * processes starting at once migrate one after the other: Kysely's migrator locks its own table).
 *
 * @example
 * const store = await openPostgresStore(process.env.PETITION_DESK_DATABASE_URL!, '/var/lib/petition-desk');
 */
export async function openPostgresStore(url: string, dataDir: string, options: OpenStoreOptions = {}): Promise<PostgresStore> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = postgresKysely(url);
  try {
    const { pending, fresh } = await migrationState(db, postgresMigrationProvider);
    if (options.beforeMigrate && pending.length > 0 && !fresh) await options.beforeMigrate(db, pending);
    if (pending.length > 0) await migrateToLatest(db, options.onMigration, postgresMigrationProvider);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { dialect: 'postgres', db, dataDir, location: redactedUrl(url), close: () => db.destroy() };
}

/** The SQLite file in `dataDir`, or the PostgreSQL database at `databaseUrl` when one is given. */
export function openAnyStore(dataDir: string, databaseUrl: string | null, options: OpenStoreOptions = {}): Promise<AnyStore> {
  return databaseUrl ? openPostgresStore(databaseUrl, dataDir, options) : openStore(dataDir, options);
}

/** How many distinct statements the live connection keeps prepared (lists with `IN (?, ?, …)` vary in length). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, keeping each statement it prepared for reuse: a save runs some thirty
 * statements, and preparing them again each time cost more than running them. Least recently used go first.
 * Kysely runs one statement to completion at a time on this connection (no streaming), so none is ever busy
 * when it is handed out again; SQLite re-prepares a kept statement itself after a schema change.
 */
export function cachingStatements(sqlite: SqliteDatabase.Database): Pick<SqliteDatabase.Database, 'prepare' | 'close'> {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(source: string) {
      let stmt = kept.get(source);
      if (stmt) {
        kept.delete(source);
      } else {
        stmt = sqlite.prepare(source);
        if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value ?? '');
      }
      kept.set(source, stmt);
      return stmt;
    },
    close() {
      kept.clear();
      return sqlite.close();
    },
  } as Pick<SqliteDatabase.Database, 'prepare' | 'close'>;
}


/**
 * Another database file (a backup, a file about to be restored) opened read-only, without migrating it: for
 * checks that must not change what they check.
 *
 * @example
 * const copy = openReadOnlyDb('/media/usb/petition-desk.sqlite');
 * await copy.db.selectFrom('audit').select('id').execute();
 * await copy.close();
 */
export function openReadOnlyDb(file: string): Pick<Store, 'db' | 'sqlite' | 'file' | 'close'> {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, file, close: () => db.destroy() };
}

/** The migrations a database that has had some has not had yet; none for a new database. */
/** The migrations this file has still to run, and whether it has run none (a new file). */
async function migrationState(db: Kysely<Database>, provider: MigrationProvider = migrationProvider): Promise<{ pending: string[]; fresh: boolean }> {
  const all = await new Migrator({ db, provider }).getMigrations();
  return { pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name), fresh: !all.some((m) => m.executedAt !== undefined) };
}

/** A consistent copy of the live database, safe while the app runs (SQLite online backup). */
export async function backupStore(store: Store, targetFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  await store.sqlite.backup(targetFile);
}
