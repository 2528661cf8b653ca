/**
 * Each test gets its own browser-mode host (a real Node process over a real SQLite file in a fresh temp
 * folder, with the test clock enabled) and a page already pointed at it.
 *
 * @example
 * test('registers a petition', async ({ desk, page }) => { await desk.setupOffice(); … });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', password: 'Admin2026', displayName: '王主任' } as const;
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export interface Desk {
  readonly url: string;
  readonly dataDir: string;
  /** Calls a procedure as the page's logged-in user would (for arranging data, never for asserting UI). */
  api<T = unknown>(name: string, input: unknown, session?: string | null): Promise<T>;
  /** Sets the office clock (epoch ms) in the host; the page follows through the clock.changed push. */
  setClock(ms: number): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Runs first-run setup through the UI and ends logged in as the admin. */
  setupOffice(): Promise<void>;
  /** Logs in through the API and returns the session token (for arranging data). */
  login(username: string, password: string): Promise<string>;
  screenshot(name: string): Promise<void>;
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/main/host.cjs', '--data-dir', dataDir, '--test-clock'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PETITION_DESK_URL=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { child, url };
}

export const test = base.extend<{ desk: Desk }>({
  desk: async ({ page }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-e2e-'));
    const { child, url } = await startHost(dataDir);
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token') ?? '';
    const call = async <T,>(name: string, input: unknown, session: string | null = null): Promise<T> => {
      const res = await fetch(`${origin}/api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
        body: JSON.stringify({ name, input, session }),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
      return body.value as T;
    };
    const desk: Desk = {
      url,
      dataDir,
      api: call,
      setClock: async (ms) => {
        await call('clock.set', { setNow: ms });
      },
      advanceClock: async (ms) => {
        await call('clock.set', { advanceMs: ms });
      },
      async setupOffice() {
        await page.goto(url);
        await page.getByLabel('办公室名称').fill('青山镇信访办公室');
        await page.getByLabel('乡镇名称').fill('青山镇');
        await page.getByLabel('姓名').fill(ADMIN.displayName);
        await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
        await page.getByLabel('再次输入密码').fill(ADMIN.password);
        await page.getByRole('button', { name: '完成设置并登录' }).click();
        await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
      },
      async login(username, password) {
        const r = await call<{ token: string }>('auth.login', { username, password });
        return r.token;
      },
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
      },
    };
    await use(desk);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (testInfo.status === testInfo.expectedStatus) fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Waits until the page shows no loading spinner, so screenshots show content. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
}
