/**
 * The chain's standing: verified at start before any write, again once a day (the alarm scheduler's pass calls
 * {@link AuditWatch.dailyCheck}), and whenever an admin asks. A broken chain stays broken in the status (and in
 * the red banner admins see) until a verify finds it whole again; it is never only logged.
 *
 * @example
 * const watch = await openAuditChain(core, store, { dir: auditKeyDir() });
 * watch.status(); // { ok: false, brokenAt: 41, reason: 'gap', verifiedAt: … }
 */
import fs from 'node:fs';
import type { Core } from '../context';
import { dialectOf, type AnyStore, type Db } from '../../db';
import { auditMac, installAuditKey, installStoreAuditKey, verifyAuditAfter, type AuditHead, type AuditVerification } from './chain';
import { verifyAuditFile, type AuditFileCheck } from './file';
import { auditKeyFile, loadOrCreateAuditKey, type AuditKeyOptions } from './key-store';
import { upgradeAuditChain } from './upgrade';

export const DAILY_VERIFY_MS = 24 * 60 * 60_000;
/**
 * Where the last whole verify ended (meta key): `{ id, hash, mac }`, the MAC under the office's key, so only this
 * office's app can move it. At start-up a chain longer than {@link START_VERIFY_WHOLE_MAX_ROWS} is verified from
 * there before any write, and as a whole right after, beside the running app: a county file's 1.9 million rows took
 * ~20 s to verify, which the desk waited for at every start.
 */
export const VERIFIED_KEY = 'audit_verified';
/** Up to this many rows before the checkpoint, start-up verifies the whole chain before the desk opens (~1 s). */
export const START_VERIFY_WHOLE_MAX_ROWS = 100_000;
const CHECKPOINT_TEXT = 'petition-desk audit verified through';

export interface AuditStatus extends AuditVerification {
  readonly verifiedAt: number;
}

export class AuditWatch {
  #status: AuditStatus | null = null;
  #running: Promise<AuditStatus> | null = null;
  /** Stops a verify still running (the whole one behind the open desk) when the app closes. */
  readonly #closing = new AbortController();

  readonly #key: Buffer;

  constructor(
    private readonly core: Core,
    key: Buffer,
  ) {
    this.#key = key;
  }

  /**
   * Verifies the chain in another database file (a backup just written, a file about to be restored) with the
   * live office's key, opening it read-only. For backups: `head` goes into the manifest.
   *
   * @example
   * const { verification, head } = await app.auditWatch.verifyFile(path.join(backupDir, 'petition-desk.sqlite'));
   */
  verifyFile(file: string): Promise<AuditFileCheck> {
    return verifyAuditFile(file, this.#key);
  }

  /** Puts the live office's key on another connection to a copy of its database (a backup being checked). */
  installOn(sqlite: Parameters<typeof installAuditKey>[0]): true {
    installAuditKey(sqlite, this.#key);
    return true;
  }

  /**
   * {@link AuditWatch.installOn} for a copy of either store: a SQLite copy's connection, or the Kysely over a
   * PostgreSQL copy (a backup restored into a scratch database), whose MACs are then worked out in this process.
   */
  installOnCopy(copy: { readonly db: Db; readonly sqlite: Parameters<typeof installAuditKey>[0] | null }): true {
    dialectOf(copy.db).installAuditKey(copy.db, copy.sqlite, this.#key);
    return true;
  }

  status(): AuditStatus | null {
    return this.#status;
  }

  /** Verifies now; one run at a time (a second caller gets the running one's answer). */
  verify(): Promise<AuditStatus> {
    this.#running ??= this.#verify().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #verify(from: AuditHead | null = null): Promise<AuditStatus> {
    const { verification: result, last } = await verifyAuditAfter(this.core.db, from, this.#closing.signal);
    if (last && !from) await this.#saveCheckpoint(last);
    const before = this.#status;
    const status: AuditStatus = { ...result, verifiedAt: this.core.clock.now() };
    this.#status = status;
    if (!status.ok) console.error(`[audit] the audit chain is broken at row ${status.brokenAt} (${status.reason})`);
    if (!before || before.ok !== status.ok || before.brokenAt !== status.brokenAt) this.core.emit({ type: 'audit.verified', ok: status.ok });
    return status;
  }

  /**
   * The start-up verify: the whole chain when it is short or has no valid checkpoint; else the rows after the
   * checkpoint now (the desk waits for those) and the whole chain next, not waited for, whose result replaces this
   * one's in the status and the banner. Returns the whole verify's promise when one was started behind.
   */
  async verifyAtStart(wholeMaxRows = START_VERIFY_WHOLE_MAX_ROWS): Promise<{ behind: Promise<AuditStatus> | null }> {
    const from = await this.#checkpoint();
    if (!from || from.id <= wholeMaxRows) {
      await this.verify();
      return { behind: null };
    }
    const tail = await this.#verify(from);
    if (!tail.ok) return { behind: null };
    const behind = this.verify();
    behind.catch((err: unknown) => {
      if (!this.#closing.signal.aborted) console.error('[audit] the whole verify after start-up failed:', err);
    });
    return { behind };
  }

  /** The checkpoint, when its MAC is this office's and its row still has that hash; else null (verify it all). */
  async #checkpoint(): Promise<AuditHead | null> {
    const row = await this.core.db.selectFrom('meta').select('value').where('key', '=', VERIFIED_KEY).executeTakeFirst();
    if (!row) return null;
    let saved: { id?: unknown; hash?: unknown; mac?: unknown };
    try {
      saved = JSON.parse(row.value) as typeof saved;
    } catch {
      return null;
    }
    if (typeof saved.id !== 'number' || typeof saved.hash !== 'string' || typeof saved.mac !== 'string') return null;
    const point = { id: saved.id, hash: saved.hash };
    if ((await this.#checkpointMac(point)) !== saved.mac) return null;
    const at = await this.core.db.selectFrom('audit').select('hash').where('id', '=', point.id).executeTakeFirst();
    return at?.hash === point.hash ? point : null;
  }

  async #saveCheckpoint(last: AuditHead): Promise<void> {
    if (last.id === 0) return;
    const value = JSON.stringify({ ...last, mac: await this.#checkpointMac(last) });
    await this.core.db.insertInto('meta').values({ key: VERIFIED_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }

  #checkpointMac(point: AuditHead): Promise<string> {
    return auditMac(this.core.db, `${CHECKPOINT_TEXT}\n${point.id}\n${point.hash}`);
  }

  /** Before the store closes: a verify still running stops after its current batch. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.settled();
  }

  /** Resolves when no verify is running (the benchmarks wait for the whole verify that follows start-up). */
  async settled(): Promise<void> {
    await this.#running?.catch(() => undefined);
  }

  /** Verifies when the last run is a day old (or there was none); cheap to call on every scheduler pass. */
  async dailyCheck(now: number): Promise<void> {
    const last = this.#status?.verifiedAt;
    if (last === undefined || now - last >= DAILY_VERIFY_MS || now < last) await this.verify();
  }
}

async function officeUid(core: Core): Promise<string> {
  const row = await core.db.selectFrom('meta').select('value').where('key', '=', 'office_uid').executeTakeFirst();
  if (!row) throw new Error('meta.office_uid is missing: the database was not migrated');
  return row.value;
}

/**
 * The office's key. A key file this PC cannot open (sealed for another Windows account, a keyring that changed,
 * a damaged file) must not stop the office from working: it is set aside beside itself as
 * `….unreadable-<time>` (never deleted: it may open again elsewhere) and a new key is made. The chain then reports
 * 'key' at every verify, so the change is never silent.
 */
async function officeKey(core: Core, keyOptions: AuditKeyOptions): Promise<Buffer> {
  const uid = await officeUid(core);
  try {
    return (await loadOrCreateAuditKey(keyOptions, uid)).key;
  } catch (error) {
    const file = auditKeyFile(keyOptions.dir, uid);
    const aside = `${file}.unreadable-${core.clock.now()}`;
    console.error(`[audit] the audit key ${file} cannot be opened; it is kept as ${aside} and a new key is made:`, error);
    fs.renameSync(file, aside);
    return (await loadOrCreateAuditKey(keyOptions, uid)).key;
  }
}

/**
 * Loads (or makes) the office's key, installs it on the store, re-keys a file from before the keyed chain, and
 * verifies: the first thing the app does with its database after migrating.
 */
export async function openAuditChain(core: Core, store: AnyStore, keyOptions: AuditKeyOptions): Promise<AuditWatch> {
  const key = await officeKey(core, keyOptions);
  installStoreAuditKey(store, key);
  const watch = new AuditWatch(core, key);
  await upgradeAuditChain(core.db, core.clock.now());
  await watch.verifyAtStart();
  return watch;
}
