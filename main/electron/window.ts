/**
 * The application window and the guards every web contents and session gets: no new windows, no navigation away
 * from app://desk, no webviews, no permissions, no foreign downloads.
 *
 * @example
 * app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
 * hardenSession(session.defaultSession);
 * const window = createMainWindow({ preloadPath, devTools: !app.isPackaged });
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/bridge';
import { isPermissionAllowed, shouldAllowDownload, shouldAllowNavigation, windowOptions } from './security';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
}

export const START_URL = `${APP_ORIGIN}/index.html`;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(windowOptions(options.preloadPath, { devTools: options.devTools }));
  window.once('ready-to-show', () => window.show());
  if (options.devTools) {
    // There is no menu, so no accelerator opens the tools; F12 does, in unpackaged builds only.
    window.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'F12') window.webContents.toggleDevTools();
    });
  }
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  void window.loadURL(START_URL).catch((error: unknown) => {
    console.error('Could not load the application page', error);
  });
  return window;
}

/** Applied to every web contents the app creates, including ones nobody planned for. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (shouldAllowNavigation(url)) return;
    event.preventDefault();
    console.warn(`Blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-redirect', (event) => blockForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const hardenedSessions = new WeakSet<Session>();

/** Denies permission prompts and checks, device access and downloads the page did not start itself. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionAllowed(permission, contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event, item) => {
    if (!shouldAllowDownload(item.getURL())) event.preventDefault();
  });
}
