/**
 * The built page is served by one module in both shells (main/app/static-files): browser mode over HTTP and
 * Electron over app://. The same files get the same types and the same content security policy whichever shell
 * serves them, nothing outside the renderer folder is ever read, and the page's icon is there, so a browser
 * loading the page gets no 404 for /favicon.ico.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  openApp,
  resolveStaticFile,
  responseHeadersFor,
  staticAnswer,
  type App,
} from '../../main/app';
import { startHost, type Host } from '../../main/host';
import { respondWithAppFile } from '../../main/electron/app-files';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-static-'));
const root = path.join(base, 'renderer');
const FAVICON = path.join(__dirname, '..', '..', 'renderer', 'public', 'favicon.ico');

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>信访工作台</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'alarm.mp3'), 'mp3');
  fs.writeFileSync(path.join(root, 'assets', 'harfbuzz.wasm'), 'wasm');
  fs.copyFileSync(FAVICON, path.join(root, 'favicon.ico'));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('allows only the app itself, with inline styles for Mantine', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
  });

  it('never allows inline or evaluated scripts', () => {
    expect(directives.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval|data:|\*/);
  });
});

describe('response headers', () => {
  it('gives module scripts and styles their exact types', () => {
    expect(contentTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/fonts/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/unknown.bin')).toBe('application/octet-stream');
  });

  it('puts the CSP on HTML and nosniff on everything', () => {
    expect(responseHeadersFor('/r/index.html')['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeadersFor('/r/assets/a.js')['content-security-policy']).toBeUndefined();
    expect(responseHeadersFor('/r/assets/a.js')['x-content-type-options']).toBe('nosniff');
  });

  it('never lets the page be cached, and caches hashed assets for good', () => {
    expect(responseHeadersFor('/r/index.html')['cache-control']).toBe('no-store');
    expect(responseHeadersFor('/r/assets/index-abc.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(responseHeadersFor('/r/favicon.ico')['cache-control']).toBe('no-cache');
  });
});

describe('resolveStaticFile', () => {
  it('maps the page, assets and the icon to files in the folder', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-abc.js?v=2')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticFile(root, '/favicon.ico')).toBe(path.join(root, 'favicon.ico'));
  });

  it.each([
    ['dot-dot', '/../secret.txt'],
    ['encoded dot-dot', '/%2e%2e/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['backslash', '/a\\..\\..\\secret.txt'],
    ['NUL', '/%00'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['absolute path after a double slash', `//${base.slice(1)}/secret.txt`],
    ['symlink out of the folder', '/assets/link.txt'],
    ['a folder', '/assets'],
    ['no leading slash', 'index.html'],
  ])('refuses %s', (_label, urlPath) => {
    expect(resolveStaticFile(root, urlPath)).toBeNull();
  });
});

describe('staticAnswer', () => {
  it('answers a client route with the page, and a missing asset or a traversal with 404', () => {
    expect(staticAnswer(root, 'GET', '/petitions/12')).toMatchObject({ status: 200, file: path.join(root, 'index.html') });
    expect(staticAnswer(root, 'GET', '/assets/missing.js')).toMatchObject({ status: 404, file: null });
    expect(staticAnswer(root, 'GET', '/%2e%2e/secret')).toMatchObject({ status: 404, file: null });
    expect(staticAnswer(root, 'GET', null)).toMatchObject({ status: 404, file: null });
  });

  it('refuses anything but GET and HEAD', () => {
    expect(staticAnswer(root, 'POST', '/index.html')).toMatchObject({ status: 405, file: null });
    expect(staticAnswer(root, 'HEAD', '/index.html')).toMatchObject({ status: 200 });
  });
});

describe('both shells serve the same', () => {
  let app: App;
  let host: Host;

  beforeAll(async () => {
    app = await openApp({ dataDir: path.join(base, 'data') });
    host = await startHost(app, { rendererDir: root });
  });

  afterAll(async () => {
    await host.close();
    await app.close();
  });

  function overHttp(urlPath: string) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: urlPath, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  const SAME = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control'] as const;

  it.each(['/', '/petitions/12', '/assets/index-abc.js', '/assets/index-abc.css', '/assets/alarm.mp3', '/assets/harfbuzz.wasm', '/favicon.ico'])(
    '%s: the same status, type, CSP and caching over HTTP and over app://',
    async (urlPath) => {
      const browser = await overHttp(urlPath);
      const electron = await respondWithAppFile(root, new Request(`app://desk${urlPath}`));
      expect(browser.status).toBe(200);
      expect(electron.status).toBe(200);
      for (const name of SAME) expect([name, browser.headers[name] ?? null]).toEqual([name, electron.headers.get(name)]);
      expect(browser.body.equals(Buffer.from(await electron.arrayBuffer()))).toBe(true);
    },
  );

  it('neither serves a file outside the folder', async () => {
    for (const urlPath of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/link.txt']) {
      expect((await overHttp(urlPath)).status).toBe(404);
      expect((await respondWithAppFile(root, new Request(`app://desk${urlPath}`))).status).toBe(404);
    }
  });
});

describe('the page icon', () => {
  it('ships as an ICO in the public folder, 16 and 32 pixels among its sizes, served as image/x-icon', () => {
    const ico = fs.readFileSync(FAVICON);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32]));
    expect(responseHeadersFor(FAVICON)['content-type']).toBe('image/x-icon');
  });
});
