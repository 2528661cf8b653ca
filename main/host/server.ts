/**
 * Browser mode: the same procedure table over HTTP, and pushes over server-sent events, on 127.0.0.1 only.
 * A per-launch token guards every API call; the Host header is checked so a web page elsewhere cannot
 * reach the API through a DNS-rebinding trick.
 *
 * Server mode (`server` in the options; issue 16): HTTPS on exactly the address given, for the PCs of an office
 * network. No launch token: the session is a cookie (session-cookie.ts) the API reads instead of the body's
 * `session`; every POST must come from a page of this server (its Origin) and carry the session's CSRF token; the
 * event stream and attachments need the cookie. The page is told which mode it is in by a meta tag.
 *
 * @example
 * const host = await startHost(app, { rendererDir: 'dist/renderer', port: 0 });
 * console.log(host.url); // http://127.0.0.1:49731/?token=…
 * const server = await startHost(app, { rendererDir, server: { listen: { address: '192.168.10.5', port: 8443 }, publicName: null, tls } });
 * console.log(server.url); // https://192.168.10.5:8443/
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, attachmentAnswer, isAttachmentPath, resolveStaticFile, responseHeadersFor, staticAnswer, type App } from '../app';
import { NOTICE_FONT_BASE_URL } from '../core/notices';
import { withRequestAddress } from '../core/audit';
import { t } from '../../shared/i18n';
import type { ErrorCode } from '../../shared/errors';
import type { ApiResult } from '../../shared/api';
import { allowedHosts, hostPart, isWildcard, type ListenAddress } from './listen';
import type { TlsMaterial } from './office-ca';
import { CSRF_HEADER, clearedSessionCookie, csrfMatches, csrfTokenFor, sameToken, sessionCookie, sessionFrom } from './session-cookie';

/** Server mode: where to listen, the name the PCs use, and the certificate. */
export interface ServerMode {
  readonly listen: ListenAddress;
  /** The host name or address the PCs type, when it is not the listen address itself. */
  readonly publicName: string | null;
  readonly tls: TlsMaterial;
}

export interface HostOptions {
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  /** The notice fonts (woff2/ttf/otf), served under NOTICE_FONT_PATH for the A4 preview; none when null. */
  readonly noticeFontDir?: string | null;
  /** Server mode on the office network; absent for the single-PC desk (127.0.0.1 and the launch token). */
  readonly server?: ServerMode;
}

/** Where notice HTML finds the fonts the app ships (its fontBaseUrl), in the preview and in the PDF maker. */
const NOTICE_FONT_PATH = NOTICE_FONT_BASE_URL;

export interface Host {
  /** Bytes of request bodies being received right now (for tests of the cap). */
  readonly inFlightBodyBytes: () => number;
  readonly url: string;
  readonly port: number;
  /** The launch token (desk mode); empty in server mode, where nothing accepts it. */
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024;
/**
 * All request bodies being received at once, together: a few large uploads in parallel are fine, a flood of
 * them is refused (503) before they fill the memory of the process that holds the database.
 */
export const MAX_IN_FLIGHT_BODY_BYTES = 96 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

/** Answers that are not files (the API, refusals) carry the page's protections too. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
} as const;

/**
 * The peer's address as a person reads it: an IPv4 peer of a dual-stack socket is given as ::ffff:a.b.c.d, which
 * would count one PC under two names in the login limit and the audit log.
 */
export function remoteAddress(req: http.IncomingMessage): string | null {
  const address = req.socket.remoteAddress;
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

function sendFile(res: http.ServerResponse, method: string | undefined, file: string, headers: Readonly<Record<string, string>>): void {
  res.writeHead(200, headers);
  if (method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

/** An API refusal in the same envelope the page reads from every answer, with the HTTP status that fits. */
function sendError(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8');
}

/** The page's mode for the renderer's API client (renderer/src/platform/api-client.ts reads these meta tags). */
const MODE_META = 'petition-desk-mode';
const CSRF_META = 'petition-desk-csrf';

/** index.html as server mode serves it: told it is in server mode, and, with a session cookie, that session's CSRF token. */
function serverPage(file: string, session: string | null): string {
  const meta = `<meta name="${MODE_META}" content="server">${session ? `<meta name="${CSRF_META}" content="${csrfTokenFor(session)}">` : ''}`;
  const html = fs.readFileSync(file, 'utf8');
  // At the end of the head, after the charset, before the scripts run (they are modules, so deferred anyway).
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}${html}`;
}

/**
 * Server mode: what a POST to the API must show before its body is read, or the refusal. The Origin must be this
 * server as the request names it (a page of another site cannot send it; browsers add it to every POST), and the
 * CSRF header must be there: the session's token when a session cookie comes along, else any value (the call is then
 * anonymous; a custom header alone already keeps other sites from sending it without CORS, which this server never grants).
 */
function serverPostRefusal(req: http.IncomingMessage, host: string, session: string | null): string | null {
  const origin = req.headers.origin;
  if (origin !== `https://${host}`) return t('server.refused.origin');
  const csrf = req.headers[CSRF_HEADER];
  if (typeof csrf !== 'string' || csrf === '') return t('server.refused.csrf');
  if (session !== null && !csrfMatches(csrf, session)) return t('server.refused.csrf');
  return null;
}

/**
 * Server mode: the answer as the page gets it, and the cookie change it brings. A login or the office's setup sets
 * the cookie and gives the page the CSRF token in place of the session token (which the page never sees); a logout,
 * or a call the core refuses for a session it no longer knows, clears it.
 */
function cookieAnswer(name: string, result: ApiResult<unknown>, session: string | null): { result: ApiResult<unknown>; setCookie: string | null } {
  if ((name === 'auth.login' || name === 'setup.create') && result.ok) {
    const value = result.value as { token: string };
    return { result: { ok: true, value: { ...value, token: csrfTokenFor(value.token) } }, setCookie: sessionCookie(value.token) };
  }
  if (name === 'auth.logout' || (session !== null && !result.ok && result.error.code === 'unauthenticated' && name !== 'auth.login')) {
    return { result, setCookie: clearedSessionCookie() };
  }
  return { result, setCookie: null };
}

type Refusal = 'too_large' | 'too_busy';
type BodyRead = { readonly body: string } | { readonly refused: Refusal };

/** Counts the bytes of every body being read, so their sum stays under {@link MAX_IN_FLIGHT_BODY_BYTES}. */
class BodyBudget {
  #inFlight = 0;
  get inFlight(): number {
    return this.#inFlight;
  }
  /**
   * Reads the body, or says why not: too large on its own, or too much arriving at once. A refused body is drained
   * (not kept) so the refusal can still be sent on the same connection.
   */
  read(req: http.IncomingMessage): Promise<BodyRead> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return Promise.resolve(this.#drain(req, 'too_large'));
    if (this.#inFlight + declared > MAX_IN_FLIGHT_BODY_BYTES) return Promise.resolve(this.#drain(req, 'too_busy'));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (outcome: BodyRead | Refusal | Error) => {
        req.off('data', onData).off('end', onEnd).off('error', onEnd);
        this.#inFlight -= size;
        chunks.length = 0;
        if (outcome instanceof Error) reject(outcome);
        else resolve(typeof outcome === 'string' ? this.#drain(req, outcome) : outcome);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        this.#inFlight += chunk.length;
        if (size > MAX_BODY_BYTES) finish('too_large');
        else if (this.#inFlight > MAX_IN_FLIGHT_BODY_BYTES) finish('too_busy');
        else chunks.push(chunk);
      };
      const onEnd = (error?: Error) => finish(error instanceof Error ? error : { body: Buffer.concat(chunks).toString('utf8') });
      req.on('data', onData).on('end', onEnd).on('error', onEnd);
    });
  }

  #drain(req: http.IncomingMessage, refused: Refusal): BodyRead {
    req.resume();
    return { refused };
  }
}

export async function startHost(app: App, options: HostOptions): Promise<Host> {
  const mode = options.server ?? null;
  if (mode && isWildcard(mode.listen.address) && !mode.publicName) throw new Error('server mode on a wildcard address needs a public name');
  const token = mode ? '' : (options.token ?? randomBytes(24).toString('base64url'));
  // Server mode: the Host values accepted and the address printed, worked out once the port is known (tests ask for port 0).
  let hosts: ReadonlySet<string> | null = null;
  let publicUrl = '';
  let port = 0;
  const clients = new Set<http.ServerResponse>();
  const budget = new BodyBudget();

  const unsubscribe = app.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(line);
  });

  /** Server mode: whether the cookie's session is one the core still knows (the event stream and attachments need one). */
  const signedIn = async (session: string | null) => session !== null && (await app.api.call({ name: 'auth.get', input: {}, session })).ok;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const host = (req.headers.host ?? '').toLowerCase();
      if (mode) {
        // Browsers ignore HSTS for an IP address; a name the PCs use keeps them on HTTPS.
        res.setHeader('Strict-Transport-Security', 'max-age=31536000');
        if (!hosts?.has(host)) return send(res, 421, t('server.refused.host', { url: publicUrl }));
      } else if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Misdirected request');
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
      // Server mode reads the session from the cookie only; desk mode has none.
      const cookieSession = mode ? sessionFrom(req.headers.cookie) : null;

      if (url.pathname === '/api') {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        if (mode) {
          const refusal = serverPostRefusal(req, host, cookieSession);
          if (refusal) {
            req.resume();
            return sendError(res, 403, 'forbidden', refusal);
          }
        } else if (!sameToken(req.headers['x-desk-token'] as string | undefined, token)) return send(res, 403, 'Bad token');
        const read = await budget.read(req);
        if ('refused' in read && read.refused === 'too_large') {
          return sendError(res, 413, 'invalid_input', t('security.errors.tooLarge', { mb: MAX_BODY_BYTES / 1024 / 1024 }));
        }
        if ('refused' in read) {
          return sendError(res, 503, 'internal', t('security.errors.tooBusy'));
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(read.body);
        } catch {
          return sendError(res, 400, 'invalid_input', t('security.errors.badJson'));
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          return sendError(res, 400, 'invalid_input', t('security.errors.notAnObject'));
        }
        const request = parsed as { name?: unknown; input?: unknown; session?: unknown };
        const address = remoteAddress(req);
        const name = typeof request.name === 'string' ? request.name : '';
        const session = mode ? cookieSession : typeof request.session === 'string' ? request.session : null;
        // Every audit row this call writes carries the caller's address (main/core/audit/request-address.ts).
        const result = await withRequestAddress(address, () =>
          app.api.call({
            name,
            input: request.input,
            session,
            // Desk mode: loopback only, so in practice one source for the machine; server mode: each PC is its own
            // source (main/core/users/source-limit.ts).
            source: address ?? 'unknown',
          }),
        );
        if (!mode) return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
        const answer = cookieAnswer(name, result, cookieSession);
        if (answer.setCookie) res.setHeader('Set-Cookie', answer.setCookie);
        return send(res, 200, JSON.stringify(answer.result), 'application/json; charset=utf-8');
      }

      if (url.pathname === '/events') {
        if (mode) {
          if (!(await signedIn(cookieSession))) return send(res, 401, t('server.refused.signIn'));
        } else if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'Bad token');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
      // The path exactly as sent: the shared resolver refuses `..` and its encodings rather than normalising them.
      const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
      if (isAttachmentPath(rawPath)) {
        // The ticket in the path is the check: issued by the core to a signed-in user over the token-checked API.
        // On the office network the ticket alone is not enough: the browser must also be signed in.
        if (mode && !(await signedIn(cookieSession))) return send(res, 403, t('server.refused.signIn'));
        const answer = await attachmentAnswer(app.core, req.method, rawPath);
        if (!answer.file) {
          res.writeHead(answer.status, answer.headers);
          return res.end(answer.status === 403 ? 'Forbidden' : '');
        }
        return sendFile(res, req.method, answer.file, answer.headers);
      }
      if (rawPath.startsWith(NOTICE_FONT_PATH)) {
        // Fonts only, from their own folder; nothing else is reachable under this path.
        const fontDir = options.noticeFontDir;
        const font = fontDir ? resolveStaticFile(fontDir, rawPath.slice(NOTICE_FONT_PATH.length - 1)) : null;
        if (!font || !/\.(woff2?|ttf|otf)$/i.test(font)) return send(res, 404, 'Not found');
        return sendFile(res, req.method, font, responseHeadersFor(font));
      }
      const answer = staticAnswer(options.rendererDir, req.method, rawPath);
      if (!answer.file) return send(res, 404, 'Not found');
      if (mode && answer.file === path.join(options.rendererDir, 'index.html')) {
        res.writeHead(200, answer.headers);
        return res.end(req.method === 'HEAD' ? undefined : serverPage(answer.file, cookieSession));
      }
      return sendFile(res, req.method, answer.file, answer.headers);
    })().catch((err: unknown) => {
      console.error('[host] request failed:', err);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  };
  const server = mode ? https.createServer({ cert: mode.tls.cert, key: mode.tls.key, minVersion: 'TLSv1.2' }, handler) : http.createServer(handler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Exactly the address given: server mode never widens it, desk mode is loopback only.
    if (mode) server.listen(mode.listen.port, mode.listen.address, () => resolve());
    else server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (mode) {
    hosts = allowedHosts({ ...mode.listen, port }, mode.publicName);
    publicUrl = `https://${hostPart(mode.publicName ?? mode.listen.address)}${port === 443 ? '' : `:${port}`}/`;
  }
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  return {
    inFlightBodyBytes: () => budget.inFlight,
    url: mode ? publicUrl : `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
