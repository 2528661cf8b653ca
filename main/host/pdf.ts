/**
 * Browser mode's PDF maker: the frozen notice HTML printed by a headless Chromium through playwright-core, the
 * same engine and the same call (page.pdf with the CSS page size) the tests check. The Chromium is the system's
 * (CHROMIUM_PATH, else /usr/bin/chromium); nothing is downloaded. No Chromium, no maker: the page then offers
 * the browser's own print only.
 *
 * @example
 * const pdf = chromiumPdfMaker(process.env);
 * if (pdf) await openApp({ dataDir, makePdf: pdf.make });
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
  let browser: Promise<Browser> | null = null;
  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
    b.on('disconnected', () => {
      browser = null;
    });
    return b;
  };
  return {
    async make(html) {
      browser ??= launch();
      const context = await (await browser).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // The page gets its HTML and the shipped fonts from here; every other request is refused.
        await page.route('**/*', async (route) => {
          const url = new URL(route.request().url());
          if (url.origin !== NOTICE_ORIGIN) return route.abort();
          if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          const name = url.pathname.startsWith(NOTICE_FONT_BASE_URL) ? decodeURIComponent(url.pathname.slice(NOTICE_FONT_BASE_URL.length)) : '';
          const file = fontDir && /^[\w.-]+\.(woff2?|ttf|otf)$/i.test(name) ? path.join(fontDir, name) : null;
          if (file && fs.existsSync(file)) return route.fulfill({ status: 200, body: fs.readFileSync(file) });
          return route.abort();
        });
        await page.goto(`${NOTICE_ORIGIN}/`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}
