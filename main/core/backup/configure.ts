/**
 * The admin's side of backups: saving the settings (target folder, daily time, encryption and its password) and
 * the status the backups page and the dashboard show.
 *
 * @example
 * await updateBackupSettings(core, admin, { targetDir: 'E:\\信访备份', timeOfDay: '12:30', encryption: 'on', password: '…' });
 * const s = await backupStatus(core, backups); // s.warning === 'stale' until the first verified backup
 */
import fs from 'node:fs';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import type { BackupKind, BackupWarning, DataStore } from '../../../shared/enums';
import { dialectOf } from '../../db';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { writeSetting } from '../settings';
import { findOffice } from '../users';
import { readQuarantineReport, type QuarantineReport } from '../storage';
import { newBackupKey } from './crypto';
import { BACKUP_SETTINGS_KEY, encryptionState, parseTimeOfDay, readBackupSettings, type BackupSettings, type EncryptionState } from './settings';
import { BACKUP_STATUS_KEY, backupWarning, isConfigured, latestSlot, readBackupStatus, scheduledDueAt, type BackupStatusRecord, type FailureRecord, type RestoreRecord } from './status';
import { folderPresent, type Backups } from './service';
import { checkTargetFolder } from './target-folder';

export const MIN_BACKUP_PASSWORD = 8;

export interface BackupSettingsInput {
  readonly targetDir: string;
  readonly timeOfDay: string;
  readonly encryption: 'on' | 'off';
  /** A new password; null keeps the one set before. */
  readonly password: string | null;
}

function auditView(s: BackupSettings) {
  return { targetDir: s.targetDir, timeOfDay: s.timeOfDay, encryption: encryptionState(s) };
}

export async function updateBackupSettings(core: Core, actor: Actor, input: BackupSettingsInput): Promise<BackupSettings> {
  if (!parseTimeOfDay(input.timeOfDay)) throw UserError.field('timeOfDay', 'errors.backup.badTime');
  const before = await readBackupSettings(core.db);
  let encryption = before.encryption;
  if (input.encryption === 'off') {
    encryption = null;
  } else if (input.password !== null) {
    if ([...input.password].length < MIN_BACKUP_PASSWORD) throw UserError.field('password', 'errors.backup.passwordShort', { min: MIN_BACKUP_PASSWORD });
  } else if (!encryption) {
    throw UserError.field('password', 'errors.backup.passwordNeeded');
  }
  const targetDir = checkTargetFolder(core.dataDir, input.targetDir);
  if (input.encryption === 'on' && input.password !== null) {
    const { kdf, key } = await newBackupKey(input.password);
    encryption = { kdf, key: key.toString('base64') };
  }
  const after: BackupSettings = { targetDir, timeOfDay: input.timeOfDay, encryption, encryptionOff: input.encryption === 'off' };
  const now = core.clock.now();
  const timeZone = (await findOffice(core.db))?.timeZone ?? DEFAULT_TIME_ZONE;
  await core.db.transaction().execute(async (trx) => {
    await writeSetting(trx, BACKUP_SETTINGS_KEY, after);
    // The first daily backup is at the next daily time, not the moment the settings are saved.
    if (!isConfigured(before) || before.timeOfDay !== after.timeOfDay) {
      const status = await readBackupStatus(trx);
      await writeSetting(trx, BACKUP_STATUS_KEY, { ...status, scheduledSlot: latestSlot(now, after.timeOfDay, timeZone) } satisfies BackupStatusRecord);
    }
    await appendAudit(trx, {
      actor,
      at: now,
      action: 'backup.settings',
      entity: 'backup',
      entityId: 'settings',
      before: auditView(before),
      after: { ...auditView(after), passwordChanged: input.encryption === 'on' && input.password !== null },
    });
  });
  core.emit({ type: 'backups.changed' });
  return after;
}

export interface BackupStatusView {
  /** The data folder in effect (what --data-dir or the environment chose). */
  readonly dataDir: string;
  readonly store: DataStore;
  readonly targetDir: string | null;
  readonly targetPresent: boolean;
  /** The target is on the same drive as the data: a failed disk takes both. Null when it cannot be told. */
  readonly sameDrive: boolean | null;
  readonly timeOfDay: string;
  readonly encryption: EncryptionState;
  readonly lastVerified: { readonly at: number; readonly folder: string; readonly kind: BackupKind; readonly encrypted: boolean; readonly bytes: number } | null;
  readonly lastFailure: FailureRecord | null;
  readonly nextAt: number | null;
  readonly warning: BackupWarning;
  readonly running: BackupKind | null;
  readonly lastRestore: RestoreRecord | null;
  /** Files the last start moved to quarantine, until the admin has seen the report. */
  readonly quarantine: QuarantineReport | null;
}

function sameDrive(a: string, b: string): boolean | null {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return null;
  }
}

export async function backupStatus(core: Core, backups: Backups): Promise<BackupStatusView> {
  const settings = await readBackupSettings(core.db);
  const status = await readBackupStatus(core.db);
  const now = core.clock.now();
  const timeZone = (await findOffice(core.db))?.timeZone ?? DEFAULT_TIME_ZONE;
  const targetPresent = folderPresent(settings.targetDir);
  const quarantine = await readQuarantineReport(core);
  const last = status.lastVerified;
  return {
    dataDir: core.dataDir,
    store: dialectOf(core.db).name,
    targetDir: settings.targetDir,
    targetPresent,
    sameDrive: targetPresent && settings.targetDir ? sameDrive(settings.targetDir, core.dataDir) : null,
    timeOfDay: settings.timeOfDay,
    encryption: encryptionState(settings),
    lastVerified: last ? { at: last.at, folder: last.folder, kind: last.kind, encrypted: last.encrypted, bytes: last.bytes } : null,
    lastFailure: status.lastFailure,
    nextAt: scheduledDueAt(settings, status, now, timeZone),
    warning: backupWarning(settings, status, { now, targetPresent }),
    running: backups.running,
    lastRestore: status.lastRestore,
    quarantine: quarantine && !quarantine.dismissed ? quarantine : null,
  };
}
