import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from './dialect';
import { sqliteDialect } from './sqlite';
import { postgresDialect } from './postgres';

export type { DialectName, EventRelay, SchedulerLock, StoreDialect, TextIndex } from './dialect';
export { escapeLike, THIS_PROCESS } from './dialect';
export { eventRelayFor, schedulerLockFor } from './processes';
export { ftsPhrase, installSqliteAuditKey, sqliteDialect } from './sqlite';
export { postgresDialect, postgresKysely, POOL_SIZE } from './postgres';

/**
 * The dialect a database (or a transaction on it) speaks, told by Kysely's adapter: a transaction keeps its
 * database's adapter, so any `trx` the core holds answers as the store it came from.
 *
 * @example
 * await dialectOf(trx).lockPetitionNumbers(trx, 2026);
 */
export function dialectOf(db: Kysely<Database>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
