/**
 * Restoring a backup swaps whole files while the database is closed, in steps that survive a crash at any point.
 * The verified copy is staged in data/restore/staged and a note (pending.json) is written; at the next opening of
 * the store — the app restarting — the live files are moved to data/restore/replaced (phase 'staged' → 'swapped'),
 * the staged ones moved in, and the store opened. If it opens, the restore is finished in the restored database
 * (its audit records it; the sessions of the backup's day end) and the replaced files are removed: a verified
 * safety copy of them was made first. If it does not open, the replaced files go back.
 *
 * @example
 * const pending = applyPendingRestore(dataDir);    // before openStore
 * if (pending) await completeRestore(core, pending); // after it opened
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { dataFolder, folderStamp, moveFile, syncFolder } from '../storage';
import { writeSetting } from '../settings';
import { BACKUP_SETTINGS_KEY } from './settings';
import { BACKUP_STATUS_KEY, readBackupStatus, type BackupStatusRecord } from './status';
import { verifyBackup, type VerifyReport } from './verify';
import type { AuditKeyInstaller } from './audit-anchor';
import { refuseUnrestorable } from './refuse';
import { sqliteCopier, SQLITE_FILES, type DatabaseCopier } from './database-copy';

/** What a restore replaces and brings in: the database (with its WAL files while open) and the attachments. */
const LIVE_ITEMS = [...SQLITE_FILES, 'attachments'] as const;

export interface PendingRestore {
  readonly phase: 'staged' | 'swapped';
  readonly backupFolder: string;
  readonly backupId: string;
  readonly backupCreatedAt: number;
  readonly requestedAt: number;
  readonly requestedBy: Actor | null;
  readonly via: 'app' | 'command_line';
  readonly safetyCopy: string | null;
  /** Meta rows carried from the data being replaced (backup settings and status: the backup never holds the key). */
  readonly carry: readonly { readonly key: string; readonly value: string }[];
}

export function restorePaths(dataDir: string) {
  const dir = dataFolder(dataDir).restore;
  return { dir, staged: path.join(dir, 'staged'), replaced: path.join(dir, 'replaced'), pending: path.join(dir, 'pending.json') };
}

export function readPendingRestore(dataDir: string): PendingRestore | null {
  try {
    return JSON.parse(fs.readFileSync(restorePaths(dataDir).pending, 'utf8')) as PendingRestore;
  } catch {
    return null;
  }
}

export function writePendingRestore(dataDir: string, pending: PendingRestore): void {
  const file = restorePaths(dataDir).pending;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(pending, null, 2), { flush: true });
  fs.renameSync(`${file}.tmp`, file);
  syncFolder(path.dirname(file));
}

function moveItems(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const item of LIVE_ITEMS) {
    const src = path.join(from, item);
    if (fs.existsSync(src)) moveFile(src, path.join(to, item));
  }
  syncFolder(to);
  syncFolder(from);
}

/** Swaps the staged files in, if a restore is waiting; run before the store is opened. Safe to run again after a crash. */
export function applyPendingRestore(dataDir: string): PendingRestore | null {
  const pending = readPendingRestore(dataDir);
  if (!pending) return null;
  const paths = restorePaths(dataDir);
  if (pending.phase === 'staged') {
    moveItems(dataDir, paths.replaced);
    writePendingRestore(dataDir, { ...pending, phase: 'swapped' });
  }
  moveItems(paths.staged, dataDir);
  return { ...pending, phase: 'swapped' };
}

/**
 * On PostgreSQL, after {@link applyPendingRestore} swapped the attachments: the staged dump is restored into the
 * office's database (one transaction: it is all there or the database is as it was), before the store is opened.
 * Run again after a crash, it restores the same dump again.
 */
export async function putBackStagedDatabase(dataDir: string, copier: { readonly fileName: string; putBack(file: string): Promise<void> }): Promise<void> {
  await copier.putBack(path.join(restorePaths(dataDir).staged, copier.fileName));
}

/** The restored store would not open: its files leave and the replaced ones come back. */
export function rollBackRestore(dataDir: string): void {
  const paths = restorePaths(dataDir);
  for (const item of LIVE_ITEMS) fs.rmSync(path.join(dataDir, item), { recursive: true, force: true });
  moveItems(paths.replaced, dataDir);
  fs.rmSync(paths.dir, { recursive: true, force: true });
}

/** In the restored database: carries the backup settings over, ends old sessions, records the restore; then tidies up. */
export async function completeRestore(core: Core, pending: PendingRestore): Promise<BackupStatusRecord> {
  const now = core.clock.now();
  const status = await core.db.transaction().execute(async (trx) => {
    for (const row of pending.carry) {
      await trx.insertInto('meta').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value })).execute();
    }
    const next: BackupStatusRecord = {
      ...(await readBackupStatus(trx)),
      lastRestore: { at: now, backupCreatedAt: pending.backupCreatedAt, from: pending.backupFolder, safetyCopy: pending.safetyCopy, by: pending.requestedBy?.name ?? '' },
    };
    await writeSetting(trx, BACKUP_STATUS_KEY, next);
    // Sessions from the day of the backup are not today's: everyone signs in again.
    await trx.deleteFrom('sessions').execute();
    await appendAudit(trx, {
      actor: pending.requestedBy,
      at: now,
      action: 'backup.restore',
      entity: 'backup',
      entityId: path.basename(pending.backupFolder),
      after: { from: pending.backupFolder, backupCreatedAt: pending.backupCreatedAt, safetyCopy: pending.safetyCopy, via: pending.via, requestedAt: pending.requestedAt },
    });
    return next;
  });
  fs.rmSync(restorePaths(core.dataDir).dir, { recursive: true, force: true });
  return status;
}

/**
 * A restore when the app will not start (from the command line): the backup is verified and staged, the data as
 * it is — perhaps damaged — is copied into data/backups/before-restore-<stamp> (the SQLite files as they are, or a
 * pg_dump of the county's database, and the attachments), and the note is left
 * for the next opening of the store, which the caller does at once. With `auditKeyOn` (the office's key was found)
 * the backup copy's whole audit chain is verified; without it only its head is compared with the manifest.
 *
 * @example
 * const staged = await stageOfflineRestore(dataDir, 'E:\\信访备份\\petition-desk-20261128-123000', password, now);
 */
export async function stageOfflineRestore(
  dataDir: string,
  folder: string,
  password: string | null,
  now: number,
  auditKeyOn: AuditKeyInstaller | null = null,
  copier: DatabaseCopier = sqliteCopier(dataDir),
): Promise<{ pending: PendingRestore; report: VerifyReport }> {
  if (readPendingRestore(dataDir)) throw new UserError('conflict', 'errors.backup.restorePending');
  const paths = restorePaths(dataDir);
  fs.rmSync(paths.dir, { recursive: true, force: true });
  fs.mkdirSync(paths.staged, { recursive: true });
  try {
    const report = await verifyBackup(path.resolve(folder), { password }, { workDir: path.join(dataFolder(dataDir).temp, 'verify-cli'), extractTo: paths.staged, auditKeyOn, copier });
    refuseUnrestorable(report);
    const summary = report.summary;
    if (!summary) throw new UserError('invalid_input', 'errors.backup.notABackup', { folder });
    const safetyCopy = path.join(dataFolder(dataDir).localBackups, `before-restore-${folderStamp(now, DEFAULT_TIME_ZONE)}`);
    fs.mkdirSync(safetyCopy, { recursive: true });
    await copier.copyLiveAside(safetyCopy);
    const attachments = path.join(dataDir, 'attachments');
    if (fs.existsSync(attachments)) fs.cpSync(attachments, path.join(safetyCopy, 'attachments'), { recursive: true });
    const carry = await copier.readLiveMeta([BACKUP_SETTINGS_KEY, BACKUP_STATUS_KEY]);
    const pending: PendingRestore = {
      phase: 'staged',
      backupFolder: report.folder,
      backupId: summary.id,
      backupCreatedAt: summary.createdAt,
      requestedAt: now,
      requestedBy: null,
      via: 'command_line',
      safetyCopy,
      carry,
    };
    writePendingRestore(dataDir, pending);
    return { pending, report };
  } catch (err) {
    if (!readPendingRestore(dataDir)) fs.rmSync(paths.dir, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(path.join(dataFolder(dataDir).temp, 'verify-cli'), { recursive: true, force: true });
  }
}
