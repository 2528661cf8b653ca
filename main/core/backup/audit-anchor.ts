/**
 * The one place a backup reads the audit chain: whether it verifies under the office's key, and its head (id,
 * hash), which every manifest records so the head is anchored outside the database.
 *
 * The chain is keyed (main/core/audit): a copy can be verified only with the live office's key, which the running
 * app installs on the copy's connection (`keyOn`) without handing it out. Without it (the command-line restore,
 * when the app will not start, or the copy made before a migration, before the chain is opened) the MACs are not
 * checked (`checked: false`); the head is still compared with the manifest's. The command-line restore looks for
 * the office's key where the app keeps it (see main/app/restore-command.ts): an installer that finds none says so
 * by returning false, and the MACs are not checked.
 *
 * @example
 * const { ok, head } = await auditAnchor(copy, (c) => app.auditWatch.installOnCopy(c));
 */
import { dialectOf } from '../../db';
import { readAuditHead, readAuditKey, verifyAudit, type AuditKeyOptions } from '../audit';
import type { CopyReading } from './database-copy';

/**
 * Installs the office's audit key on a copy opened for reading (a SQLite copy's connection, or a PostgreSQL copy's
 * Kysely); false when it has no key for that copy.
 */
export type AuditKeyInstaller = (copy: CopyReading) => boolean | Promise<boolean>;

export interface AuditAnchor {
  readonly ok: boolean;
  /** Whether the MACs were checked (the key was at hand). */
  readonly checked: boolean;
  readonly rows: number;
  readonly brokenAt: number | null;
  readonly head: { readonly id: number; readonly hash: string } | null;
}

export async function auditAnchor(copy: CopyReading, keyOn: AuditKeyInstaller | null): Promise<AuditAnchor> {
  const head = await readAuditHead(copy.db);
  if (!keyOn || !(await keyOn(copy))) return { ok: true, checked: false, rows: 0, brokenAt: null, head };
  const verification = await verifyAudit(copy.db);
  return { ok: verification.ok, checked: true, rows: verification.checked, brokenAt: verification.brokenAt, head };
}

/**
 * Installs the office's key on a copy's connection when this PC has it, without an app running (the command-line
 * restore): the copy names its office (meta.office_uid), and the key is read where the app keeps it. A key file
 * that cannot be opened here (sealed for another account) counts as none: the head is still compared.
 *
 * @example
 * const anchor = await auditAnchor(copy, officeKeyInstaller({ dir: auditKeyDir() }));
 * anchor.checked; // false when this PC has no key for the copy's office
 */
export function officeKeyInstaller(keyOptions: AuditKeyOptions): AuditKeyInstaller {
  return async (copy) => {
    const row = await copy.db.selectFrom('meta').select('value').where('key', '=', 'office_uid').executeTakeFirst();
    if (!row) return false;
    const key = await readAuditKey(keyOptions, row.value).catch((error: unknown) => {
      console.warn(`[backup] the audit key cannot be opened here, so only the audit head is compared: ${String(error)}`);
      return null;
    });
    if (!key) return false;
    dialectOf(copy.db).installAuditKey(copy.db, copy.sqlite, key);
    return true;
  };
}
