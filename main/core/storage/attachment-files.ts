/**
 * Attachment files on disk. An upload is written in full in the temp folder (data/temp/uploads), flushed, and
 * only then renamed into attachments/, so attachments/ never holds half a file, and whatever a crash leaves in
 * the temp folder is found at the next start (see sweep.ts).
 *
 * @example
 * writeAttachmentFile(core.dataDir, '12/ab34….pdf', data); // before the row that references it is committed
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataFolder, syncFolder } from './data-folder';

export function writeAttachmentFile(dataDir: string, storedName: string, data: Buffer): void {
  const layout = dataFolder(dataDir);
  const target = layout.attachment(storedName);
  // Content-addressed: the same file added twice is stored once.
  if (fs.existsSync(target)) return;
  fs.mkdirSync(layout.uploads, { recursive: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(layout.uploads, `${randomBytes(8).toString('hex')}.partial`);
  fs.writeFileSync(temp, data, { flush: true });
  fs.renameSync(temp, target);
  syncFolder(path.dirname(target));
}
