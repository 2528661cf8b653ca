/**
 * The Electron shell's security decisions as plain functions, so they are unit-tested without Electron running.
 * Everything here is deny-by-default: only the app's own origin (app://desk) is trusted, and only files inside the
 * built renderer folder are served.
 *
 * @example
 * new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
 * if (!isTrustedSenderUrl(event.senderFrame?.url ?? '')) throw new Error('untrusted sender');
 * const file = resolveAppFile(rendererDir, request.url); // null → 404
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/bridge';
import type { ApiRequest } from '../../shared/api';
import { translate } from '../../shared/i18n';
import { hasControlChars, resolveStaticFile, resolveStaticRequest } from '../app/static-files';

const APP_PROTOCOL = `${APP_SCHEME}:`;

export interface WindowFlags {
  /** Developer tools stay off in a packaged build; an office PC has no use for them. */
  readonly devTools?: boolean;
}

/**
 * Options for the one application window. The page gets no Node, runs in the OS sandbox, and is isolated from the
 * preload; it is shown only once painted so the office never sees a white flash.
 */
export function windowOptions(preloadPath: string, flags: WindowFlags = {}): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 700,
    // The window exists before any locale is chosen; the Chinese name is the product's name.
    title: translate('zh-CN', 'common.appName'),
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      plugins: false,
      safeDialogs: true,
      devTools: flags.devTools ?? false,
    },
  };
}

function parseUrl(url: unknown): URL | null {
  // Whitespace or control characters never occur in a URL Chromium hands us; the WHATWG parser would silently
  // strip them, so a string carrying them is refused rather than "repaired" into a trusted one.
  if (typeof url !== 'string' || url === '' || hasControlChars(url, true)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOrigin(url: URL): boolean {
  return url.protocol === APP_PROTOCOL && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Whether an IPC message comes from the app's own page. Parsed with the URL parser, never compared as text, so
 * `app://desk.evil`, `app://desk@evil` and `file:///…/app://desk` are all refused.
 *
 * @example
 * isTrustedSenderUrl('app://desk/index.html') // true
 * isTrustedSenderUrl('app://desk@evil/')      // false: the host is "evil"
 */
export function isTrustedSenderUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isAppOrigin(parsed);
}

/** The page may only move within its own origin; everything else (links, redirects, form posts) is stopped. */
export function shouldAllowNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

/**
 * Downloads the page starts itself (an export saved through a blob: or data: link) are allowed; a download that
 * a foreign page or redirect tries to push is not.
 */
export function shouldAllowDownload(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:') return parsed.pathname.startsWith(`${APP_ORIGIN}/`);
  return isAppOrigin(parsed);
}

/**
 * Browser permissions the page may use. Only writing plain text to the clipboard (a "copy number" button) is
 * allowed, and only for the app's own origin; camera, microphone, geolocation, notifications, HID and the rest
 * are refused because the app never needs them.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(requestingUrl);
}

/**
 * The IPC payload as an {@link ApiRequest}, or null when it does not look like one. The procedure table parses
 * the input with its schema; this only guarantees the envelope's shape.
 */
export function toApiRequest(value: unknown): ApiRequest | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { name, input, session } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return null;
  if (session !== undefined && session !== null && typeof session !== 'string') return null;
  return { name, input, session: session ?? null };
}

/** The path of an app:// URL exactly as written (query included), for the shared resolver; null when it is not our origin. */
export function appUrlPath(requestUrl: string): string | null {
  const parsed = parseUrl(requestUrl);
  if (!parsed || !isAppOrigin(parsed) || parsed.port !== '' || !requestUrl.startsWith(APP_ORIGIN)) return null;
  return requestUrl.slice(APP_ORIGIN.length);
}

/**
 * Maps `app://desk/<path>` to a regular file inside `rootDir`, or null: the origin is checked here, the path by
 * the resolver both shells share, which refuses anything that tries to leave the folder (`..`, `%2e%2e`, `%2f`,
 * backslashes, drive letters, a symlink pointing out) rather than normalising it.
 *
 * @example
 * resolveAppFile('/opt/app/dist/renderer', 'app://desk/')                  // '/opt/app/dist/renderer/index.html'
 * resolveAppFile('/opt/app/dist/renderer', 'app://desk/%2e%2e/secret.txt') // null
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const urlPath = appUrlPath(requestUrl);
  return urlPath === null ? null : resolveStaticFile(rootDir, urlPath);
}

/** Like {@link resolveAppFile}, but a client-side route (`app://desk/petitions/12`) gets index.html. */
export function resolveAppRequest(rootDir: string, requestUrl: string): string | null {
  const urlPath = appUrlPath(requestUrl);
  return urlPath === null ? null : resolveStaticRequest(rootDir, urlPath);
}
