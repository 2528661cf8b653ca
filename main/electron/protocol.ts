/**
 * The app:// protocol: the page's only origin. It replaces file://, so the page gets a real origin the CSP and
 * the IPC sender check can name, and it can read nothing but the built renderer folder.
 *
 * @example
 * registerAppScheme();                       // before app 'ready'
 * app.whenReady().then(() => serveRenderer(rendererDir));
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../../shared/bridge';
import { respondWithAppFile } from './app-files';
import type { Core } from '../core/context';

/**
 * Must run before the app is ready. `standard` gives the scheme origins and relative URLs, `secure` makes it a
 * secure context, `supportFetchAPI` lets the page fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer (and attachment tickets, once the core is open) on the given session (the default one unless told otherwise). */
export function serveRenderer(rendererDir: string, session?: Session, coreOf: () => Core | null = () => null): void {
  const target = session?.protocol ?? protocol;
  target.handle(APP_SCHEME, (request) => respondWithAppFile(rendererDir, request, coreOf()));
}
