/**
 * `npm run import-township`: opens the county's app over its PostgreSQL database (its audit chain verified as at
 * every start), imports one township's SQLite file (main/core/township-import), and closes.
 *
 * @example
 * const done = await importTownshipCommand({ dataDir, databaseUrl, file: '/mnt/usb/petition-desk.sqlite', township: '东风镇', keyDir: '/mnt/usb/keys' });
 */
import { importTownship, type TownshipImportOptions, type TownshipImportResult } from '../core/township-import';
import { openApp, type AppOptions } from './index';

export async function importTownshipCommand(
  options: TownshipImportOptions & { readonly dataDir: string; readonly databaseUrl: string | null; readonly auditKey?: AppOptions['auditKey'] },
): Promise<TownshipImportResult> {
  const app = await openApp({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, startScheduler: false, ...(options.auditKey ? { auditKey: options.auditKey } : {}) });
  try {
    return await importTownship(app.core, options);
  } finally {
    await app.close();
  }
}
