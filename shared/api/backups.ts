/**
 * Backups of the data folder and restoring one, for administrators: the settings (target folder, daily time,
 * encryption), the status the dashboard warns from, the list of a folder's backups, checking one, restoring
 * one, and the report of files the start-up moved to quarantine.
 */
import { z } from 'zod';
import { BACKUP_ENCRYPTION_STATES, BACKUP_KINDS, BACKUP_PROBLEMS, BACKUP_WARNINGS, DATA_STORES } from '../enums';
import { text, instant, procedure, empty } from './common';
import { ADMINS } from './access';

const folder = text(500);
/** Not trimmed: a space can be part of a password. */
const password = z.string().max(128);

export const backupStatusSchema = z.object({
  dataDir: z.string(),
  /** The store backed up: the data folder's SQLite file, or a PostgreSQL database (attachments stay in the folder). */
  store: z.enum(DATA_STORES),
  targetDir: z.string().nullable(),
  targetPresent: z.boolean(),
  sameDrive: z.boolean().nullable(),
  timeOfDay: z.string(),
  encryption: z.enum(BACKUP_ENCRYPTION_STATES),
  lastVerified: z.object({ at: instant, folder: z.string(), kind: z.enum(BACKUP_KINDS), encrypted: z.boolean(), bytes: z.number().int() }).nullable(),
  lastFailure: z.object({ at: instant, kind: z.enum(BACKUP_KINDS), message: z.string() }).nullable(),
  nextAt: instant.nullable(),
  warning: z.enum(BACKUP_WARNINGS),
  running: z.enum(BACKUP_KINDS).nullable(),
  lastRestore: z.object({ at: instant, backupCreatedAt: instant, from: z.string(), safetyCopy: z.string().nullable(), by: z.string() }).nullable(),
  quarantine: z
    .object({ at: instant, folder: z.string().nullable(), fromTemp: z.number().int(), unreferenced: z.number().int(), missing: z.number().int(), dismissed: z.boolean() })
    .nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupListedSchema = z.object({
  folder: z.string(),
  name: z.string(),
  createdAt: instant,
  kind: z.enum(BACKUP_KINDS),
  encrypted: z.boolean(),
  appVersion: z.string(),
  schemaVersion: z.string().nullable(),
  bytes: z.number().int(),
});
export type BackupListed = z.infer<typeof backupListedSchema>;

export const backupCheckSchema = z.object({
  folder: z.string(),
  ok: z.boolean(),
  restorable: z.boolean(),
  problems: z.array(z.object({ code: z.enum(BACKUP_PROBLEMS), message: z.string() })),
  summary: z
    .object({
      createdAt: instant,
      kind: z.enum(BACKUP_KINDS),
      appVersion: z.string(),
      schemaVersion: z.string().nullable(),
      encrypted: z.boolean(),
      officeName: z.string(),
      counts: z.record(z.string(), z.number().int()),
      auditHead: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
      auditRows: z.number().int(),
      attachments: z.number().int(),
      bytes: z.number().int(),
    })
    .nullable(),
});
export type BackupCheck = z.infer<typeof backupCheckSchema>;

const pick = z.object({ folder: folder.min(1), password: password.nullable().default(null) });

export const backupsContract = {
  'backups.status.get': procedure(ADMINS, empty, backupStatusSchema),
  'backups.settings.update': procedure(
    ADMINS,
    z.object({
      targetDir: folder.min(1),
      timeOfDay: text(5),
      encryption: z.enum(['on', 'off']),
      /** A new password; null keeps the one already set. */
      password: password.nullable().default(null),
    }),
    backupStatusSchema,
  ),
  /** The backups in `folder`, or in the target folder when null; newest first. */
  'backups.list': procedure(ADMINS, z.object({ folder: folder.nullable().default(null) }), z.array(backupListedSchema)),
  'backups.create': procedure(
    ADMINS,
    z.object({ targetDir: text(500).nullable().default(null) }),
    z.object({ folder: z.string(), databaseBytes: z.number().int(), attachments: z.number().int(), createdAt: instant, encrypted: z.boolean(), verified: z.boolean() }),
  ),
  /** Opens and checks one backup, as a restore would, and says what it holds. Writes nothing. */
  'backups.verify': procedure(ADMINS, pick, backupCheckSchema),
  /** Verifies, keeps a safety copy of the current data, and restarts the app on the backup's data. */
  'backups.restore': procedure(ADMINS, pick, z.object({ safetyCopy: z.string(), backupCreatedAt: instant })),
  'backups.quarantine.dismiss': procedure(ADMINS, empty, backupStatusSchema),
} as const;
