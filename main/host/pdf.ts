/**
 * Browser mode's PDF maker: the frozen notice HTML printed by a headless Chromium through playwright-core, the
 * same engine and the same call (page.pdf with the CSS page size) the tests check. One page, opened at the first
 * notice, prints every notice in turn (a new browser context per notice cost 300–800 ms; a reused page ~30 ms). The Chromium is the system's
 * (CHROMIUM_PATH, else /usr/bin/chromium); nothing is downloaded. No Chromium, no maker: the page then offers
 * the browser's own print only.
 *
 * @example
 * const pdf = chromiumPdfMaker(process.env);
 * if (pdf) await openApp({ dataDir, makePdf: pdf.make });
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { NOTICE_FONT_BASE_URL } from '../core/notices';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The notice is loaded at this made-up origin, so its relative font URLs resolve; nothing goes to a network. */
const NOTICE_ORIGIN = 'http://notice.invalid';

export interface ChromiumPdf {
  make(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function chromiumPath(env: NodeJS.ProcessEnv): string | null {
  const candidate = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return fs.existsSync(candidate) ? candidate : null;
}

export function chromiumPdfMaker(env: NodeJS.ProcessEnv, fontDir: string | null = null): ChromiumPdf | null {
  const executablePath = chromiumPath(env);
  if (!executablePath) return null;
  let page: Promise<Page> | null = null;
  /** The notice the page is printing now; the page's one route handler serves it. */
  let html = '';
  /** One page prints one notice at a time: each make waits for the one before it. */
  let queue: Promise<unknown> = Promise.resolve();

  const serve = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== NOTICE_ORIGIN) return route.abort();
    if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    const name = url.pathname.startsWith(NOTICE_FONT_BASE_URL) ? decodeURIComponent(url.pathname.slice(NOTICE_FONT_BASE_URL.length)) : '';
    const file = fontDir && /^[\w.-]+\.(woff2?|ttf|otf)$/i.test(name) ? path.join(fontDir, name) : null;
    // Fonts are the same for every notice: the browser keeps them for the page's life.
    if (file && fs.existsSync(file)) return route.fulfill({ status: 200, headers: { 'Cache-Control': 'max-age=31536000, immutable' }, body: fs.readFileSync(file) });
    return route.abort();
  };
  const openPage = async (): Promise<Page> => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
    const forget = () => {
      page = null;
    };
    browser.on('disconnected', forget);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    p.on('close', forget);
    p.on('crash', forget);
    // The page gets its HTML and the shipped fonts from here; every other request is refused.
    await p.route('**/*', serve);
    return p;
  };
  const print = async (notice: string): Promise<Uint8Array> => {
    page ??= openPage();
    const current = page;
    try {
      const p = await current;
      html = notice;
      // A fresh navigation per notice: nothing of the last notice's document stays, only the cached fonts.
      await p.goto(`${NOTICE_ORIGIN}/`, { waitUntil: 'load' });
      await p.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
      return await p.pdf({ preferCSSPageSize: true, printBackground: true });
    } catch (e) {
      // A page that failed once is not trusted again: the next notice opens a new browser.
      if (page === current) page = null;
      await current.then((p) => p.context().browser()?.close()).catch(() => undefined);
      throw e;
    }
  };
  return {
    make(notice) {
      const made = queue.then(() => print(notice));
      queue = made.catch(() => undefined);
      return made;
    },
    async close() {
      const p = page;
      page = null;
      await queue;
      if (p) await (await p).context().browser()?.close().catch(() => undefined);
    },
  };
}
