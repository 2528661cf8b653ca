/**
 * The main process's only IPC surface: one invoke channel for procedure calls and one push channel for events.
 *
 * @example
 * const unregister = registerIpc(app);
 * const stopEvents = forwardEvents(app);
 */
import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/bridge';
import type { App } from '../app';
import { dispatchCall, UntrustedSenderError } from './dispatch';
import { isTrustedSenderUrl } from './security';

/** Returns a function that removes the handler, so nothing reaches a closed database during shutdown. */
export function registerIpc(app: Pick<App, 'api'>): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, payload: unknown) => {
    try {
      return await dispatchCall(app.api, event.senderFrame?.url, payload);
    } catch (error) {
      if (error instanceof UntrustedSenderError) console.warn(`${error.message}: ${error.senderUrl || '(no frame)'}`);
      throw error;
    }
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Pushes every core event to each window that still shows the app's own page. */
export function forwardEvents(app: Pick<App, 'subscribe'>): () => void {
  return app.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed()) continue;
      const contents = window.webContents;
      if (contents.isDestroyed() || !isTrustedSenderUrl(contents.getURL())) continue;
      contents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
