/**
 * Server mode on the office network (issue 16), as the county bureau starts it: the built host with
 * `--listen 127.0.0.1:PORT --public-name`, HTTPS with the office CA it makes, a clerk's browser that logs in at the
 * login page, registers a petition and gets a session cookie it cannot read (HttpOnly, Secure, SameSite=Strict).
 *
 * Chromium trusts the server the way a PC that installed the office CA does only in effect: Debian's Chromium
 * cannot be given a CA without a certificate database, so it is launched with --ignore-certificate-errors-spki-list
 * naming the server certificate's key, which accepts that key alone (another certificate would still be refused).
 * The certificate's chain to the CA and its names are tested with a real TLS client in tests/unit/office-ca.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { freePort, printedUrl } from './support/host';
import { ADMIN, officeTemplateDir } from './support/office-template';
import { PetitionIntake } from './pages/petition-intake';
import { PetitionDetailModel } from './pages/petition-detail';

const PUBLIC_NAME = 'xfj.county.local';

let child: ChildProcess | null = null;
let browser: Browser | null = null;
let dataDir = '';

test.afterEach(async () => {
  await browser?.close();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a clerk’s browser logs in over HTTPS with a session cookie it cannot read, and registers a petition', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-server-'));
  fs.cpSync(officeTemplateDir(), dataDir, { recursive: true });
  const port = await freePort();
  child = spawn(process.execPath, ['dist/main/host.cjs', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, '--public-name', PUBLIC_NAME], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const printed = await printedUrl(child);
  expect(printed).toBe(`https://${PUBLIC_NAME}:${port}/`);

  const server = new X509Certificate(fs.readFileSync(path.join(dataDir, 'tls', 'server.crt')));
  const spki = createHash('sha256').update(server.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--ignore-certificate-errors-spki-list=${spki}`],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const origin = `https://127.0.0.1:${port}`;
  await page.goto(`${origin}/`);

  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  // The push stream, refused before login, is opened again with the cookie once the person is signed in.
  const pushes = page.waitForResponse((r) => new URL(r.url()).pathname === '/events' && r.status() === 200);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
  await expect(page.getByText('服务器模式', { exact: true })).toBeVisible();
  await pushes;

  const cookies = await context.cookies(origin);
  expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite, path: c.path, session: c.expires === -1 }))).toEqual([
    { name: '__Host-desk-session', httpOnly: true, secure: true, sameSite: 'Strict', path: '/', session: true },
  ]);
  // The page's scripts never see the session, and the address bar never carried a token.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(page.url()).not.toContain('token');

  const intake = new PetitionIntake(page);
  await intake.open();
  await intake.fillPetitioner(1, { name: '郑玉兰', address: '城关镇青山村3组' });
  await intake.category('申诉求决类');
  await intake.pick('诉求事项', '（六）其他诉求（信访程序办理）');
  await intake.content({ summary: '反映征地补偿款未足额发放', request: '要求补发征地补偿款' });
  await intake.save();
  const year = new Date().getFullYear();
  await expect(new PetitionDetailModel(page).number()).toHaveText(`信〔${year}〕0001号`);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.resolve('tests/e2e/screenshots/server-mode-01-petition.png') });

  // A reload keeps the person signed in (the page is served with the cookie session's CSRF token).
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);

  // The audit screen names the address the changes came from.
  await page.goto(`${origin}/#/admin/audit`);
  await expect(page.getByTestId('audit-address').first()).toHaveText('127.0.0.1');
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.resolve('tests/e2e/screenshots/server-mode-02-audit.png') });

  // Logging out clears the cookie.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // Polled: the login form can show a moment before the browser has stored the cookie's removal (seen once in ten runs).
  await expect.poll(() => context.cookies(origin)).toEqual([]);
});
