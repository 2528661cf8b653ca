/**
 * The backups in a folder, newest first, read from their manifests' plain part (no password needed): when, why,
 * encrypted or not, and how much space each takes. Folders that are not finished backups are not listed.
 *
 * @example
 * listBackups('E:\\信访备份'); // [{ name: 'petition-desk-20261128-123000', kind: 'scheduled', encrypted: true, … }]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../../shared/enums';
import { filesUnder } from '../storage';
import { BACKUP_FOLDER, readManifest } from './format';

export interface ListedBackup {
  readonly folder: string;
  readonly name: string;
  readonly createdAt: number;
  readonly kind: BackupKind;
  readonly encrypted: boolean;
  readonly appVersion: string;
  readonly schemaVersion: string | null;
  /** Space on disk. */
  readonly bytes: number;
}

function sizeOf(folder: string): number {
  return filesUnder(folder).reduce((n, f) => n + fs.statSync(path.join(folder, ...f.split('/'))).size, 0);
}

export function listBackups(parent: string): ListedBackup[] {
  if (!fs.existsSync(parent)) return [];
  const listed: ListedBackup[] = [];
  for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || !BACKUP_FOLDER.test(entry.name)) continue;
    const folder = path.join(parent, entry.name);
    const read = readManifest(folder);
    if (!read.ok) continue;
    const m = read.manifest;
    listed.push({
      folder,
      name: entry.name,
      createdAt: m.createdAt,
      kind: m.kind,
      encrypted: m.encryption !== null,
      appVersion: m.appVersion,
      schemaVersion: m.schemaVersion,
      bytes: sizeOf(folder),
    });
  }
  return listed.sort((a, b) => b.createdAt - a.createdAt);
}
