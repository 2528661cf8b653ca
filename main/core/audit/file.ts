/**
 * The chain of a database file that is not the live one (a backup, a file about to be restored), opened read-only.
 *
 * @example
 * const { verification, head } = await verifyAuditFile('/media/usb/backup/petition-desk.sqlite', key);
 */
import { openReadOnlyDb } from '../../db';
import { installAuditKey, readAuditHead, verifyAudit, type AuditHead, type AuditVerification } from './chain';

export interface AuditFileCheck {
  readonly verification: AuditVerification;
  readonly head: AuditHead | null;
}

/**
 * Verifies the chain in `file` with `key` (the live office's, from loadOrCreateAuditKey) without writing to the
 * file: it is opened read-only, so a WAL-mode file needs its -wal beside it or none at all (a checkpointed copy).
 */
export async function verifyAuditFile(file: string, key: Buffer): Promise<AuditFileCheck> {
  const copy = openReadOnlyDb(file);
  try {
    installAuditKey(copy.sqlite, key);
    return { verification: await verifyAudit(copy.db), head: await readAuditHead(copy.db) };
  } finally {
    await copy.close();
  }
}
