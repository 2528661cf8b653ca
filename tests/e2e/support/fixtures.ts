/**
 * Each test gets its own browser-mode host (a real Node process over a real SQLite file in a fresh temp
 * folder, with the test clock enabled) and a page of its own. The folder starts as a copy of the office
 * template made once per run (see office-template.ts); `test.use({ office: 'empty' })` starts from an empty
 * folder instead, for first-run setup.
 *
 * The pages of one worker share a browser context, and its hosts one port after another, so the renderer's
 * scripts (1.8 MB, cached for good by their hashed names) load from the browser's cache after the first test:
 * about a second less per test. Nothing else carries over: the renderer keeps the session and the host token
 * in the tab's sessionStorage, which is new with every page, and uses no cookies or localStorage.
 *
 * @example
 * test('registers a petition', async ({ desk, page }) => { await desk.setupOffice(); … });
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { freePort, startHost, type Host } from './host';
import { ADMIN, officeTemplateDir } from './office-template';

export { ADMIN };
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

/** The office PC's screen and the office's language and zone. */
const CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** Where the renderer keeps the session in the tab (renderer/src/api/client.ts). */
const SESSION_KEY = 'petition-desk.session';

export interface Person {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

export interface Desk {
  /** The address with the host's per-launch token; opening it is how a person starts. */
  readonly url: string;
  readonly dataDir: string;
  /** Calls a procedure as the page's logged-in user would (for arranging data, never for asserting UI). */
  api<T = unknown>(name: string, input: unknown, session?: string | null): Promise<T>;
  /** Sets the office clock (epoch ms) in the host; the page follows through the clock.changed push. */
  setClock(ms: number): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /**
   * Opens the office (set up from the template) logged in as the admin, on the home page. The log-in goes
   * through the API at the office clock's now; the page gets the session as if the admin had typed it.
   */
  setupOffice(): Promise<void>;
  /**
   * Opens the desk logged in as this person, on the home page or at `hash` (e.g. '/petitions/1'): with their
   * `session` when the test has one it will not end, else through a new API log-in.
   */
  openAs(who: Person, options?: { hash?: string; session?: string }): Promise<void>;
  /** Logs in through the API and returns the session token (for arranging data). */
  login(username: string, password: string): Promise<string>;
  /** A screenshot for a person to look at; taken only when SCREENSHOTS=1, since no test reads them. */
  screenshot(name: string): Promise<void>;
}

/**
 * Runs in the page before its own scripts and puts the session where the renderer keeps it, once per tab:
 * the n-th `openAs` of a test seeds only if no later one has, so a reload never undoes a log-out or log-in.
 */
function seedSession(arg: { origin: string; key: string; session: string; seq: number }): void {
  if (window !== window.top || window.location.origin !== arg.origin) return;
  const marker = `${arg.key}.seeded-by-test`;
  if (Number(sessionStorage.getItem(marker) ?? 0) >= arg.seq) return;
  sessionStorage.setItem(marker, String(arg.seq));
  sessionStorage.setItem(arg.key, arg.session);
}

/** A test's host, starting: its data folder, and the host once it is up. */
interface StartingHost {
  readonly dataDir: string;
  readonly ready: Promise<Host>;
}

export const test = base.extend<
  { desk: Desk; office: 'template' | 'empty'; deskHost: StartingHost },
  { deskPort: number; deskContext: BrowserContext }
>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads what a fixture needs from this pattern: nothing here.
  deskPort: [async ({}, use) => use(await freePort()), { scope: 'worker' }],
  deskContext: [
    async ({ browser }, use) => {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  office: ['template', { option: true }],
  deskHost: async ({ office, deskPort }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-e2e-'));
    if (office === 'template') fs.cpSync(officeTemplateDir(), dataDir, { recursive: true });
    const ready = startHost(dataDir, deskPort);
    // Nobody may be waiting yet when a start fails; `desk` awaits it and reports the failure.
    ready.catch(() => undefined);
    await use({ dataDir, ready });
    await (await ready.catch(() => null))?.stop();
    if (testInfo.status === testInfo.expectedStatus) fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // The page depends on the host only so that the host starts first and comes up while the page opens.
  page: async ({ deskContext, deskHost: _startsFirst }, use, testInfo) => {
    const page = await deskContext.newPage();
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('screenshot', { body: await page.screenshot(), contentType: 'image/png' }).catch(() => undefined);
    }
    await page.close();
  },
  desk: async ({ page, office, deskHost }, use) => {
    const host = await deskHost.ready;
    const login = async (username: string, password: string) => (await host.call<{ token: string }>('auth.login', { username, password })).token;
    let seeded = 0;
    const openAs: Desk['openAs'] = async (who, { hash = '', session = '' } = {}) => {
      if (office === 'empty') throw new Error('This test started from an empty folder: set the office up through the page first.');
      session ||= await login(who.username, who.password);
      await page.addInitScript(seedSession, { origin: host.origin, key: SESSION_KEY, session, seq: ++seeded });
      await page.goto(hash ? `${host.url}#${hash}` : host.url);
      await expect(page.getByTestId('current-user')).toContainText(who.displayName);
    };
    const desk: Desk = {
      url: host.url,
      dataDir: deskHost.dataDir,
      api: host.call,
      setClock: async (ms) => {
        await host.call('clock.set', { setNow: ms });
      },
      advanceClock: async (ms) => {
        await host.call('clock.set', { advanceMs: ms });
      },
      setupOffice: () => openAs(ADMIN),
      openAs,
      login,
      async screenshot(name) {
        if (process.env.SCREENSHOTS !== '1') return;
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
      },
    };
    await use(desk);
  },
});

export { expect };

/** Waits until the page shows no loading spinner, so screenshots show content. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
}
