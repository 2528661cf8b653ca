/** How every read-write connection to the office's file is set: the app's own, and the migration worker's. */
import type SqliteDatabase from 'better-sqlite3';

export function applyConnectionPragmas(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}
