/**
 * The one place a backup reads the audit chain: whether it verifies under the office's key, and its head (id,
 * hash), which every manifest records so the head is anchored outside the database.
 *
 * The chain is keyed (main/core/audit): a copy can be verified only with the live office's key, which the running
 * app installs on the copy's connection (`keyOn`) without handing it out. Without it (the command-line restore,
 * when the app will not start, or the copy made before a migration, before the chain is opened) the MACs are not
 * checked (`checked: false`); the head is still compared with the manifest's.
 *
 * @example
 * const { ok, head } = await auditAnchor(copy, (sqlite) => app.auditWatch.installOn(sqlite));
 */
import type { ReadOnlyDb } from '../../db/read-only';
import { readAuditHead, verifyAudit } from '../audit';

/** Installs the live office's audit key on another connection. */
export type AuditKeyInstaller = (sqlite: ReadOnlyDb['sqlite']) => void;

export interface AuditAnchor {
  readonly ok: boolean;
  /** Whether the MACs were checked (the key was at hand). */
  readonly checked: boolean;
  readonly rows: number;
  readonly brokenAt: number | null;
  readonly head: { readonly id: number; readonly hash: string } | null;
}

export async function auditAnchor(copy: ReadOnlyDb, keyOn: AuditKeyInstaller | null): Promise<AuditAnchor> {
  const head = await readAuditHead(copy.db);
  if (!keyOn) return { ok: true, checked: false, rows: 0, brokenAt: null, head };
  keyOn(copy.sqlite);
  const verification = await verifyAudit(copy.db);
  return { ok: verification.ok, checked: true, rows: verification.checked, brokenAt: verification.brokenAt, head };
}
