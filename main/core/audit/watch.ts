/**
 * The chain's standing: verified at start before any write, again once a day (the alarm scheduler's pass calls
 * {@link AuditWatch.dailyCheck}), and whenever an admin asks. A broken chain stays broken in the status (and in
 * the red banner admins see) until a verify finds it whole again; it is never only logged.
 *
 * @example
 * const watch = await openAuditChain(core, store.sqlite, { dir: auditKeyDir() });
 * watch.status(); // { ok: false, brokenAt: 41, reason: 'gap', verifiedAt: … }
 */
import type { AuditBreak } from '../../../shared/enums';
import type { Core } from '../context';
import type { Store } from '../../db';
import { installAuditKey, verifyAudit, type AuditVerification } from './chain';
import { loadOrCreateAuditKey, type AuditKeyOptions } from './key-store';
import { upgradeAuditChain } from './upgrade';

export const DAILY_VERIFY_MS = 24 * 60 * 60_000;

export interface AuditStatus extends AuditVerification {
  readonly verifiedAt: number;
}

export class AuditWatch {
  #status: AuditStatus | null = null;
  #running: Promise<AuditStatus> | null = null;

  constructor(
    private readonly core: Core,
    /** This start made a new key for a chain that was keyed already: the old key is gone. */
    private readonly keyLost: boolean,
  ) {}

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

  async #verify(): Promise<AuditStatus> {
    const result = await verifyAudit(this.core.db);
    const reason: AuditBreak | null = !result.ok && this.keyLost ? 'key' : result.reason;
    const before = this.#status;
    const status: AuditStatus = { ...result, reason, verifiedAt: this.core.clock.now() };
    this.#status = status;
    if (!status.ok) console.error(`[audit] the audit chain is broken at row ${status.brokenAt} (${status.reason})`);
    if (!before || before.ok !== status.ok || before.brokenAt !== status.brokenAt) this.core.emit({ type: 'audit.verified', ok: status.ok });
    return status;
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
 * Loads (or makes) the office's key, installs it on the connection, re-keys a file from before the keyed chain,
 * and verifies: the first thing the app does with its database after migrating.
 */
export async function openAuditChain(core: Core, sqlite: Store['sqlite'], keyOptions: AuditKeyOptions): Promise<AuditWatch> {
  const { key, created } = await loadOrCreateAuditKey(keyOptions, await officeUid(core));
  installAuditKey(sqlite, key);
  const keyedBefore = (await core.db.selectFrom('meta').select('value').where('key', '=', 'audit_chain').executeTakeFirst()) !== undefined;
  const hasRows = (await core.db.selectFrom('audit').select('id').limit(1).executeTakeFirst()) !== undefined;
  const watch = new AuditWatch(core, created && keyedBefore && hasRows);
  await upgradeAuditChain(core.db, core.clock.now());
  await watch.verify();
  return watch;
}
