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
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/bridge';
import type { ApiRequest } from '../../shared/api';
import { translate } from '../../shared/i18n';

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

const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine writes style attributes and <style> tags at run time.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** Sent as a response header with every HTML page the app protocol serves (a header, so frame-ancestors counts). */
export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Control characters (and, when asked, the space): C0, DEL. */
function hasControlChars(text: string, includingSpace: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || (includingSpace && code === 0x20)) return true;
  }
  return false;
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

const INDEX_FILE = 'index.html';
// Both slashes and the colon (drive letters, NTFS streams) have no place in a file name the renderer build
// produces; neither have control characters.
const UNSAFE_SEGMENT_CHARS = /[/\\:]/;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The path segments exactly as written in the URL (the URL parser would resolve `..` and hide the attempt). */
function rawPathSegments(requestUrl: string): string[] | null {
  const prefix = `${APP_ORIGIN}`;
  if (!requestUrl.startsWith(prefix)) return null;
  const rest = requestUrl.slice(prefix.length);
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  if (rawPath === '' || rawPath === '/') return [INDEX_FILE];
  if (!rawPath.startsWith('/')) return null;
  const decoded: string[] = [];
  for (const segment of rawPath.slice(1).split('/')) {
    const name = decodeSegment(segment);
    if (name === null || name === '' || name === '.' || name === '..') return null;
    if (UNSAFE_SEGMENT_CHARS.test(name) || hasControlChars(name, false)) return null;
    decoded.push(name);
  }
  return decoded;
}

function isInside(rootDir: string, candidate: string): boolean {
  const relative = path.relative(rootDir, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function realPathOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/**
 * Maps `app://desk/<path>` to a regular file inside `rootDir`, or null. Anything that tries to leave the folder
 * (`..`, `%2e%2e`, `%2f`, backslashes, drive letters, a symlink pointing out) is refused, not normalised. Reads
 * the file system (stat, realpath) but never writes.
 *
 * @example
 * resolveAppFile('/opt/app/dist/renderer', 'app://desk/')                  // '/opt/app/dist/renderer/index.html'
 * resolveAppFile('/opt/app/dist/renderer', 'app://desk/%2e%2e/secret.txt') // null
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const parsed = parseUrl(requestUrl);
  if (!parsed || !isAppOrigin(parsed) || parsed.port !== '') return null;
  const segments = rawPathSegments(requestUrl);
  if (!segments) return null;
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  const realRoot = realPathOrNull(root);
  const realFile = realPathOrNull(candidate);
  if (!realRoot || !realFile || !isInside(realRoot, realFile)) return null;
  try {
    return fs.statSync(realFile).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Like {@link resolveAppFile}, but a missing extension-less path (a client-side route such as
 * `app://desk/petitions/12`) gets index.html, so reloading on a route still shows the app.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): string | null {
  const file = resolveAppFile(rootDir, requestUrl);
  if (file) return file;
  const segments = rawPathSegments(requestUrl);
  const last = segments?.[segments.length - 1];
  if (!segments || last === undefined || last.includes('.')) return null;
  return resolveAppFile(rootDir, `${APP_ORIGIN}/${INDEX_FILE}`);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts refuse to run without a JavaScript content type, so every served file gets an exact one. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for a file served over the app protocol: its type, no sniffing, and the CSP on HTML. */
export function responseHeadersFor(file: string): Record<string, string> {
  const contentType = contentTypeFor(file);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}
