/**
 * The keyed audit chain. Each row's hash is HMAC-SHA-256, under a key kept outside the database, of the row's id,
 * content and the previous row's hash. The key is not a parameter: it lives in the SQLite connection as the SQL
 * function `audit_mac` (see {@link installAuditKey}), or on PostgreSQL beside the store's pool (the store's dialect,
 * main/db/dialects), so every `appendAudit(trx, …)` in the core is keyed without passing it around, and a
 * connection without the key cannot write audit rows at all.
 *
 * What verify checks, and so what it catches:
 * - every row's MAC (an edited row, or one re-chained without the key);
 * - every row's link to the row before (a row spliced in or out);
 * - ids 1, 2, 3, … without a gap (a deleted row, even the newest once anything is written after it);
 * - the last row against the head kept in `meta` and against sqlite_sequence, the highest id SQLite ever issued
 *   (on PostgreSQL the audit id sequence, which a deferred trigger keeps at the highest id committed) (rows cut off
 *   the end).
 * - after an admin accepted a replaced key (see accept-key.ts), rows before the acceptance row are checked for gaps
 *   and links only (their MACs were made with a key this PC no longer has), and from that row on fully; the
 *   acceptance row must be where the marker says and verify under the current key, so the marker cannot be moved
 *   to hide anything. The result names it (`keyAcceptedAt`), so where the old chain ended stays visible.
 * What it cannot catch alone: the newest rows cut off together with sqlite_sequence and the head rewound. For
 * that the head is anchored outside the database (printed handover sheets and duty logs, backup manifests):
 * compare a printed head with `audit.list`.
 *
 * @example
 * installAuditKey(store.sqlite, key);
 * await appendAudit(trx, { actor, at: clock.now(), action: 'petition.create', entity: 'petition', entityId: 12, after });
 * const { ok, brokenAt } = await verifyAudit(db);
 */
import { setImmediate } from 'node:timers/promises';
import type { Kysely, Selectable } from 'kysely';
import type { AuditBreak } from '../../../shared/enums';
import { toWellFormedText } from '../../../shared/unicode';
import { dialectOf, installSqliteAuditKey, type AnyStore, type AuditTable, type Database, type Store } from '../../db';
import type { Actor } from '../context';
import { chunksOf } from '../../db/chunks';
import { requestAddress } from './request-address';

export const GENESIS_HASH = '0'.repeat(64);
export const HEAD_KEY = 'audit_head';
/** Set once the chain is keyed; absent in a file from before the key (see upgrade.ts). */
export const CHAIN_MARK_KEY = 'audit_chain';
export const CHAIN_MARK = 'hmac-sha256';
/**
 * Which key the chain was keyed with: the MAC of a fixed text under it (it names the key without revealing it).
 * A start with another key (the key file lost, or unreadable and replaced) is then told apart from tampering.
 */
export const KEY_ID_KEY = 'audit_key_id';
const KEY_ID_TEXT = 'petition-desk audit key id';
/** The id of the newest `audit.key_accepted` row: MACs are checked from it on (see accept-key.ts). */
export const KEY_ACCEPTED_KEY = 'audit_key_accepted_at';
export const KEY_ACCEPTED_ACTION = 'audit.key_accepted';

export interface AuditRecord {
  readonly actor: Actor | null;
  readonly at: number;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The newest row of the chain: what a backup manifest and a printed sheet carry. */
export interface AuditHead {
  readonly id: number;
  readonly hash: string;
}

type AuditRow = Selectable<AuditTable>;
/** A row without its MAC; the address may be left out (rows written before migration 0016, tools that seed rows). */
export type AuditContent = Omit<AuditRow, 'hash' | 'address'> & { readonly address?: string | null };

/**
 * Text exactly as SQLite will store it: a lone UTF-16 surrogate becomes U+FFFD on the way in, so hashing the JS
 * string as given would not match the row read back (issue 12, finding 3). The contract refuses such text; this
 * keeps the chain whole for anything the core itself writes.
 */
function stored(text: string): string {
  return toWellFormedText(text);
}

/**
 * What the MAC is taken over. The address (migration 0016) is added at the end only when there is one: rows from
 * before it, and rows no network request wrote, keep the form they were keyed in, so the chain verifies across both.
 * An address removed from a row, or one put into a row that had none, changes the text and fails its MAC.
 */
export function canonicalAuditRow(row: AuditContent): string {
  const fields: unknown[] = [
    row.id,
    row.at,
    row.user_id,
    row.user_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ];
  if (row.address !== null && row.address !== undefined) fields.push(row.address);
  return JSON.stringify(fields);
}

/**
 * Makes `key` the audit key of this connection. Call once per connection, before any write.
 *
 * @example
 * installAuditKey(store.sqlite, loadAuditKey({ dir }, officeUid).key);
 */
export function installAuditKey(sqlite: Store['sqlite'], key: Buffer): void {
  installSqliteAuditKey(sqlite, key);
}

/** {@link installAuditKey} for the app's store, whichever its dialect. */
export function installStoreAuditKey(store: AnyStore, key: Buffer): void {
  dialectOf(store.db).installAuditKey(store.db, store.dialect === 'sqlite' ? store.sqlite : null, key);
}

/** The MAC of one canonical row under this connection's key. */
export async function auditMac(db: Kysely<Database>, canonical: string): Promise<string> {
  const mac = (await dialectOf(db).auditMacs(db, [canonical]))[0];
  if (!mac) throw new Error('audit_mac returned nothing');
  return mac;
}

/** The MACs of many canonical rows in one statement (verify reads the chain in batches). */
function macsOf(db: Kysely<Database>, canonicals: readonly string[]): Promise<string[]> {
  return dialectOf(db).auditMacs(db, canonicals);
}

/** The id of this connection's key, as stored in meta under {@link KEY_ID_KEY}. */
export async function connectionKeyId(db: Kysely<Database>): Promise<string> {
  return (await auditMac(db, KEY_ID_TEXT)).slice(0, 16);
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function highestIssuedId(db: Kysely<Database>): Promise<number> {
  return dialectOf(db).highestIssuedAuditId(db);
}

async function writeHead(trx: Kysely<Database>, head: AuditHead): Promise<void> {
  const value = JSON.stringify(head);
  await trx.insertInto('meta').values({ key: HEAD_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Appends one row to the chain; call inside the write transaction of the change it records. */
export async function appendAudit(trx: Kysely<Database>, record: AuditRecord): Promise<void> {
  await appendAudits(trx, [record]);
}

/**
 * Appends many rows in order (a ledger import writes one per petition): the chain's end is read once, each row
 * keyed in turn, the rows written in a few statements and the head once.
 */
export async function appendAudits(trx: Kysely<Database>, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  // Another writer on the server would read the same end and fork the chain.
  await dialectOf(trx).lockAuditChain(trx);
  const last = await trx.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  // The next id is taken from what SQLite has issued, not from the last row: a deleted newest row leaves a gap.
  let id = Math.max(await highestIssuedId(trx), last?.id ?? 0);
  let prev = last?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = [];
  const address = requestAddress();
  for (const record of records) {
    id += 1;
    const content: Omit<AuditRow, 'hash'> = {
      id,
      at: record.at,
      user_id: record.actor?.id ?? null,
      user_name: stored(record.actor?.name ?? '系统'),
      action: stored(record.action),
      entity: stored(record.entity),
      entity_id: stored(String(record.entityId)),
      before_json: toJson(record.before),
      after_json: toJson(record.after),
      prev_hash: prev,
      address: address === null ? null : stored(address),
    };
    prev = await auditMac(trx, canonicalAuditRow(content));
    rows.push({ ...content, hash: prev });
  }
  for (const part of chunksOf(rows)) await trx.insertInto('audit').values(part).execute();
  await writeHead(trx, { id, hash: prev });
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** The id of the first row whose content, link or place does not match. */
  readonly brokenAt: number | null;
  /** What did not match; null when ok. */
  readonly reason: AuditBreak | null;
  /**
   * The row where an admin accepted a replaced key: rows before it were checked for gaps and links only, their
   * MACs being under a key this PC no longer has. Null when the chain has had one key throughout.
   */
  readonly keyAcceptedAt: number | null;
}

/** The head as the meta table keeps it, or null before the first row. */
export async function readAuditHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  if (!row) return null;
  const head = JSON.parse(row.value) as Partial<AuditHead>;
  return typeof head.id === 'number' && typeof head.hash === 'string' ? { id: head.id, hash: head.hash } : null;
}

/**
 * Rows verified per query. A batch's rows and the text of their MACs are garbage once checked; at 5,000 rows they
 * outlived the young generation and grew the old one (the main process was at 200 MB instead of 154 MB right
 * after opening a 100k office, 264 MB on a bad run), while 1,000 rows open the file as fast.
 */
const BATCH = 1000;

/** Reads the whole chain in id order and says where it first fails; read-only. */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  return (await verifyAuditAfter(db, null)).verification;
}

/**
 * Verifies the rows after `from` (a row already verified: its id and hash), or the whole chain when null, and says
 * which row the verified part ends at (null when it is broken), for {@link AuditWatch}'s start-up checkpoint.
 */
export function verifyAuditAfter(
  db: Kysely<Database>,
  from: AuditHead | null,
  signal?: AbortSignal,
): Promise<{ verification: AuditVerification; last: AuditHead | null }> {
  return dialectOf(db).auditSnapshot(db, (view, issued) => verifyIn(view, issued, from, signal));
}

async function verifyIn(
  db: Kysely<Database>,
  issued: number,
  from: AuditHead | null,
  signal?: AbortSignal,
): Promise<{ verification: AuditVerification; last: AuditHead | null }> {
  const head = await readAuditHead(db);
  let prev = from?.hash ?? GENESIS_HASH;
  let checked = 0;
  let afterId = from?.id ?? 0;
  const accepted = await db.selectFrom('meta').select('value').where('key', '=', KEY_ACCEPTED_KEY).executeTakeFirst();
  const keyAcceptedAt = accepted ? Number(accepted.value) : null;
  const broken = (brokenAt: number, reason: AuditBreak) => ({ verification: { ok: false, checked, brokenAt, reason, keyAcceptedAt }, last: null });
  // Keyed with another key than this connection's: every row would fail, and the reason is the key, not the rows.
  const keyId = await db.selectFrom('meta').select('value').where('key', '=', KEY_ID_KEY).executeTakeFirst();
  if (keyId && keyId.value !== (await connectionKeyId(db))) {
    const first = await db.selectFrom('audit').select('id').orderBy('id').limit(1).executeTakeFirst();
    return broken(first?.id ?? 1, 'key');
  }
  // The chain as it stood when the verify began: rows appended meanwhile (the loop lets other calls run between its
  // batches) are left for the next verify, so a write during it is not taken for a row past the head.
  const expectedLast = Math.max(head?.id ?? 0, issued);
  for (;;) {
    const rows = await db.selectFrom('audit').selectAll().where('id', '>', afterId).where('id', '<=', expectedLast).orderBy('id').limit(BATCH).execute();
    const macs = await macsOf(db, rows.map(({ hash: _hash, ...content }) => canonicalAuditRow(content)));
    for (const [i, row] of rows.entries()) {
      if (row.id !== afterId + 1) return broken(row.id, 'gap');
      if (row.prev_hash !== prev) return broken(row.id, 'link');
      const keyed = keyAcceptedAt === null || row.id >= keyAcceptedAt;
      if (keyed && macs[i] !== row.hash) return broken(row.id, 'row');
      if (row.id === keyAcceptedAt && row.action !== KEY_ACCEPTED_ACTION) return broken(row.id, 'row');
      prev = row.hash;
      checked++;
      afterId = row.id;
    }
    if (rows.length < BATCH) break;
    // better-sqlite3 answers at once, so without this the loop would run as one chain of microtasks and hold off
    // every request (a login's password hash, an HTTP call) until the whole chain is read: ~10 s at 1.9M rows.
    await setImmediate();
    // The app is closing: stop between batches rather than read on from a connection about to close.
    signal?.throwIfAborted();
  }
  // A row past the head as it is now was not written by the app, which moves the head in the row's transaction.
  const headNow = await readAuditHead(db);
  const beyond = await db.selectFrom('audit').select('id').where('id', '>', Math.max(headNow?.id ?? 0, expectedLast)).orderBy('id').limit(1).executeTakeFirst();
  if (beyond) return broken(beyond.id, 'head');
  // Rows cut off the end: the head or SQLite's own counter remember a later id than the last row.
  if (expectedLast > afterId) return broken(afterId + 1, 'truncated');
  // A marker past the last row would leave every row unchecked.
  if (keyAcceptedAt !== null && !(keyAcceptedAt >= 1 && keyAcceptedAt <= afterId)) return broken(afterId, 'head');
  if (head && head.hash !== prev) return broken(afterId, 'head');
  if (!head && afterId > 0) return broken(afterId, 'head');
  return { verification: { ok: true, checked, brokenAt: null, reason: null, keyAcceptedAt }, last: { id: afterId, hash: prev } };
}
