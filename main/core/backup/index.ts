/**
 * A consistent copy of the office's data while the app runs: the database through SQLite's VACUUM INTO (a
 * snapshot inside one read transaction) and the attachments folder, into a new dated folder.
 *
 * @example
 * const { folder } = await createBackup(core, actor, 'E:\\信访备份'); // E:\信访备份\petition-desk-20261128-1530
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { localParts } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';

export interface BackupResult {
  readonly folder: string;
  readonly databaseBytes: number;
  readonly attachments: number;
}

function stamp(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}-${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

export async function createBackup(core: Core, actor: Actor, targetDir: string | null): Promise<BackupResult> {
  const office = await getOffice(core.db);
  const parent = targetDir ? path.resolve(targetDir) : path.join(core.dataDir, 'backups');
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.accessSync(parent, fs.constants.W_OK);
  } catch {
    throw UserError.field('targetDir', 'errors.backup.notWritable', { folder: parent });
  }
  const folder = path.join(parent, `petition-desk-${stamp(core.clock.now(), office.timeZone)}`);
  if (fs.existsSync(folder)) throw UserError.field('targetDir', 'errors.backup.exists', { folder });
  fs.mkdirSync(folder);
  const dbFile = path.join(folder, 'petition-desk.sqlite');
  await sql`VACUUM INTO ${dbFile}`.execute(core.db);
  let attachments = 0;
  const source = path.join(core.dataDir, 'attachments');
  if (fs.existsSync(source)) {
    fs.cpSync(source, path.join(folder, 'attachments'), { recursive: true });
    attachments = fs.readdirSync(source, { recursive: true }).filter((f) => fs.statSync(path.join(source, String(f))).isFile()).length;
  }
  const result = { folder, databaseBytes: fs.statSync(dbFile).size, attachments };
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, { actor, at: core.clock.now(), action: 'backup.create', entity: 'backup', entityId: folder, after: result }),
  );
  return result;
}
