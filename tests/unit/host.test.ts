import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resolveStaticFile, type App } from '../../main/app';
import { startHost, type Host } from '../../main/host';
import { tempDir } from './support/temp-dir';
import { expectRefused } from './support/refusals';

/** A raw request, so tests can send the Host header a browser on another site would send. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser-mode host', () => {
  let app: App;
  let host: Host;
  let dir: string;

  beforeEach(async () => {
    dir = tempDir('host');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>信访工作台</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
    app = await openApp({ dataDir: path.join(dir, 'data') });
    host = await startHost(app, { rendererDir });
  });

  afterEach(async () => {
    await host.close();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = (headers: Record<string, string>, body: unknown) =>
    request(host.port, { method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only and prints a URL with the launch token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=${host.token}$`));
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token, in the result envelope', async () => {
    const r = await api({ Host: `127.0.0.1:${host.port}`, 'X-Desk-Token': host.token }, { name: 'setup.get', input: {} });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { needsSetup: true, officeName: null, testClock: false } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await api({ Host: `127.0.0.1:${host.port}` }, { name: 'setup.get', input: {} })).status).toBe(403);
    expect((await api({ Host: `127.0.0.1:${host.port}`, 'X-Desk-Token': 'x'.repeat(host.token.length) }, { name: 'setup.get' })).status).toBe(403);
  });

  it('refuses a request whose Host header names another site (DNS rebinding)', async () => {
    const r = await api({ Host: `evil.example:${host.port}`, 'X-Desk-Token': host.token }, { name: 'setup.get', input: {} });
    expect(r.status).toBe(421);
  });

  it('refuses the event stream without the token', async () => {
    const r = await request(host.port, { path: '/events?token=nope', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(403);
  });

  it('serves the renderer with a strict content security policy, and client routes fall back to the page', async () => {
    const page = await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('信访工作台');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const asset = await request(host.port, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(asset.headers['content-type']).toContain('text/javascript');
    const missing = await request(host.port, { path: '/assets/missing.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await request(host.port, { path: p, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(r.body).not.toContain('outside the renderer');
    }
    const root = path.join(dir, 'renderer');
    expect(resolveStaticFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStaticFile(root, '/a\\..\\..\\secret.txt')).toBeNull();
    expect(resolveStaticFile(root, '/%00')).toBeNull();
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('reports an unknown procedure and bad input as envelopes, not crashes', async () => {
    const headers = { Host: `127.0.0.1:${host.port}`, 'X-Desk-Token': host.token };
    const unknown = JSON.parse((await api(headers, { name: 'nope.nothing', input: {} })).body);
    expectRefused(unknown, 'unknown_procedure', '未知的操作');
    const bad = JSON.parse((await api(headers, { name: 'auth.login', input: { username: 5 } })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(Object.keys(bad.error.fields)).toContain('username');
    const notLoggedIn = JSON.parse((await api(headers, { name: 'petitions.list', input: {} })).body);
    expect(notLoggedIn).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } });
  });
});
