/**
 * The office's backups while the app runs: one backup at a time; the daily one on its own timer (armed for the
 * next daily time but never longer than 30 s, like the alarm scheduler, so sleep and clock jumps are caught up);
 * one at exit when something was written since the last; the settings, the status the dashboard shows, the
 * list of a folder's backups, checking one, and restoring one (verified, staged, a safety copy made, then the
 * app restarts through the shell's hook).
 *
 * @example
 * const backups = new Backups(core, { appVersion: '0.1.0', restart: () => reopen() });
 * backups.start();                       // the daily backup
 * await backups.create(admin, null);     // 立即备份, to the target folder
 * await backups.restore(admin, folder, password);
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../../shared/enums';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { writeSetting } from '../settings';
import { findOffice } from '../users';
import { dataFolder } from '../storage';
import { writeBackup, BackupCheckFailed, type WrittenBackup } from './create';
import { backupsToRemove } from './rotation';
import { listBackups, type ListedBackup } from './listing';
import { BACKUP_SETTINGS_KEY, readBackupSettings, type BackupSettings } from './settings';
import { BACKUP_STATUS_KEY, isConfigured, readBackupStatus, scheduledDueAt, updateBackupStatus, type BackupStatusRecord } from './status';
import { verifyBackup, type VerifyReport } from './verify';
import { readPendingRestore, restorePaths, writePendingRestore } from './restore';
import { problemsText } from './problems';
import { checkTargetFolder } from './target-folder';
import { refuseUnrestorable } from './refuse';
import type { AuditKeyInstaller } from './audit-anchor';
import { sqliteCopier, type DatabaseCopier } from './database-copy';

export const MAX_SLEEP_MS = 30_000;

export interface BackupsOptions {
  readonly appVersion: string;
  /** Restarts the app once a restore is staged (browser mode reopens the store; Electron relaunches). */
  readonly restart: () => void;
  /** Installs the live office's audit key on a backup's connection, once the chain is open (audit-anchor.ts). */
  readonly auditKeyOn?: () => AuditKeyInstaller | null;
  readonly maxSleepMs?: number;
  /** How the database is copied, checked and put back (default: the SQLite file in the data folder). */
  readonly copier?: DatabaseCopier;
}

/** Whether `dir` is a folder that is there now (a USB stick that is plugged in). */
export function folderPresent(dir: string | null): dir is string {
  if (!dir) return false;
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function failureText(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof BackupCheckFailed) return problemsText(err.report.problems);
  return err instanceof Error ? err.message : String(err);
}

export class Backups {
  readonly #core: Core;
  readonly #options: BackupsOptions;
  readonly #copier: DatabaseCopier;
  #queue: Promise<unknown> = Promise.resolve();
  #running: BackupKind | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = true;
  #ticking = false;

  constructor(core: Core, options: BackupsOptions) {
    this.#core = core;
    this.#options = options;
    this.#copier = options.copier ?? sqliteCopier(core.dataDir);
  }

  #keyOn(): AuditKeyInstaller | null {
    return this.#options.auditKeyOn?.() ?? null;
  }

  get running(): BackupKind | null {
    return this.#running;
  }

  /** One backup or restore at a time: the next waits for the one before. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #timeZone(): Promise<string> {
    return (await findOffice(this.#core.db))?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /**
   * Writes and verifies one backup into `parent`, then records it: the status, the audit row, and for the
   * daily and exit backups the rotation of the folder. A failure is recorded for the dashboard and thrown.
   */
  async #write(kind: BackupKind, actor: Actor | null, parent: string, settings: BackupSettings): Promise<WrittenBackup> {
    this.#running = kind;
    try {
      const written = await writeBackup(this.#core, { kind, parent, settings, appVersion: this.#options.appVersion, auditKeyOn: this.#keyOn(), copier: this.#copier });
      await this.record(written, actor, kind === 'scheduled' || kind === 'exit' ? await this.#rotate(parent) : []);
      return written;
    } catch (err) {
      const now = this.#core.clock.now();
      await updateBackupStatus(this.#core.db, (s) => ({ ...s, lastFailure: { at: now, kind, message: failureText(err) } }));
      this.#core.emit({ type: 'backups.changed' });
      throw err;
    } finally {
      this.#running = null;
    }
  }

  async #rotate(parent: string): Promise<string[]> {
    const remove = backupsToRemove(listBackups(parent), await this.#timeZone());
    for (const folder of remove) fs.rmSync(folder, { recursive: true, force: true });
    return remove.map((f) => path.basename(f));
  }

  /** The status and audit row of a backup just written (a backup before a migration is recorded after it). */
  async record(written: WrittenBackup, actor: Actor | null, removed: readonly string[] = []): Promise<void> {
    const now = this.#core.clock.now();
    const problems = written.verification.problems;
    await this.#core.db.transaction().execute(async (trx) => {
      const status = await readBackupStatus(trx);
      const next: BackupStatusRecord = problems.length
        ? { ...status, lastFailure: { at: now, kind: written.kind, message: problemsText(problems) } }
        : {
            ...status,
            lastFailure: null,
            lastVerified: {
              at: written.createdAt,
              folder: written.folder,
              kind: written.kind,
              encrypted: written.encrypted,
              bytes: written.bytes,
              auditHeadId: written.auditHeadId,
            },
          };
      await writeSetting(trx, BACKUP_STATUS_KEY, next);
      await appendAudit(trx, {
        actor,
        at: now,
        action: 'backup.create',
        entity: 'backup',
        entityId: written.folder,
        after: {
          folder: written.folder,
          kind: written.kind,
          encrypted: written.encrypted,
          databaseBytes: written.databaseBytes,
          attachments: written.attachments,
          problems: problems.map((p) => p.code),
          ...(removed.length ? { rotatedOut: removed } : {}),
        },
      });
    });
    this.#core.emit({ type: 'backups.changed' });
  }

  /** 立即备份: to the folder given, or the target folder of the settings. */
  create(actor: Actor, targetDir: string | null): Promise<WrittenBackup> {
    return this.#exclusive(async () => {
      const settings = await readBackupSettings(this.#core.db);
      let parent = settings.targetDir;
      if (targetDir) parent = checkTargetFolder(this.#core.dataDir, targetDir);
      if (!parent) throw UserError.field('targetDir', 'errors.backup.noTarget');
      if (!folderPresent(parent)) throw UserError.field('targetDir', 'errors.backup.targetMissing', { folder: parent });
      if (!settings.encryption && !settings.encryptionOff) throw UserError.field('password', 'errors.backup.encryptionUnset');
      return this.#write('manual', actor, parent, settings);
    });
  }

  /** Where a safety copy goes: the target folder when it is there, the data folder's backups/ when it is not. */
  #safetyParent(settings: BackupSettings): string {
    const parent = folderPresent(settings.targetDir) ? settings.targetDir : dataFolder(this.#core.dataDir).localBackups;
    fs.mkdirSync(parent, { recursive: true });
    return parent;
  }

  /** Before the store is migrated (the core here is over the unmigrated database): recorded after the migration. */
  beforeMigration(): Promise<WrittenBackup> {
    return this.#exclusive(async () => {
      const settings = await readBackupSettings(this.#core.db);
      return writeBackup(this.#core, { kind: 'pre_migration', parent: this.#safetyParent(settings), settings, appVersion: this.#options.appVersion, auditKeyOn: this.#keyOn(), copier: this.#copier });
    });
  }

  /** The daily backup, when one is owed. Returns what was written, or null. */
  async runScheduled(): Promise<WrittenBackup | null> {
    return this.#exclusive(async () => {
      const now = this.#core.clock.now();
      const settings = await readBackupSettings(this.#core.db);
      const status = await readBackupStatus(this.#core.db);
      const dueAt = scheduledDueAt(settings, status, now, await this.#timeZone());
      if (dueAt === null || dueAt > now || !settings.targetDir) return null;
      await updateBackupStatus(this.#core.db, (s) => ({ ...s, lastAttemptAt: now }));
      if (!folderPresent(settings.targetDir)) {
        const message = new UserError('invalid_input', 'errors.backup.targetMissing', { folder: settings.targetDir }).message;
        await updateBackupStatus(this.#core.db, (s) => ({ ...s, lastFailure: { at: now, kind: 'scheduled', message } }));
        this.#core.emit({ type: 'backups.changed' });
        return null;
      }
      const written = await this.#write('scheduled', null, settings.targetDir, settings);
      await updateBackupStatus(this.#core.db, (s) => ({ ...s, scheduledSlot: dueAt }));
      return written;
    });
  }

  /** At exit: a backup when the settings allow, the target is there, and something was written since the last. */
  atExit(): Promise<WrittenBackup | null> {
    return this.#exclusive(async () => {
      if (readPendingRestore(this.#core.dataDir)) return null;
      const settings = await readBackupSettings(this.#core.db);
      if (!isConfigured(settings) || !folderPresent(settings.targetDir)) return null;
      const status = await readBackupStatus(this.#core.db);
      const head = await this.#core.db.selectFrom('audit').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
      if (status.lastVerified && (head?.id ?? null) === status.lastVerified.auditHeadId) return null;
      return this.#write('exit', null, settings.targetDir, settings);
    });
  }

  list(folder: string | null): Promise<ListedBackup[]> {
    return this.#exclusive(async () => {
      const settings = await readBackupSettings(this.#core.db);
      const parent = folder ? path.resolve(folder) : settings.targetDir;
      if (!parent) return [];
      if (!folderPresent(parent)) throw UserError.field('folder', 'errors.backup.targetMissing', { folder: parent });
      return listBackups(parent);
    });
  }

  verify(folder: string, password: string | null): Promise<VerifyReport> {
    return this.#exclusive(() => this.#verify(folder, password, null));
  }

  async #verify(folder: string, password: string | null, extractTo: string | null): Promise<VerifyReport> {
    const resolved = path.resolve(folder);
    if (!folderPresent(resolved)) throw UserError.field('folder', 'errors.backup.targetMissing', { folder: resolved });
    const workDir = path.join(dataFolder(this.#core.dataDir).temp, `verify-${Date.now()}`);
    try {
      return await verifyBackup(resolved, { password }, { workDir, auditKeyOn: this.#keyOn(), copier: this.#copier, ...(extractTo ? { extractTo } : {}) });
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  }

  /**
   * Verifies the backup and stages its files, makes a verified safety copy of the data as it is now, leaves the
   * note that the next opening swaps the files, and asks the shell to restart.
   */
  restore(actor: Actor | null, folder: string, password: string | null, via: 'app' | 'command_line' = 'app'): Promise<{ safetyCopy: string; report: VerifyReport }> {
    return this.#exclusive(async () => {
      const dataDir = this.#core.dataDir;
      if (readPendingRestore(dataDir)) throw new UserError('conflict', 'errors.backup.restorePending');
      const paths = restorePaths(dataDir);
      fs.rmSync(paths.dir, { recursive: true, force: true });
      fs.mkdirSync(paths.staged, { recursive: true });
      try {
        const report = await this.#verify(folder, password, paths.staged);
        refuseUnrestorable(report);
        const summary = report.summary;
        if (!summary) throw new UserError('invalid_input', 'errors.backup.notABackup', { folder });
        const settings = await readBackupSettings(this.#core.db);
        const safety = await this.#write('pre_restore', actor, this.#safetyParent(settings), settings);
        const carry = await this.#core.db.selectFrom('meta').select(['key', 'value']).where('key', 'in', [BACKUP_SETTINGS_KEY, BACKUP_STATUS_KEY]).execute();
        writePendingRestore(dataDir, {
          phase: 'staged',
          backupFolder: report.folder,
          backupId: summary.id,
          backupCreatedAt: summary.createdAt,
          requestedAt: this.#core.clock.now(),
          requestedBy: actor,
          via,
          safetyCopy: safety.folder,
          carry,
        });
        // The shell holds new calls from here and restarts once this one has answered.
        this.#options.restart();
        return { safetyCopy: safety.folder, report };
      } catch (err) {
        if (!readPendingRestore(dataDir)) fs.rmSync(paths.dir, { recursive: true, force: true });
        throw err;
      }
    });
  }

  start(): void {
    this.#stopped = false;
    this.poke();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Something changed (the settings, the clock): look again now. */
  poke(): void {
    if (this.#stopped || this.#ticking) return;
    this.#ticking = true;
    void this.#tick().finally(() => {
      this.#ticking = false;
    });
  }

  /** Settles when the backups running or queued now are done (closing waits for them). */
  async idle(): Promise<void> {
    await this.#queue;
  }

  async #tick(): Promise<void> {
    try {
      await this.runScheduled();
    } catch (err) {
      if (!this.#stopped) console.error('[backups] the daily backup failed; it is tried again later:', err);
    }
    await this.#arm().catch(() => undefined);
  }

  async #arm(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped) return;
    const now = this.#core.clock.now();
    const settings = await readBackupSettings(this.#core.db);
    const dueAt = scheduledDueAt(settings, await readBackupStatus(this.#core.db), now, await this.#timeZone());
    const maxSleep = this.#options.maxSleepMs ?? MAX_SLEEP_MS;
    const delay = dueAt === null ? maxSleep : Math.min(Math.max(0, dueAt - now), maxSleep);
    this.#timer = setTimeout(() => this.poke(), delay);
    this.#timer.unref?.();
  }
}
