/**
 * Prints notice HTML to PDF with the system Chromium (playwright-core, the same page.pdf call browser mode uses)
 * and reads it back with pdfjs-dist: page sizes and every text run with its position, in millimetres from the
 * paper's top-left corner, so a test can check a layout the way a ruler would.
 *
 * @example
 * const printer = await openPrinter();
 * const pdf = await readPdf(await printer.pdf(html));
 * pdf.pages[0].runs.find((r) => r.text.includes('〔2026〕'))
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const PT_PER_MM = 72 / 25.4;

export interface Printer {
  pdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openPrinter(): Promise<Printer> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    async pdf(html) {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        // A notice carries everything it prints: any request other than its own data: URLs fails the test.
        const fetched: string[] = [];
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('data:')) return route.continue();
          fetched.push(url);
          return route.abort();
        });
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        if (fetched.length) throw new Error(`the notice fetched ${fetched.join(', ')}`);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

/** One text run as PDF.js reads it: left edge, baseline and size in mm from the top-left of the paper. */
export interface Run {
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  readonly size: number;
  /** Vertical size (differs from size when the run is scaled horizontally, as the issuing-body mark is). */
  readonly height: number;
}

export interface PdfPage {
  readonly width: number; // pt
  readonly height: number; // pt
  readonly runs: readonly Run[];
  /** Text drawn at an angle (the draft watermark). */
  readonly rotated: readonly string[];
  /** Runs on one baseline (±0.3 mm), left to right, joined: the printed lines of the page, top to bottom. */
  readonly lines: readonly { readonly text: string; readonly x: number; readonly right: number; readonly baseline: number; readonly size: number }[];
}

export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[] }> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: Run[] = [];
    const rotated: string[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      const size = Math.hypot(a ?? 0, b ?? 0);
      if (Math.abs(b ?? 0) > 0.01) {
        rotated.push(item.str); // the draft watermark, not a line of the page
        continue;
      }
      const height = Math.hypot(c ?? 0, d ?? 0);
      runs.push({ text: item.str, x: (e ?? 0) / PT_PER_MM, baseline: (view.height - (f ?? 0)) / PT_PER_MM, width: item.width / PT_PER_MM, size: size / PT_PER_MM, height: height / PT_PER_MM });
    }
    runs.sort((p, q) => p.baseline - q.baseline || p.x - q.x);
    const lines: { text: string; x: number; right: number; baseline: number; size: number }[] = [];
    for (const run of runs) {
      const line = lines.find((l) => Math.abs(l.baseline - run.baseline) < 0.3);
      if (line) {
        line.text += run.text;
        line.x = Math.min(line.x, run.x);
        line.right = Math.max(line.right, run.x + run.width);
        line.size = Math.max(line.size, run.size);
      } else lines.push({ text: run.text, x: run.x, right: run.x + run.width, baseline: run.baseline, size: run.size });
    }
    lines.sort((p, q) => p.baseline - q.baseline);
    pages.push({ width: view.width, height: view.height, runs, rotated, lines });
  }
  await task.destroy();
  return { pages };
}
