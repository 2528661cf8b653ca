/**
 * `npm run start:browser`: runs the core in this Node process and serves the built renderer on 127.0.0.1.
 * Flags: --port N, --data-dir DIR, --test-clock (e2e tests only: lets an admin move time), --test-clock-start MS
 * (with --test-clock: where the clock starts, epoch ms, so an office can be set up at a chosen time: moving the
 * clock needs an admin session, and before setup there is no admin), --restore FOLDER (restore that backup into
 * the data folder and exit; the password comes from PETITION_DESK_BACKUP_PASSWORD or is asked for), --database URL
 * (the county edition: a PostgreSQL database, postgres://…, instead of the SQLite file; else PETITION_DESK_DATABASE_URL).
 * Server mode (the county edition on the office network): --listen ADDRESS:PORT, --public-name NAME, and
 * --tls-cert FILE --tls-key FILE or else the office CA made in the data folder (server-start.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrlFrom, defaultDataDir, redactedUrl } from '../db';
import { startApp } from '../app';
import { startHost } from './server';
import { DEMO_PASSWORD, seedDemo } from '../app/demo';
import { chromiumPdfMaker } from './pdf';
import { translate } from '../../shared/i18n';
import { runRestoreCommand } from './restore-command';
import { serverModeFrom } from './server-start';

const OPTIONS = {
  port: { type: 'string', default: '0' },
  'data-dir': { type: 'string' },
  'test-clock': { type: 'boolean', default: false },
  'test-clock-start': { type: 'string' },
  demo: { type: 'boolean', default: false },
  restore: { type: 'string' },
  /** The county edition: a PostgreSQL database (postgres://…) instead of the SQLite file; else PETITION_DESK_DATABASE_URL. */
  database: { type: 'string' },
  /** Server mode: HTTPS on exactly this IP address and port, for the PCs of the office network. */
  listen: { type: 'string' },
  'public-name': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} as const;

/** The flags, or a one-line refusal in Chinese and English instead of a stack trace. */
function flags() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (error) {
    const flag = /'([^']+)'/.exec(String((error as Error).message))?.[1] ?? process.argv.slice(2).join(' ');
    console.error(`${translate('zh-CN', 'common.cli.badArgs', { flag })} / ${translate('en', 'common.cli.badArgs', { flag })}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = flags();
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : values.demo
      ? path.join(defaultDataDir(), '..', 'petition-desk-demo')
      : defaultDataDir();
  const database = databaseUrlFrom(values.database);
  if ('bad' in database) {
    console.error(`${translate('zh-CN', 'common.cli.badDatabase', { url: database.bad })} / ${translate('en', 'common.cli.badDatabase', { url: database.bad })}`);
    process.exit(2);
  }
  if (values.restore !== undefined) {
    process.exit(await runRestoreCommand(dataDir, values.restore, database.url));
  }
  const server = await serverModeFrom({ listen: values.listen, publicName: values['public-name'], tlsCert: values['tls-cert'], tlsKey: values['tls-key'] }, dataDir);
  if (server && 'refusal' in server) {
    console.error(server.refusal);
    process.exit(2);
  }
  // The build puts the fonts the app ships for notices next to this bundle; without them notices use the office's fonts.
  const fontDir = path.resolve(__dirname, 'notice-fonts');
  const noticeFontDir = fs.existsSync(fontDir) ? fontDir : null;
  const pdf = chromiumPdfMaker(process.env, noticeFontDir);
  const clockStart = values['test-clock-start'] === undefined ? undefined : Number(values['test-clock-start']);
  if (clockStart !== undefined && (!values['test-clock'] || !Number.isSafeInteger(clockStart))) {
    throw new Error('--test-clock-start needs --test-clock and a time in epoch milliseconds');
  }
  // The page is served at once: while a large file migrates it shows the start-up screen, not an unanswered address.
  const starting = startApp({
    dataDir,
    databaseUrl: database.url,
    testClock: values['test-clock'],
    ...(clockStart === undefined ? {} : { testClockStart: clockStart }),
    makePdf: pdf ? (html) => pdf.make(html) : null,
    backupAtExit: true,
  });
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  const host = await startHost(starting.app, { rendererDir, port: Number(values.port), noticeFontDir, ...(server ? { server: server.mode } : {}) });
  if (server) for (const line of server.notes(host.url)) console.log(line);
  else console.log(`信访工作台（浏览器模式）已启动，请用浏览器打开：${host.url}`);
  console.log(`数据文件夹 / data folder: ${dataDir}`);
  if (database.url) console.log(`数据库 / database: ${redactedUrl(database.url)}`);
  console.log(`PETITION_DESK_URL=${host.url}`);
  // Stopping while the data still opens leaves at once: a migration is one transaction, undone by the next start.
  let opened: Awaited<typeof starting.ready> | null = null;
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void host
      .close()
      .then(() => pdf?.close())
      .then(() => opened?.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const app = await starting.ready.catch(async (err: unknown) => {
    if (closing) return new Promise<never>(() => undefined);
    console.error(`${translate('zh-CN', 'common.startFailed')}\n`, err);
    await host.close();
    await pdf?.close();
    process.exit(1);
  });
  opened = app;
  if (closing) return;
  if (values.demo && (await seedDemo(app))) {
    console.log(`已生成演示数据。账号 admin、clerk1、leader1、duty1，密码均为 ${DEMO_PASSWORD}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
