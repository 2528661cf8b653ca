/**
 * A backup is one folder, `petition-desk-YYYYMMDD-HHMMSS`, holding `manifest.json` beside the database (the SQLite
 * file, or on PostgreSQL a pg_dump in custom format) and the attachment files (each with `.enc` appended when encrypted). The manifest's outer part is plain (when, why,
 * which version, how it is encrypted) so a backup can be listed without its password; what it holds (row counts,
 * the audit head, every file's SHA-256 and size, each file's IV and tag) is sealed with the key when the backup
 * is encrypted, and plain otherwise. A manifest is read from a USB stick, so it is parsed, never trusted.
 *
 * @example
 * const m = readManifest('/media/usb/petition-desk-20261128-153000'); // null if it is not a backup
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_KINDS } from '../../../shared/enums';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_NAME = 'petition-desk-backup';
export const FORMAT_VERSION = 1;
/** Two backups in the same second (a safety copy, then an admin's click) take `-2`, `-3`… after the stamp. */
export const BACKUP_FOLDER = /^petition-desk-(\d{8})-(\d{6})(?:-\d+)?$/;
/** A backup still being written or checked; never listed, restored or kept. */
export const UNFINISHED_SUFFIX = '.partial';
export const ENCRYPTED_SUFFIX = '.enc';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(20_000_000);
/** A path inside the backup: forward slashes, no way out of the folder. */
const relativePath = z
  .string()
  .min(1)
  .max(400)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((part) => part === '..' || part === '.' || part === ''), 'bad path');

export const fileEntrySchema = z.object({
  /** Where the file belongs in the data folder. */
  path: relativePath,
  /** Where it is in the backup folder. */
  stored: relativePath,
  bytes: z.number().int().nonnegative(),
  sha256,
  iv: base64.optional(),
  tag: base64.optional(),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const contentSchema = z.object({
  id: z.string().min(8).max(64),
  createdAt: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
  officeName: z.string().max(200),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  auditHead: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  auditRows: z.number().int().nonnegative(),
  files: z.array(fileEntrySchema),
  /** Attachment rows whose file was not in the data folder when the backup was made. */
  missingAttachments: z.array(relativePath),
});
export type ManifestContent = z.infer<typeof contentSchema>;

const sealedSchema = z.object({ iv: base64, tag: base64, data: base64 });

export const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64,
});

export const manifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  id: z.string().min(8).max(64),
  createdAt: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
  appVersion: z.string().max(40),
  /** Which store the database copy is of: a SQLite file, or a PostgreSQL dump (absent in backups made before it). */
  store: z.enum(['sqlite', 'postgres']).optional(),
  schemaVersion: z.string().max(200).nullable(),
  encryption: z.object({ cipher: z.literal('aes-256-gcm'), kdf: kdfSchema }).nullable(),
  content: contentSchema.nullable(),
  sealed: sealedSchema.nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The additional data that ties a sealed part to its backup and its place in it. */
export function aadFor(backupId: string, part: string): string {
  return `${FORMAT_NAME}:${backupId}:${part}`;
}

export type ManifestRead = { readonly ok: true; readonly manifest: Manifest } | { readonly ok: false; readonly reason: 'missing' | 'unreadable' };

export function readManifest(folder: string): ManifestRead {
  const file = path.join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: 'unreadable' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** Written beside, flushed, then renamed over: a manifest is whole or absent. */
export function writeManifest(folder: string, manifest: Manifest): void {
  const file = path.join(folder, MANIFEST_FILE);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
  fs.renameSync(temp, file);
}
