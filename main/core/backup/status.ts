/**
 * What the app remembers about its backups (the meta table, key 'backup_status'), and what the admin is told:
 * the dashboard warns when the last verified backup is older than two days, when the target folder is missing
 * (the USB stick is not plugged in), when the last try failed, or when backups were never set up.
 *
 * @example
 * backupWarning(settings, record, { now, targetPresent: false }); // 'target_missing'
 * latestSlot(now, '12:30', 'Asia/Shanghai');                      // today's 12:30 once it has passed, else yesterday's
 */
import type { BackupKind, BackupWarning } from '../../../shared/enums';
import { DAY_MS, addDays, instantOf, localDateOf } from '../../../shared/time';
import type { Db } from '../../db';
import { readSetting, writeSetting } from '../settings';
import { encryptionState, parseTimeOfDay, type BackupSettings } from './settings';

export const BACKUP_STATUS_KEY = 'backup_status';
/** A last verified backup older than this is a warning on the dashboard. */
export const STALE_AFTER_MS = 2 * DAY_MS;
/** After a failed daily backup (the stick was out), the next try comes this much later. */
export const RETRY_AFTER_MS = 30 * 60_000;

export interface BackupRecord {
  readonly at: number;
  readonly folder: string;
  readonly kind: BackupKind;
  readonly encrypted: boolean;
  readonly bytes: number;
  /** The audit head the backup holds: a backup at exit is skipped when nothing was written since. */
  readonly auditHeadId: number | null;
}

export interface FailureRecord {
  readonly at: number;
  readonly kind: BackupKind;
  readonly message: string;
}

export interface RestoreRecord {
  readonly at: number;
  readonly backupCreatedAt: number;
  readonly from: string;
  readonly safetyCopy: string | null;
  readonly by: string;
}

export interface BackupStatusRecord {
  readonly lastVerified: BackupRecord | null;
  readonly lastFailure: FailureRecord | null;
  /** The daily time slot the last scheduled backup (or the settings' save) covered. */
  readonly scheduledSlot: number | null;
  readonly lastAttemptAt: number | null;
  readonly lastRestore: RestoreRecord | null;
}

const EMPTY: BackupStatusRecord = { lastVerified: null, lastFailure: null, scheduledSlot: null, lastAttemptAt: null, lastRestore: null };

export function readBackupStatus(db: Db): Promise<BackupStatusRecord> {
  return readSetting(db, BACKUP_STATUS_KEY, EMPTY);
}

export async function updateBackupStatus(db: Db, change: (s: BackupStatusRecord) => BackupStatusRecord): Promise<BackupStatusRecord> {
  const next = change(await readBackupStatus(db));
  await writeSetting(db, BACKUP_STATUS_KEY, next);
  return next;
}

function slotOn(date: string, timeOfDay: string, timeZone: string): number {
  const [hour, minute] = parseTimeOfDay(timeOfDay) ?? [12, 30];
  return instantOf(date, timeZone, hour, minute);
}

/** The most recent daily time at or before `now`. */
export function latestSlot(now: number, timeOfDay: string, timeZone: string): number {
  const today = localDateOf(now, timeZone);
  const slot = slotOn(today, timeOfDay, timeZone);
  return slot <= now ? slot : slotOn(addDays(today, -1), timeOfDay, timeZone);
}

export function nextSlot(now: number, timeOfDay: string, timeZone: string): number {
  const today = localDateOf(now, timeZone);
  const slot = slotOn(today, timeOfDay, timeZone);
  return slot > now ? slot : slotOn(addDays(today, 1), timeOfDay, timeZone);
}

export function isConfigured(settings: BackupSettings): boolean {
  return settings.targetDir !== null && encryptionState(settings) !== 'unset';
}

/** When the daily backup should run next: now if a slot is owed (and no failed try is too recent), or the next slot. */
export function scheduledDueAt(settings: BackupSettings, status: BackupStatusRecord, now: number, timeZone: string): number | null {
  if (!isConfigured(settings)) return null;
  const owed = latestSlot(now, settings.timeOfDay, timeZone);
  if (owed > (status.scheduledSlot ?? 0)) {
    const lastTry = status.lastAttemptAt;
    if (lastTry === null || lastTry < owed) return owed;
    return lastTry + RETRY_AFTER_MS;
  }
  return nextSlot(now, settings.timeOfDay, timeZone);
}

export function backupWarning(settings: BackupSettings, status: BackupStatusRecord, facts: { now: number; targetPresent: boolean }): BackupWarning {
  if (!isConfigured(settings)) return 'not_configured';
  if (!facts.targetPresent) return 'target_missing';
  const verifiedAt = status.lastVerified?.at ?? null;
  if (status.lastFailure && (verifiedAt === null || status.lastFailure.at > verifiedAt)) return 'failed';
  if (verifiedAt === null || facts.now - verifiedAt > STALE_AFTER_MS) return 'stale';
  return 'none';
}
