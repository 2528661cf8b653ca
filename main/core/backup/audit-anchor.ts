/**
 * The one place a backup reads the audit chain: whether it verifies, and its head (id, hash), which every
 * manifest records so the head is anchored outside the database. When the keyed chain (issue 12a) lands, this
 * function is what changes.
 *
 * @example
 * const { ok, head } = await auditAnchor(copy.db); // head: { id: 812, hash: '9f…' }
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { verifyAudit } from '../audit';

export interface AuditAnchor {
  readonly ok: boolean;
  readonly rows: number;
  readonly brokenAt: number | null;
  readonly head: { readonly id: number; readonly hash: string } | null;
}

export async function auditAnchor(db: Kysely<Database>): Promise<AuditAnchor> {
  const verification = await verifyAudit(db);
  const head = await db.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { ok: verification.ok, rows: verification.checked, brokenAt: verification.brokenAt, head: head ?? null };
}
