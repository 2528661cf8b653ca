/**
 * The Electron main process: one instance, one window, one IPC channel, everything else denied. The core runs
 * here through openApp, exactly as in browser mode; this file only wires it to Electron's lifecycle.
 */
import path from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { restoreFromCommandLine, startApp, type App } from '../app';
import { defaultDataDir } from '../db';
import { translate } from '../../shared/i18n';
import { forwardEvents, registerIpc } from './ipc';
import { watchPower } from './power';
import { safeStorageSealer } from './key-sealer';
import { printToPdf } from './print';
import { registerNoticePrint } from './notice-print';
import { notifyAlarms } from './notify';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/** Must match electron-builder.yml, so Windows groups the window and its notifications under the installed app. */
const APP_USER_MODEL_ID = 'cn.gov.township.petitiondesk';

// Both files sit next to this bundle: dist/main/electron.cjs, dist/main/preload.cjs, dist/renderer/.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

/**
 * The same folder browser mode uses (the environment variable wins), so falling back to browser mode never
 * shows an office an empty database, and a backup of that folder holds only the office's data.
 */
function dataDir(): string {
  return defaultDataDir(process.env);
}

registerAppScheme();
app.enableSandbox();

/** `petition-desk --restore <backup folder>`: for when the app will not start (password from PETITION_DESK_BACKUP_PASSWORD). */
function restoreArgument(argv: readonly string[]): string | null {
  const at = argv.indexOf('--restore');
  return at >= 0 ? (argv[at + 1] ?? null) : null;
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database and run a second scheduler; the first copy comes forward instead.
  app.quit();
} else if (restoreArgument(process.argv) !== null) {
  void app.whenReady().then(() => restoreAndExit(restoreArgument(process.argv) ?? ''));
} else {
  run();
}

async function restoreAndExit(folder: string): Promise<void> {
  const title = translate('zh-CN', 'common.appName');
  try {
    const done = await restoreFromCommandLine({
      dataDir: dataDir(),
      folder,
      password: process.env.PETITION_DESK_BACKUP_PASSWORD ?? null,
      auditKey: { sealer: await safeStorageSealer() },
    });
    dialog.showMessageBoxSync({ type: 'info', title, message: translate('zh-CN', 'backups.dialog.restarted'), detail: done.safetyCopy ?? '' });
    app.exit(0);
  } catch (error) {
    dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
    app.exit(1);
  }
}

function run(): void {
  let desk: App | null = null;
  let mainWindow: BrowserWindow | null = null;
  const stops: (() => void)[] = [];
  let closed = false;
  let closing = false;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the database to close, so the last write transaction and the WAL checkpoint finish.
  app.on('will-quit', (event) => {
    if (closed || !desk) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    for (const stop of stops.splice(0)) stop();
    desk
      .close()
      .catch((error: unknown) => console.error('Closing the database failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(async () => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
      // No menu: no reload, no devtools accelerators, nothing the office does not need.
      if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
      hardenSession(session.defaultSession);
      let opened: App | null = null;
      serveRenderer(RENDERER_DIR, undefined, () => opened?.core ?? null);
      const starting = startApp({
        dataDir: dataDir(),
        makePdf: (html) => printToPdf(html),
        // The audit key lives outside the data folder, sealed by the OS where it can (main/core/audit/key-store.ts).
        auditKey: { sealer: await safeStorageSealer() },
        backupAtExit: true,
        // A restore is staged: the next start swaps the files in before the store opens.
        relaunch: () => {
          app.relaunch();
          app.quit();
        },
      });
      // The window comes at once and shows the start-up screen while a large file migrates.
      desk = starting.app;
      stops.push(registerIpc(desk));
      mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      opened = await starting.ready;
      stops.push(registerNoticePrint(opened), forwardEvents(opened), watchPower(opened), notifyAlarms(opened, () => mainWindow));
    })
    .catch((error: unknown) => {
      // Typically the data folder is unwritable or the database is damaged; say so before leaving.
      console.error('Start-up failed', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(translate('zh-CN', 'common.appName'), `${translate('zh-CN', 'common.startFailed')}\n\n${detail}`);
      app.exit(1);
    });
}
