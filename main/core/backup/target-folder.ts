import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** Inside the data folder (or the data folder itself) a backup would be lost with the data. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The folder the admin chose, made if need be and proven writable. A scheduled backup never makes its folder (an
 * unplugged stick's mount point would become a folder on the system drive); the admin choosing it now may.
 */
export function checkTargetFolder(dataDir: string, targetDir: string): string {
  if (!path.isAbsolute(targetDir)) throw UserError.field('targetDir', 'errors.backup.targetNotAbsolute');
  const target = path.resolve(targetDir);
  if (isInside(target, path.resolve(dataDir))) throw UserError.field('targetDir', 'errors.backup.targetInsideData');
  try {
    fs.mkdirSync(target, { recursive: true });
    const probe = path.join(target, `.petition-desk-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw UserError.field('targetDir', 'errors.backup.notWritable', { folder: target });
  }
  return target;
}
