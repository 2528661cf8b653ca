/**
 * Restoring from the command line, for when the app will not start: `node dist/main/host.cjs --restore <folder>`
 * (or the installed app with `--restore <folder>`). Verifies the backup, copies the data as it is aside, swaps
 * the backup in by opening the store once (the restore is recorded in its audit), and closes.
 *
 * @example
 * const done = await restoreFromCommandLine({ dataDir, folder: 'E:\\信访备份\\petition-desk-20261128-123000', password });
 * console.log(done.safetyCopy);
 */
import { stageOfflineRestore, type BackupSummary } from '../core/backup';
import { openApp } from './index';

export interface CommandLineRestore {
  readonly summary: BackupSummary;
  readonly safetyCopy: string | null;
  readonly problems: readonly string[];
}

export async function restoreFromCommandLine(options: { dataDir: string; folder: string; password: string | null }): Promise<CommandLineRestore> {
  const { pending, report } = await stageOfflineRestore(options.dataDir, options.folder, options.password, Date.now());
  const app = await openApp({ dataDir: options.dataDir, startScheduler: false });
  await app.close();
  if (!report.summary) throw new Error('a verified backup has a summary');
  return { summary: report.summary, safetyCopy: pending.safetyCopy, problems: report.problems.map((p) => p.code) };
}
