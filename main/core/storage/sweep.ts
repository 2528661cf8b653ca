/**
 * The start-up sweep of the data folder, before anyone can write: uploads a crash cut short (in the temp
 * folder) and attachment files that no row references (the file was written, the row never committed) are
 * moved to quarantine/<stamp>/ — never deleted, they may hold a petitioner's documents — and the admin is told.
 * Backup work copies left in the temp folder are removed: each is a copy of data that is kept elsewhere.
 *
 * @example
 * const report = await sweepDataFolder(core); // null when there was nothing to move or report
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../context';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';
import { findOffice } from '../users';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import { dataFolder, filesUnder, folderStamp, moveFile } from './data-folder';

export const QUARANTINE_REPORT_KEY = 'files_quarantine';

export interface QuarantineReport {
  readonly at: number;
  /** The quarantine folder of this sweep (absolute), or null when nothing was moved. */
  readonly folder: string | null;
  /** Uploads cut short by a crash. */
  readonly fromTemp: number;
  /** Complete files in attachments/ that no row references. */
  readonly unreferenced: number;
  /** Rows whose file is not in attachments/ (nothing to move; the admin should restore them from a backup). */
  readonly missing: number;
  readonly dismissed: boolean;
}

const NO_REPORT: QuarantineReport = { at: 0, folder: null, fromTemp: 0, unreferenced: 0, missing: 0, dismissed: true };

export async function readQuarantineReport(core: Core): Promise<QuarantineReport | null> {
  const report = await readSetting(core.db, QUARANTINE_REPORT_KEY, NO_REPORT);
  return report.at === 0 ? null : report;
}

export async function dismissQuarantineReport(core: Core): Promise<void> {
  const report = await readQuarantineReport(core);
  if (report) await writeSetting(core.db, QUARANTINE_REPORT_KEY, { ...report, dismissed: true });
}

export async function sweepDataFolder(core: Core): Promise<QuarantineReport | null> {
  const layout = dataFolder(core.dataDir);
  const now = core.clock.now();
  const timeZone = (await findOffice(core.db))?.timeZone ?? DEFAULT_TIME_ZONE;
  const referenced = new Set((await core.db.selectFrom('attachments').select('stored_name').distinct().execute()).map((r) => r.stored_name));

  const stored = filesUnder(layout.attachments);
  const unreferenced = stored.filter((f) => !referenced.has(f));
  const uploads = filesUnder(layout.uploads);
  const present = new Set(stored);
  const missing = [...referenced].filter((f) => !present.has(f)).length;

  for (const entry of fs.existsSync(layout.temp) ? fs.readdirSync(layout.temp) : []) {
    if (entry !== path.basename(layout.uploads)) fs.rmSync(path.join(layout.temp, entry), { recursive: true, force: true });
  }

  let folder: string | null = null;
  if (unreferenced.length + uploads.length > 0) {
    folder = path.join(layout.quarantine, folderStamp(now, timeZone));
    for (const f of unreferenced) moveFile(path.join(layout.attachments, ...f.split('/')), path.join(folder, 'attachments', ...f.split('/')));
    for (const f of uploads) moveFile(path.join(layout.uploads, ...f.split('/')), path.join(folder, 'uploads', ...f.split('/')));
  }

  const previous = await readQuarantineReport(core);
  if (!folder && missing === (previous?.missing ?? 0)) return null;
  const report: QuarantineReport = { at: now, folder, fromTemp: uploads.length, unreferenced: unreferenced.length, missing, dismissed: false };
  await core.db.transaction().execute(async (trx) => {
    await writeSetting(trx, QUARANTINE_REPORT_KEY, report);
    if (folder) {
      await appendAudit(trx, {
        actor: null,
        at: now,
        action: 'files.quarantine',
        entity: 'files',
        entityId: path.basename(folder),
        after: { folder, fromTemp: report.fromTemp, unreferenced: report.unreferenced, missing },
      });
    }
  });
  return report;
}
