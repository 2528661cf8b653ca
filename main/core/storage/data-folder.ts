/**
 * The data folder's layout, in one place: what lives where, and what a backup copies (the database and the
 * attachments rows reference, never the temp or quarantine folders).
 *
 * @example
 * const layout = dataFolder('/home/office/.local/share/petition-desk');
 * layout.attachment('12/ab34….pdf'); // …/attachments/12/ab34….pdf
 */
import fs from 'node:fs';
import path from 'node:path';
import { localParts } from '../../../shared/time';

export interface DataFolder {
  readonly root: string;
  /** Attachment files, content-addressed under the petition's id: `<petitionId>/<sha256>.<ext>`. */
  readonly attachments: string;
  /** Work in progress that is never backed up: uploads being written, backup copies being checked. */
  readonly temp: string;
  /** Attachment uploads being written; anything here at start-up was cut short by a crash. */
  readonly uploads: string;
  /** Files found at start-up that no row references, moved aside (never deleted) for the admin to look at. */
  readonly quarantine: string;
  /** Where backups go when no target folder is set or the target is missing (before a migration or restore). */
  readonly localBackups: string;
  /** A restore in progress: the verified copy staged here, and the note saying how far the swap got. */
  readonly restore: string;
  attachment(storedName: string): string;
}

export function dataFolder(root: string): DataFolder {
  const temp = path.join(root, 'temp');
  const attachments = path.join(root, 'attachments');
  return {
    root,
    attachments,
    temp,
    uploads: path.join(temp, 'uploads'),
    quarantine: path.join(root, 'quarantine'),
    localBackups: path.join(root, 'backups'),
    restore: path.join(root, 'restore'),
    attachment: (storedName) => path.join(attachments, ...storedName.split('/')),
  };
}

/**
 * A folder-name stamp in the office's time: `20261128-153000`.
 *
 * @example
 * folderStamp(Date.UTC(2026, 10, 28, 7, 30), 'Asia/Shanghai'); // '20261128-153000'
 */
export function folderStamp(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}-${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** Every file under `dir`, as forward-slash paths relative to it; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Makes a rename or a new file in `dir` survive a power cut, where the system allows it (Windows cannot open a
 * folder to flush it; NTFS journals the rename itself).
 */
export function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here: the rename is as durable as the system makes it.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Moves a file, creating the folders it goes into; across drives it copies and then removes the original. */
export function moveFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to);
    fs.rmSync(from);
  }
}
