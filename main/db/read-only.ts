/**
 * A read-only Kysely over a copy of the database (a backup being checked), that lets the event loop run between
 * its queries: a long check done in batches (the audit chain, 5,000 rows at a time) never holds up the app's
 * requests for more than one batch.
 *
 * @example
 * const copy = openReadOnly('/tmp/check/petition-desk.sqlite');
 * const head = await copy.db.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
 * await copy.close();
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyPlugin, type PluginTransformResultArgs, type QueryResult, type UnknownRow } from 'kysely';
import type { Database } from './schema';

const yieldToEventLoop: KyselyPlugin = {
  transformQuery: (args) => args.node,
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return args.result;
  },
};

export interface ReadOnlyDb {
  readonly db: Kysely<Database>;
  /** The connection, for functions a check installs on it (the audit key's MAC). */
  readonly sqlite: SqliteDatabase.Database;
  close(): Promise<void>;
}

export function openReadOnly(file: string): ReadOnlyDb {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [yieldToEventLoop] });
  return { db, sqlite, close: () => db.destroy() };
}

/**
 * The meta rows with these keys, from a database that may be damaged (a restore from the command line, when the
 * app will not start): whatever can be read, nothing when it cannot be opened.
 */
export function readMetaRowsIfReadable(file: string, keys: readonly string[]): { key: string; value: string }[] {
  try {
    const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      const placeholders = keys.map(() => '?').join(', ');
      return sqlite.prepare(`SELECT key, value FROM meta WHERE key IN (${placeholders})`).all(...keys) as { key: string; value: string }[];
    } finally {
      sqlite.close();
    }
  } catch {
    return [];
  }
}
