/**
 * Server mode (issue 16): HTTPS on exactly the address given; the session in an HttpOnly, Secure, SameSite=Strict
 * cookie that the API reads instead of the body; every POST checked for its Origin and the session's CSRF token;
 * the event stream and attachments need the cookie; each PC's address is its own login-limit source.
 * Requests are made as a PC that installed the office CA would make them (a real TLS client trusting only it).
 */
import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app';
import { startHost, type Host } from '../../main/host';
import { officeTls } from '../../main/host/office-ca';
import { SOURCE_MAX_FAILURES } from '../../main/core/users/source-limit';
import { tempDir } from './support/temp-dir';

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

const PUBLIC_NAME = 'xfj.county.local';

describe('server mode', () => {
  let app: App;
  let host: Host;
  let dir: string;
  let ca: string;

  beforeEach(async () => {
    dir = tempDir('server-mode');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>信访工作台</title></head><body></body></html>');
    app = await openApp({ dataDir: path.join(dir, 'data') });
    const tls = await officeTls(path.join(dir, 'data'), ['127.0.0.1', PUBLIC_NAME]);
    ca = fs.readFileSync(tls.caFile, 'utf8');
    host = await startHost(app, { rendererDir, server: { listen: { address: '127.0.0.1', port: 0 }, publicName: PUBLIC_NAME, tls } });
  });

  afterEach(async () => {
    await host.close();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const origin = () => `https://127.0.0.1:${host.port}`;

  function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: host.port,
          ca,
          // The certificate is checked for the address connected to, whatever Host header a test sends.
          checkServerIdentity: (_name: string, cert: tls.PeerCertificate) => tls.checkServerIdentity('127.0.0.1', cert),
          method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers }, ...(options.localAddress ? { localAddress: options.localAddress } : {}) },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
          // The event stream never ends by itself: its first bytes are enough.
          if (res.headers['content-type'] === 'text/event-stream') res.once('data', () => { resolve({ status: res.statusCode ?? 0, body: '', headers: res.headers }); req.destroy(); });
        },
      );
      req.on('error', reject);
      if (options.body) req.write(options.body);
      req.end();
    });
  }

  /** A call as the page makes it: its Origin, the CSRF header, the cookie if it has one. */
  const call = (name: string, input: unknown, page: { cookie?: string; csrf?: string; origin?: string | null; localAddress?: string } = {}) =>
    request({
      method: 'POST',
      path: '/api',
      headers: {
        'Content-Type': 'application/json',
        ...(page.origin === null ? {} : { Origin: page.origin ?? origin() }),
        ...(page.csrf === undefined ? { 'X-Desk-CSRF': '-' } : page.csrf === '' ? {} : { 'X-Desk-CSRF': page.csrf }),
        ...(page.cookie ? { Cookie: page.cookie } : {}),
      },
      body: JSON.stringify({ name, input }),
      ...(page.localAddress ? { localAddress: page.localAddress } : {}),
    });

  const envelope = (a: Answer) => JSON.parse(a.body) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

  /** Sets the office up through the API; the admin's browser then holds the cookie and the CSRF token. */
  async function setUp() {
    const a = await call('setup.create', { officeName: '县信访局', township: '城关镇', timeZone: 'Asia/Shanghai', admin: { username: 'admin', displayName: '王管理', password: 'Admin2026' } });
    const setCookie = String(a.headers['set-cookie']);
    const cookie = setCookie.split(';')[0] ?? '';
    return { answer: a, setCookie, cookie, csrf: String(envelope(a).value?.token) };
  }

  it('serves HTTPS on exactly the address given, printing its https:// address, and nothing on another address of the PC', async () => {
    expect(host.url).toBe(`https://${PUBLIC_NAME}:${host.port}/`);
    expect(host.token).toBe('');
    expect((await request({ path: '/' })).status).toBe(200);
    // 127.0.0.2 is this PC too (the loopback network), but not the address given.
    const other = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(other).toBe('ECONNREFUSED');
  });

  it('accepts the listen address and the public name in the Host header and refuses any other, in Chinese with the address to use', async () => {
    expect((await request({ path: '/', headers: { Host: `${PUBLIC_NAME}:${host.port}` } })).status).toBe(200);
    const refused = await request({ path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(refused.status).toBe(421);
    expect(refused.body).toBe(`请用 https://${PUBLIC_NAME}:${host.port}/ 打开信访工作台（这个地址不是本服务器的访问地址）`);
    expect((await request({ method: 'POST', path: '/api', headers: { Host: `evil.example:${host.port}`, Origin: `https://evil.example:${host.port}`, 'X-Desk-CSRF': '-' }, body: '{"name":"setup.get"}' })).status).toBe(421);
  });

  it('refuses a POST without an Origin, with another site’s Origin, or with a plain-HTTP Origin, and does not run it', async () => {
    for (const o of [null, 'https://evil.example', `http://127.0.0.1:${host.port}`, `https://${PUBLIC_NAME}:${host.port}`]) {
      const a = await call('setup.create', { officeName: '假办公室', township: '假镇', timeZone: 'Asia/Shanghai', admin: { username: 'x', displayName: '某', password: 'Admin2026' } }, { origin: o });
      expect(a.status).toBe(403);
      expect(envelope(a).error).toEqual({ code: 'forbidden', message: '请求不是从信访工作台的页面发出的，已拒绝：请在浏览器地址栏直接打开信访工作台后再操作' });
    }
    expect(envelope(await call('setup.get', {})).value).toMatchObject({ needsSetup: true });
  });

  it('refuses a POST without the CSRF header, even before login', async () => {
    const a = await call('setup.get', {}, { csrf: '' });
    expect(a.status).toBe(403);
    expect(envelope(a).error?.message).toBe('页面的安全校验已失效，操作没有执行：请刷新页面，必要时重新登录');
  });

  it('answers login with a session cookie (HttpOnly, Secure, SameSite=Strict, Path=/) and gives the page only the CSRF token', async () => {
    const { answer, setCookie, cookie, csrf } = await setUp();
    expect(answer.status).toBe(200);
    expect(setCookie).toMatch(/^__Host-desk-session=[A-Za-z0-9_-]{40,}; HttpOnly; Secure; SameSite=Strict; Path=\/$/);
    const session = cookie.split('=')[1] ?? '';
    expect(csrf).not.toBe(session);
    expect(answer.body).not.toContain(session);
    expect(envelope(await call('auth.get', {}, { cookie, csrf })).value).toMatchObject({ user: { username: 'admin' } });
    // Logging in again gives a new cookie the same way.
    const again = await call('auth.login', { username: 'admin', password: 'Admin2026' });
    expect(String(again.headers['set-cookie'])).toMatch(/^__Host-desk-session=.+; HttpOnly; Secure; SameSite=Strict; Path=\/$/);
  });

  it('refuses a call whose CSRF token is not the cookie session’s, and does not run it', async () => {
    const { cookie, csrf } = await setUp();
    for (const wrong of ['-', `${csrf.slice(0, -2)}xx`]) {
      const a = await call('units.create', { name: '东风村', kind: 'village' }, { cookie, csrf: wrong });
      expect(a.status).toBe(403);
      expect(envelope(a).error?.message).toBe('页面的安全校验已失效，操作没有执行：请刷新页面，必要时重新登录');
    }
    const units = envelope(await call('units.list', {}, { cookie, csrf })).value as unknown as unknown[];
    expect(units).toEqual([]);
  });

  it('reads the session from the cookie only: a session in the body is not a login', async () => {
    const { cookie } = await setUp();
    const session = cookie.split('=')[1] ?? '';
    const a = await request({
      method: 'POST',
      path: '/api',
      headers: { 'Content-Type': 'application/json', Origin: origin(), 'X-Desk-CSRF': '-' },
      body: JSON.stringify({ name: 'auth.get', input: {}, session }),
    });
    expect(envelope(a).error).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
  });

  it('clears the cookie at logout, and the old cookie no longer signs in', async () => {
    const { cookie, csrf } = await setUp();
    const out = await call('auth.logout', {}, { cookie, csrf });
    expect(String(out.headers['set-cookie'])).toBe('__Host-desk-session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0');
    const after = await call('auth.get', {}, { cookie, csrf });
    expect(envelope(after).error?.code).toBe('unauthenticated');
    expect(String(after.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('lets the event stream and attachments in with the session cookie only, saying in Chinese to log in', async () => {
    const refused = await request({ path: '/events' });
    expect(refused.status).toBe(401);
    expect(refused.body).toBe('请先登录信访工作台');
    const attachment = await request({ path: '/attachments/some-ticket' });
    expect(attachment.status).toBe(403);
    expect(attachment.body).toBe('请先登录信访工作台');
    const { cookie } = await setUp();
    const stream = await request({ path: '/events', headers: { Cookie: cookie } });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
  });

  it('tells the page it is in server mode, with the CSRF token of the cookie’s session when there is one', async () => {
    const anonymous = await request({ path: '/' });
    expect(anonymous.body).toContain('<title>信访工作台</title><meta name="petition-desk-mode" content="server"></head>');
    expect(anonymous.body).not.toContain('petition-desk-csrf');
    const { cookie, csrf } = await setUp();
    expect((await request({ path: '/petitions', headers: { Cookie: cookie } })).body).toContain(`<meta name="petition-desk-csrf" content="${csrf}">`);
  });

  it('limits failed logins per address: a locked-out PC gets a Chinese message while another PC still logs in', async () => {
    await setUp();
    const from = '127.0.0.2';
    // Unknown user names: no account's own lock-out is involved, only the address's.
    const tries = Array.from({ length: SOURCE_MAX_FAILURES }, (_, i) => call('auth.login', { username: `nobody${i}`, password: 'guess-1234' }, { localAddress: from }));
    for (const a of await Promise.all(tries)) expect(envelope(a).error?.code).toBe('unauthenticated');
    const locked = envelope(await call('auth.login', { username: 'admin', password: 'Admin2026' }, { localAddress: from }));
    expect(locked.error?.message).toMatch(/^登录尝试过于频繁，请在\d+分钟后再试$/);
    const elsewhere = envelope(await call('auth.login', { username: 'admin', password: 'Admin2026' }, { localAddress: '127.0.0.1' }));
    expect(elsewhere.ok).toBe(true);
    // A wrong password for a real account is audited with the address of the PC that tried.
    await call('auth.login', { username: 'admin', password: 'not-it-2026' }, { localAddress: '127.0.0.3' });
    const failed = await app.core.db.selectFrom('audit').select('address').where('action', '=', 'user.loginFailed').execute();
    expect(failed.map((r) => r.address)).toEqual(['127.0.0.3']);
  }, 120_000);
});
