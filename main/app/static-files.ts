/**
 * The built renderer's files as both shells serve them: browser mode over HTTP (main/host) and Electron over the
 * app:// protocol (main/electron). One resolver refuses every path that tries to leave the folder, one table
 * gives each file its exact type, and one set of headers carries the content security policy, so the page is
 * served the same way whichever shell runs it. Transport-neutral: it reads the file system and returns plain
 * values; each shell turns them into its own response.
 *
 * @example
 * const answer = staticAnswer(rendererDir, 'GET', '/petitions/12');      // a client route: index.html
 * answer.status   // 200
 * answer.file     // '/opt/app/dist/renderer/index.html'
 * answer.headers  // { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; …", … }
 */
import fs from 'node:fs';
import path from 'node:path';

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

/** Sent as a response header with every HTML page (a header, so frame-ancestors counts). */
export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

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
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Module scripts refuse to run without a JavaScript content type, so every served file gets an exact one. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite names what it builds into assets/ by content hash: such a file never changes under its name. */
const HASHED_FOLDER = 'assets';

/**
 * Headers for a served file: its type, no sniffing, no referrer; on an HTML page also the CSP and the frame
 * refusal for engines older than frame-ancestors. The page itself is never cached (an update shows at once);
 * hashed assets are cached for good; anything else is revalidated.
 */
export function responseHeadersFor(file: string): Record<string, string> {
  const contentType = contentTypeFor(file);
  const html = contentType.startsWith('text/html');
  const hashed = path.basename(path.dirname(file)) === HASHED_FOLDER;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': html ? 'no-store' : hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (html) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
  }
  return headers;
}

const INDEX_FILE = 'index.html';
// Both slashes and the colon (drive letters, NTFS streams) have no place in a file name the renderer build
// produces; neither have control characters.
const UNSAFE_SEGMENT_CHARS = /[/\\:]/;

/** Control characters (and, when asked, the space): C0, DEL. */
export function hasControlChars(text: string, includingSpace: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || (includingSpace && code === 0x20)) return true;
  }
  return false;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The path segments exactly as written in the URL path (a URL parser would resolve `..` and hide the attempt),
 * decoded, or null when any of them tries to leave the folder. '' and '/' are the page.
 */
function pathSegments(urlPath: string): string[] | null {
  const end = urlPath.search(/[?#]/);
  const rawPath = end === -1 ? urlPath : urlPath.slice(0, end);
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
 * Maps a URL path (as sent, before any normalising) to a regular file inside `rootDir`, or null. Anything that
 * tries to leave the folder (`..`, `%2e%2e`, `%2f`, backslashes, drive letters, NUL, a symlink pointing out) is
 * refused, not normalised; so are folders and missing files. Reads the file system (stat, realpath), never writes.
 *
 * @example
 * resolveStaticFile('/opt/app/dist/renderer', '/')                  // '/opt/app/dist/renderer/index.html'
 * resolveStaticFile('/opt/app/dist/renderer', '/%2e%2e/secret.txt') // null
 */
export function resolveStaticFile(rootDir: string, urlPath: string): string | null {
  const segments = pathSegments(urlPath);
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
 * Like {@link resolveStaticFile}, but a missing extension-less path (a client-side route such as `/petitions/12`)
 * gets index.html, so reloading on a route still shows the app. A missing asset stays missing.
 */
export function resolveStaticRequest(rootDir: string, urlPath: string): string | null {
  const file = resolveStaticFile(rootDir, urlPath);
  if (file) return file;
  const segments = pathSegments(urlPath);
  const last = segments?.[segments.length - 1];
  if (!segments || last === undefined || last.includes('.')) return null;
  return resolveStaticFile(rootDir, `/${INDEX_FILE}`);
}

export interface StaticAnswer {
  readonly status: 200 | 404 | 405;
  /** The file to send on 200 (send nothing for HEAD); null otherwise. */
  readonly file: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What to answer a request for a static file: the file and its headers, 404, or 405 for anything but GET and
 * HEAD. `urlPath` is the path as sent, or null when the shell found the request is not for its origin (404).
 */
export function staticAnswer(rootDir: string, method: string, urlPath: string | null): StaticAnswer {
  // The renderer only ever reads its own files; nothing may be posted to them.
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, file: null, headers: { allow: 'GET, HEAD', 'x-content-type-options': 'nosniff' } };
  const file = urlPath === null ? null : resolveStaticRequest(rootDir, urlPath);
  if (!file) return { status: 404, file: null, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } };
  return { status: 200, file, headers: responseHeadersFor(file) };
}
