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
import type { Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumPdf {
  make(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function chromiumPath(env: NodeJS.ProcessEnv): string | null {
  const candidate = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return fs.existsSync(candidate) ? candidate : null;
}

export function chromiumPdfMaker(env: NodeJS.ProcessEnv): ChromiumPdf | null {
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
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        // The notice carries everything it needs; nothing may be fetched from anywhere.
        await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(html, { waitUntil: 'load' });
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
