/**
 * Browser mode: the same procedure table over HTTP, and pushes over server-sent events, on 127.0.0.1 only.
 * A per-launch token guards every API call; the Host header is checked so a web page elsewhere cannot
 * reach the API through a DNS-rebinding trick.
 *
 * @example
 * const host = await startHost(app, { rendererDir: 'dist/renderer', port: 0 });
 * console.log(host.url); // http://127.0.0.1:49731/?token=…
 */
import fs from 'node:fs';
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, attachmentAnswer, isAttachmentPath, resolveStaticFile, responseHeadersFor, staticAnswer, type App } from '../app';
import { NOTICE_FONT_BASE_URL } from '../core/notices';

export interface HostOptions {
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  /** The notice fonts (woff2/ttf/otf), served under NOTICE_FONT_PATH for the A4 preview; none when null. */
  readonly noticeFontDir?: string | null;
}

/** Where notice HTML finds the fonts the app ships (its fontBaseUrl), in the preview and in the PDF maker. */
const NOTICE_FONT_PATH = NOTICE_FONT_BASE_URL;

export interface Host {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

/** Answers that are not files (the API, refusals) carry the page's protections too. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
} as const;

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
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

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(app: App, options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const clients = new Set<http.ServerResponse>();

  const unsubscribe = app.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(line);
  });

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Misdirected request');
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

      if (url.pathname === '/api') {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        if (!sameToken(req.headers['x-desk-token'] as string | undefined, token)) return send(res, 403, 'Bad token');
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'Too large');
        let request: { name?: unknown; input?: unknown; session?: unknown };
        try {
          request = JSON.parse(body) as typeof request;
        } catch {
          return send(res, 400, 'Bad JSON');
        }
        const result = await app.api.call({
          name: String(request.name ?? ''),
          input: request.input,
          session: typeof request.session === 'string' ? request.session : null,
        });
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

      if (url.pathname === '/events') {
        if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'Bad token');
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
      return sendFile(res, req.method, answer.file, answer.headers);
    })().catch((err: unknown) => {
      console.error('[host] request failed:', err);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
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
