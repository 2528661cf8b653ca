/**
 * Writes one backup and checks it before it counts. The database is copied by the store's copier (database-copy.ts:
 * SQLite's VACUUM INTO on a worker thread, PostgreSQL's pg_dump; the app's writers go on meanwhile), with the
 * backup key left out of the copy; the attachments that rows reference are copied (never the temp or quarantine folders); with a key, every
 * file is encrypted on its way to the target. The folder is written as `….partial`, verified as a restore would
 * read it, and only then renamed to its final name.
 *
 * @example
 * const done = await writeBackup(core, { kind: 'scheduled', parent: 'E:\\信访备份', settings, appVersion: '0.1.0' });
 * done.folder; // E:\信访备份\petition-desk-20261128-123000
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BackupKind } from '../../../shared/enums';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import type { Core } from '../context';
import { UserError } from '../errors';
import { findOffice } from '../users';
import { dataFolder, folderStamp, syncFolder } from '../storage';
import { auditAnchor } from './audit-anchor';
import { copyWithHash, encryptFile, sealJson } from './crypto';
import { aadFor, ENCRYPTED_SUFFIX, FORMAT_NAME, FORMAT_VERSION, UNFINISHED_SUFFIX, writeManifest, type FileEntry, type Manifest, type ManifestContent } from './format';
import { backupKey, type BackupSettings } from './settings';
import { sqliteCopier, type DatabaseCopier } from './database-copy';
import { verifyBackup, type VerifyReport } from './verify';
import type { AuditKeyInstaller } from './audit-anchor';

export interface WriteBackupOptions {
  readonly kind: BackupKind;
  /** The folder the backup folder is made in; it must exist. */
  readonly parent: string;
  readonly settings: BackupSettings;
  readonly appVersion: string;
  /** The live office's audit key for the copy (see audit-anchor.ts); null before the chain is open. */
  readonly auditKeyOn: AuditKeyInstaller | null;
  /** How the database is copied and checked (default: the SQLite file in the data folder). */
  readonly copier?: DatabaseCopier;
}

export interface WrittenBackup {
  readonly folder: string;
  readonly createdAt: number;
  readonly kind: BackupKind;
  readonly encrypted: boolean;
  readonly databaseBytes: number;
  readonly attachments: number;
  readonly bytes: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly auditHeadId: number | null;
  /** The check after writing; a backup with a problem that stops a restore is not kept. */
  readonly verification: VerifyReport;
}

/** Thrown when the copy just written does not check out; the message lists what was wrong. */
export class BackupCheckFailed extends Error {
  readonly report: VerifyReport;
  constructor(report: VerifyReport) {
    super(`The backup did not verify: ${report.problems.map((p) => `${p.code} ${p.detail}`).join('; ')}`);
    this.name = 'BackupCheckFailed';
    this.report = report;
  }
}

/** Leftovers of a backup that was cut short (the app closed or crashed while writing). */
function removeUnfinished(parent: string): void {
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith('petition-desk-') && name.endsWith(UNFINISHED_SUFFIX)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** The stamped name, or the first of `-2`, `-3`… that is free (nothing, finished or not, is ever overwritten). */
function freeFolderName(parent: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? name : `${name}-${n}`);
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}${UNFINISHED_SUFFIX}`)) return candidate;
  }
}

async function storeFile(src: string, folder: string, logical: string, id: string, key: Buffer | null): Promise<FileEntry> {
  const stored = key ? `${logical}${ENCRYPTED_SUFFIX}` : logical;
  const dst = path.join(folder, ...stored.split('/'));
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  if (key) {
    const sealed = await encryptFile(src, dst, key, aadFor(id, logical));
    return { path: logical, stored, bytes: sealed.bytes, sha256: sealed.sha256, iv: sealed.iv, tag: sealed.tag };
  }
  if (src !== dst) {
    const facts = await copyWithHash(src, dst);
    return { path: logical, stored, ...facts };
  }
  return { path: logical, stored, ...(await copyWithHash(src, null)) };
}

export async function writeBackup(core: Core, options: WriteBackupOptions): Promise<WrittenBackup> {
  const { parent, settings } = options;
  const layout = dataFolder(core.dataDir);
  const key = backupKey(settings);
  const copier = options.copier ?? sqliteCopier(core.dataDir);
  const createdAt = core.clock.now();
  const office = await findOffice(core.db);
  const final = freeFolderName(parent, `petition-desk-${folderStamp(createdAt, office?.timeZone ?? DEFAULT_TIME_ZONE)}`);
  const work = `${final}${UNFINISHED_SUFFIX}`;
  try {
    removeUnfinished(parent);
    fs.mkdirSync(work);
  } catch {
    throw UserError.field('targetDir', 'errors.backup.notWritable', { folder: parent });
  }
  const id = randomBytes(12).toString('hex');
  const scratch = path.join(layout.temp, `backup-${id}`);
  fs.mkdirSync(scratch, { recursive: true });
  try {
    // Encrypted: the plain copy stays on the data drive, only ciphertext reaches the target.
    const snapshot = key ? path.join(scratch, copier.fileName) : path.join(work, copier.fileName);
    const { checked, read } = await copier.snapshot(snapshot, settings, async (copy) => ({
      anchor: await auditAnchor(copy, options.auditKeyOn),
      attachmentRows: await copy.db.selectFrom('attachments').select('stored_name').distinct().orderBy('stored_name').execute(),
    }));
    const { anchor, attachmentRows } = read;
    const files: FileEntry[] = [await storeFile(snapshot, work, copier.fileName, id, key)];
    const missingAttachments: string[] = [];
    for (const { stored_name: storedName } of attachmentRows) {
      const src = layout.attachment(storedName);
      if (!fs.existsSync(src)) missingAttachments.push(storedName);
      else files.push(await storeFile(src, work, `attachments/${storedName}`, id, key));
    }
    const content: ManifestContent = {
      id,
      createdAt,
      kind: options.kind,
      officeName: office?.name ?? '',
      counts: checked.counts,
      auditHead: anchor.head,
      auditRows: anchor.rows,
      files,
      missingAttachments,
    };
    const manifest: Manifest = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      id,
      createdAt,
      kind: options.kind,
      appVersion: options.appVersion,
      ...(copier.store === 'sqlite' ? {} : { store: copier.store }),
      schemaVersion: checked.schemaVersion,
      encryption: settings.encryption ? { cipher: 'aes-256-gcm', kdf: settings.encryption.kdf } : null,
      content: key ? null : content,
      sealed: key ? sealJson(content, key, aadFor(id, 'manifest')) : null,
    };
    writeManifest(work, manifest);
    const verification = await verifyBackup(work, { key }, { workDir: scratch, auditKeyOn: options.auditKeyOn, copier });
    if (!verification.restorable) throw new BackupCheckFailed(verification);
    fs.renameSync(work, final);
    syncFolder(parent);
    return {
      folder: final,
      createdAt,
      kind: options.kind,
      encrypted: key !== null,
      databaseBytes: files[0]?.bytes ?? 0,
      attachments: files.length - 1,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      counts: checked.counts,
      auditHeadId: anchor.head?.id ?? null,
      verification: { ...verification, folder: final },
    };
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
