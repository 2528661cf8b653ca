/**
 * The audit trail: every write a person makes appends one row in the same transaction, chained with a keyed hash
 * (HMAC-SHA-256) whose key is kept outside the database.
 *
 * For backups and restore (issue 12, finding 10):
 * - {@link readAuditHead}`(db)` → `{ id, hash }` | null: the current head, for a backup's manifest;
 * - `app.auditWatch.verifyFile(file)` ({@link AuditWatch}): verifies a database file opened read-only with the
 *   live office's key and returns `{ verification, head }` (the simplest: no key handling by the caller);
 * - {@link verifyAuditFile}`(file, key)`: the same with a key the caller has (a command-line restore), from
 *   {@link readAuditKey}`({ dir: auditKeyDir(), sealer }, officeUid)`; the office uid is meta.office_uid.
 *
 * @example
 * await appendAudit(trx, { actor, at: clock.now(), action: 'petition.create', entity: 'petition', entityId: 12, after });
 * const head = await readAuditHead(core.db); // { id: 1234, hash: '3f9a…' }
 */
export { appendAudit, appendAudits, canonicalAuditRow, installAuditKey, installStoreAuditKey, readAuditHead, verifyAudit, GENESIS_HASH } from './chain';
export type { AuditHead, AuditRecord, AuditVerification } from './chain';
export { verifyAuditFile, type AuditFileCheck } from './file';
export { auditKeyDir, auditKeyFile, loadOrCreateAuditKey, readAuditKey, KEY_DIR_ENV } from './key-store';
export type { AuditKeyOptions, SecretSealer } from './key-store';
export { isChainKeyed, upgradeAuditChain } from './upgrade';
export { AuditWatch, DAILY_VERIFY_MS, openAuditChain, type AuditStatus } from './watch';
export { listAudit } from './list';
export { requestAddress, withRequestAddress } from './request-address';
export { acceptAuditKey } from './accept-key';
