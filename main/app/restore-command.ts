/**
 * Restoring from the command line, for when the app will not start: `node dist/main/host.cjs --restore <folder>`
 * (or the installed app with `--restore <folder>`; with `--database postgres://…` into the county's database). Verifies the backup, copies the data as it is aside, swaps
 * the backup in by opening the store once (the restore is recorded in its audit), and closes.
 *
 * The backup copy's audit chain is verified row by row (every MAC) when this PC holds the office's audit key,
 * looked for where the app keeps it (the same folder and sealing as {@link openApp}); without the key only the
 * chain's head is compared with the manifest. `audit` says which check was done.
 *
 * @example
 * const done = await restoreFromCommandLine({ dataDir, folder: 'E:\\信访备份\\petition-desk-20261128-123000', password });
 * console.log(done.safetyCopy, done.audit.checked);
 */
import { officeKeyInstaller, postgresCopier, sqliteCopier, stageOfflineRestore, type BackupSummary, type VerifyReport } from '../core/backup';
import { auditKeyDir } from '../core/audit';
import { openApp, type AppOptions } from './index';

export interface CommandLineRestore {
  readonly summary: BackupSummary;
  readonly safetyCopy: string | null;
  readonly problems: readonly string[];
  /** How the backup's audit chain was checked: `checked` is true when every MAC was verified under the office's key. */
  readonly audit: NonNullable<VerifyReport['audit']>;
}

export async function restoreFromCommandLine(options: {
  dataDir: string;
  folder: string;
  password: string | null;
  auditKey?: AppOptions['auditKey'];
  /** The county's PostgreSQL database (its backups are dumps, put back into it); else the SQLite file. */
  databaseUrl?: string | null;
}): Promise<CommandLineRestore> {
  const keyOptions = { dir: options.auditKey?.dir ?? auditKeyDir(), sealer: options.auditKey?.sealer ?? null };
  const databaseUrl = options.databaseUrl ?? null;
  const copier = databaseUrl ? postgresCopier(databaseUrl) : sqliteCopier(options.dataDir);
  const { pending, report } = await stageOfflineRestore(options.dataDir, options.folder, options.password, Date.now(), officeKeyInstaller(keyOptions), copier);
  const app = await openApp({ dataDir: options.dataDir, databaseUrl, startScheduler: false, ...(options.auditKey ? { auditKey: options.auditKey } : {}) });
  await app.close();
  if (!report.summary || !report.audit) throw new Error('a verified backup has a summary and an audit check');
  return { summary: report.summary, safetyCopy: pending.safetyCopy, problems: report.problems.map((p) => p.code), audit: report.audit };
}
