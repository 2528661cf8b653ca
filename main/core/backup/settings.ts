/**
 * The admin's backup settings, kept in the meta table: the target folder (another drive or a USB stick), the time
 * of the daily backup, and the encryption. The password itself is never stored: only the scrypt parameters and
 * the key derived from it, which the app needs to encrypt and check backups on its own. A backup never carries
 * that key (it is removed from each copy), so one backup cannot open another.
 *
 * @example
 * const s = await readBackupSettings(core.db);
 * encryptionState(s); // 'on' | 'off' | 'unset'
 */
import type { BackupEncryptionState } from '../../../shared/enums';
import type { Db } from '../../db';
import { readSetting } from '../settings';
import type { KdfParams } from './crypto';

export const BACKUP_SETTINGS_KEY = 'backup_settings';
export const DEFAULT_BACKUP_TIME = '12:30';

export interface BackupSettings {
  readonly targetDir: string | null;
  /** 'HH:MM' in the office's time zone. */
  readonly timeOfDay: string;
  readonly encryption: { readonly kdf: KdfParams; readonly key: string } | null;
  /** The admin chose, explicitly, to write backups that are not encrypted. */
  readonly encryptionOff: boolean;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { targetDir: null, timeOfDay: DEFAULT_BACKUP_TIME, encryption: null, encryptionOff: false };

export type EncryptionState = BackupEncryptionState;

export function readBackupSettings(db: Db): Promise<BackupSettings> {
  return readSetting(db, BACKUP_SETTINGS_KEY, DEFAULT_BACKUP_SETTINGS);
}

export function encryptionState(s: BackupSettings): EncryptionState {
  if (s.encryption) return 'on';
  return s.encryptionOff ? 'off' : 'unset';
}

export function backupKey(s: BackupSettings): Buffer | null {
  return s.encryption ? Buffer.from(s.encryption.key, 'base64') : null;
}

/** [hour, minute] of a valid 'HH:MM'. */
export function parseTimeOfDay(text: string): readonly [number, number] | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
