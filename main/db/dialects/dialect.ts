/**
 * What differs between the two stores, behind one interface: the core stays dialect-neutral through Kysely and
 * asks {@link dialectOf} for the few fragments that cannot be (full-text search, the audit key's MAC, the audit
 * id counter, locks a second writer needs on a server, planner statistics). The office's SQLite file is one
 * connection that Kysely hands to one transaction at a time; a county's PostgreSQL is a pool of connections
 * written by many clerks at once, so its fragments take the row and advisory locks SQLite never needed.
 *
 * @example
 * const d = dialectOf(trx);
 * await d.lockAuditChain(trx);
 * query.where(sql`petitions.id IN (${d.petitionWordIds('trigram', ['征地补偿'])})`);
 */
import os from 'node:os';
import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Which text a search word is looked up in: `trigram`, the summary, request and facts (a word of three characters
 * or more); `pair`, the summary, request, number and petitioners' names (a word of one or two letters or digits).
 */
export type TextIndex = 'trigram' | 'pair';

export interface StoreDialect {
  readonly name: DialectName;
  /**
   * Whether a state check must lock the row it reads (`SELECT … FOR UPDATE`, which SQLite does not have): on a
   * server two transactions can check the same row at once; on SQLite's one connection they never do.
   */
  readonly rowLocks: boolean;
  /**
   * `column LIKE pattern ESCAPE '\'`, the pattern's own `%`, `_` and `\` escaped, matching without regard to case
   * as SQLite's LIKE does for Latin letters (ILIKE on PostgreSQL).
   */
  like(column: string, pattern: string): RawBuilder<SqlBool>;
  /**
   * A query of `id`s of the petitions whose text (as {@link TextIndex} says) holds every one of `words`, in id
   * order when {@link StoreDialect.textIdsInIdOrder}.
   */
  petitionWordIds(index: TextIndex, words: readonly string[]): RawBuilder<unknown>;
  /**
   * Whether {@link StoreDialect.petitionWordIds} comes in id order from its index (SQLite's FTS5 gives rowids in
   * order), so a count can merge several words' matches with INTERSECT and EXCEPT as it reads them instead of
   * gathering them first. PostgreSQL's trigram index gives a bitmap: its count goes through the list's filters.
   */
  readonly textIdsInIdOrder: boolean;
  /**
   * Works the statistics' summaries out anew for the office's time zone (when it is set up or its zone changes).
   * SQLite keeps them in tables by triggers (migration 0015); on PostgreSQL they are views over the records.
   */
  rebuildStatsSummary(db: Kysely<Database>, timeZone: string): Promise<void>;
  /** A query of `id`s of the petitions whose number contains `phrase` (three characters or more). */
  petitionNumberIds(phrase: string): RawBuilder<unknown>;
  /** A query of petitioner `id`s whose name contains `phrase` (three characters or more). */
  petitionerNameIds(phrase: string): RawBuilder<unknown>;
  /**
   * How many petitions' text holds `phrase`, counted no further than `cap` (the repeat check's rare-trigram test).
   */
  countPetitionText(db: Kysely<Database>, phrase: string, cap: number): Promise<number>;
  /**
   * Up to `limit` petitions whose text holds any (`mode` 'any') or all ('all') of `phrases`, best match first:
   * the repeat check's candidates.
   */
  petitionTextCandidates(db: Kysely<Database>, phrases: readonly string[], mode: 'any' | 'all', limit: number): Promise<{ id: number; summary: string; request: string }[]>;
  /**
   * Per petition among `ids`, its soonest open deadline the office must meet: rows of `subject_id`, `kind` and
   * `due_at` (a ledger import's new petitions get their "next due" in one statement).
   */
  soonestOpenPetitionDeadlines(ids: Expression<unknown>): RawBuilder<unknown>;
  /**
   * The column as an expression the planner will not use an index for (SQLite: unary `+`), where walking another
   * index is faster; PostgreSQL's planner chooses by cost and takes the column as it is.
   */
  unindexed(column: string): RawBuilder<unknown>;
  /** The larger of two values (SQLite's two-argument max, PostgreSQL's greatest). */
  greatest(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<number>;
  /**
   * Held until the transaction ends: one writer at a time appends to the audit chain (it reads the chain's end,
   * then writes after it). SQLite's single connection already serializes transactions.
   */
  lockAuditChain(trx: Kysely<Database>): Promise<void>;
  /**
   * Held until the transaction ends: one writer at a time takes the next number of a gapless per-year series
   * (`series` names it: 'petition', 'warning', 'info_report', 'notice:<kind>').
   */
  lockNumberSeries(trx: Kysely<Database>, series: string, year: number): Promise<void>;
  /** The highest audit id ever issued (SQLite's sqlite_sequence; PostgreSQL's identity sequence). */
  highestIssuedAuditId(db: Kysely<Database>): Promise<number>;
  /**
   * Runs a read of the whole chain (verify) on one consistent view of it, with the highest id issued as of that
   * view. On a server, writers commit between the reads of a long verify; its view must not move, or a row written
   * meanwhile would look like a head out of step. SQLite's one connection needs no more than the reads themselves.
   */
  auditSnapshot<T>(db: Kysely<Database>, read: (view: Kysely<Database>, issued: number) => Promise<T>): Promise<T>;
  /** The audit MACs of canonical rows under the key installed for this store ({@link StoreDialect.installAuditKey}). */
  auditMacs(db: Kysely<Database>, canonicals: readonly string[]): Promise<string[]>;
  /**
   * Makes `key` the audit key of this store. SQLite keeps it in the connection as the SQL function `audit_mac`
   * (`connection` is the better-sqlite3 handle); PostgreSQL keeps it in this process, beside the pool, and the MAC
   * is worked out here, so the key never travels to the server or into its logs.
   */
  installAuditKey(db: Kysely<Database>, connection: unknown, key: Buffer): void;
  /** Brings the planner's statistics up to date after a large write (a ledger import). */
  refreshStatistics(db: Kysely<Database>): Promise<void>;
}

/** This process as a person reading a log or pg_stat_activity finds it: the machine and its process id. */
export const THIS_PROCESS: string = `${os.hostname()} pid ${process.pid}`;

/** Which of the processes on one store runs the alarm scheduler (./processes.ts). */
export interface SchedulerLock {
  /**
   * Tries to take the lock at once and resolves after that first try (having called `onChange(true)` if it got
   * it); then keeps trying every few seconds while another process holds it, and calls `onChange(false)` when this
   * process loses it (its connection dropped: the server has freed the lock for another).
   */
  start(onChange: (held: boolean) => void | Promise<unknown>): Promise<void>;
  /** The process holding the lock as THIS_PROCESS names it, or null while nobody does. */
  holder(): Promise<string | null>;
  /** Lets the lock go (closing its connection), so another process takes over at its next try. */
  close(): Promise<void>;
}

/** Pushes from this process to the others on one store (./processes.ts). */
export interface EventRelay {
  /** Settles once the first try to listen is over (listening, or reconnecting after a failure). */
  readonly listening: Promise<void>;
  /** Sends an event to the other processes (never back to this one). */
  publish(event: unknown): void;
  close(): Promise<void>;
}

/** Text with LIKE's own `%`, `_` and `\` escaped by `\`, for a pattern with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
