/**
 * `npm run import-township -- --database postgres://… --file /path/petition-desk.sqlite --township 东风镇
 * [--data-dir DIR] [--key-dir DIR] [--township-data-dir DIR]`: moves one township's file into the county's
 * database (main/core/township-import says how), then says what it imported, or why it refused, in one line.
 * --data-dir is the county's data folder (attachments are copied into it; default as the app's); --key-dir the
 * folder holding the township's audit key copied from its PC (default the app's key folder, where the county's
 * own key is too); --township-data-dir the township's data folder with its attachments (default: the file's folder).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrlFrom, defaultDataDir } from '../db';
import { importTownshipCommand } from '../app';
import { auditKeyDir } from '../core/audit';
import { t } from '../../shared/i18n';

const OPTIONS = {
  database: { type: 'string' },
  file: { type: 'string' },
  township: { type: 'string' },
  'data-dir': { type: 'string' },
  'key-dir': { type: 'string' },
  'township-data-dir': { type: 'string' },
} as const;

function usage(): never {
  console.error(t('township.cli.usage'));
  process.exit(2);
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch {
    return usage();
  }
  const database = databaseUrlFrom(values.database);
  if ('bad' in database) {
    console.error(t('common.cli.badDatabase', { url: database.bad }));
    return 2;
  }
  if (!database.url) {
    console.error(t('township.errors.notPostgres'));
    return 2;
  }
  if (!values.file || !values.township) return usage();
  try {
    const done = await importTownshipCommand({
      dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(),
      databaseUrl: database.url,
      file: path.resolve(values.file),
      township: values.township,
      keyDir: values['key-dir'] ? path.resolve(values['key-dir']) : auditKeyDir(),
      ...(values['township-data-dir'] ? { townshipDataDir: path.resolve(values['township-data-dir']) } : {}),
    });
    const c = done.counts;
    const summary = t('township.cli.summary', {
      petitions: c.petitions ?? 0,
      reports: c.info_reports ?? 0,
      warnings: c.warnings ?? 0,
      notices: c.notices ?? 0,
      attachments: c.attachments ?? 0,
      users: c.users ?? 0,
      units: c.units ?? 0,
      rows: Object.values(c).reduce((a, b) => a + b, 0),
    });
    console.log(t('township.cli.done', { township: done.township, summary, auditRows: c.audit ?? 0, headId: done.auditHead.id, headHash: done.auditHead.hash.slice(0, 12), hash: done.fileSha256 }));
    return 0;
  } catch (err) {
    console.error(t('township.cli.failed', { message: err instanceof Error ? err.message : String(err) }));
    return 1;
  }
}

void main().then((code) => process.exit(code));
