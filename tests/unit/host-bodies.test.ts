/**
 * Issue 12, findings 7 and 11 in browser mode: bodies that are not a request object get a clear 400 in the
 * envelope (not a 500), many large bodies at once are capped, and the test clock needs --test-clock and an admin.
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app';
import { startHost, MAX_IN_FLIGHT_BODY_BYTES, type Host } from '../../main/host/server';
import { testApp } from './support/test-app';
import { tempDir } from './support/temp-dir';

function post(port: number, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Desk-Token': token } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let token = '';

describe('request bodies in browser mode', () => {
  let app: App;
  let host: Host;

  beforeEach(async () => {
    const dir = tempDir('bodies');
    fs.mkdirSync(path.join(dir, 'renderer'));
    app = await openApp({ dataDir: path.join(dir, 'data'), startScheduler: false });
    host = await startHost(app, { rendererDir: path.join(dir, 'renderer') });
    token = host.token;
  });
  afterEach(async () => {
    await host.close();
    await app.close();
  });

  it.each([
    ['null', 'null', '请求的内容应为一个对象（{…}），请检查后重试'],
    ['an array', '[]', '请求的内容应为一个对象（{…}），请检查后重试'],
    ['a number', '42', '请求的内容应为一个对象（{…}），请检查后重试'],
    ['broken JSON', '{"name":', '请求的内容不是有效的 JSON，请检查后重试'],
  ])('%s is a 400 in the envelope', async (_label, body, message) => {
    const r = await post(host.port, body);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'invalid_input', message } });
  });

  it('a name that is not text is an unknown procedure, not a crash', async () => {
    const r = await post(host.port, JSON.stringify({ name: { toString: 1 }, input: null }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('refuses a body while too many large ones are arriving at once, and takes it again when they are done', async () => {
    const chunk = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const slow: http.ClientRequest[] = [];
    const answers: Promise<number>[] = [];
    // Bodies that keep arriving: together just under the cap.
    const each = 7 * chunk.length;
    const count = Math.floor(MAX_IN_FLIGHT_BODY_BYTES / each);
    for (let i = 0; i < count; i++) {
      const req = http.request({
        host: '127.0.0.1', port: host.port, method: 'POST', path: '/api',
        headers: { Host: `127.0.0.1:${host.port}`, 'X-Desk-Token': token, 'Content-Length': String(each + 10) },
      });
      answers.push(new Promise((resolve) => req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', () => resolve(0))));
      for (let sent = 0; sent < each; sent += chunk.length) req.write(chunk);
      slow.push(req);
    }
    await expect.poll(() => host.inFlightBodyBytes(), { timeout: 20_000 }).toBe(count * each);
    const refused = await post(host.port, JSON.stringify({ name: 'setup.get', input: {}, pad: 'x'.repeat(MAX_IN_FLIGHT_BODY_BYTES - count * each + 1024) }));
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toEqual({ ok: false, error: { code: 'internal', message: '本机正在接收的数据过多，请稍候再试' } });
    for (const req of slow) req.end('x'.repeat(10));
    await Promise.all(answers);
    expect(host.inFlightBodyBytes()).toBe(0);
    expect((await post(host.port, JSON.stringify({ name: 'setup.get', input: {} }))).status).toBe(200);
  });

  it('passes the peer address on as the source of login attempts', async () => {
    // Unknown user names from 127.0.0.1 count against that source; the answer stays the ordinary one.
    const r = await post(host.port, JSON.stringify({ name: 'auth.login', input: { username: 'nobody', password: 'Wrong2026' } }));
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '用户名或密码不正确（还可再试5次）' } });
  });
});

describe('the test clock', () => {
  it('moves only in an app started with it, and only for an admin', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const duty = await t.addUser(admin, 'duty1', 'duty_officer');
    expect((await t.call(null, 'clock.set', { advanceMs: 1000 })).ok).toBe(false);
    const forbidden = await t.call(duty.token, 'clock.set', { advanceMs: 1000 });
    expect(forbidden.ok ? '' : forbidden.error.code).toBe('forbidden');
    // This app has no test clock at all: even the admin cannot move time.
    const noClock = await t.call(admin, 'clock.set', { advanceMs: 1000 });
    expect(noClock.ok ? '' : noClock.error.code).toBe('forbidden');
    await t.close();

    const dir = tempDir('clock');
    const app = await openApp({ dataDir: dir, testClock: true, startScheduler: false });
    const setup = await app.api.call({ name: 'setup.create', input: { officeName: '青山镇信访办', township: '青山镇', admin: { username: 'admin', displayName: '王管理', password: 'Admin2026' } } });
    const session = setup.ok ? (setup.value as { token: string }).token : '';
    expect((await app.api.call({ name: 'clock.set', input: { setNow: Date.UTC(2030, 0, 1) } })).ok).toBe(false);
    const moved = await app.api.call({ name: 'clock.set', input: { setNow: Date.UTC(2030, 0, 1) }, session });
    expect(moved.ok).toBe(true);
    await app.close();
  });
});
