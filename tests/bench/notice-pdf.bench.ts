/**
 * Notice PDFs in browser mode: the first print (Chromium starts) and then each notice after it, printed by the
 * maker the host uses (one page reused for every notice).
 */
import { chromiumPdfMaker } from '../../main/host/pdf';
import { renderNoticeHtml } from '../../main/core/notices/render';
import { KIND_FIXTURES } from '../unit/support/pdf-fixtures';

const PRINTS = 30;

async function main(): Promise<void> {
  const maker = chromiumPdfMaker(process.env);
  if (!maker) {
    console.log('no Chromium at CHROMIUM_PATH or /usr/bin/chromium: notice PDFs not measured');
    return;
  }
  const pages = KIND_FIXTURES.map((d) => renderNoticeHtml(d));
  let t = performance.now();
  await maker.make(pages[0]!);
  const first = performance.now() - t;
  const samples: number[] = [];
  for (let i = 0; i < PRINTS; i++) {
    t = performance.now();
    await maker.make(pages[i % pages.length]!);
    samples.push(performance.now() - t);
  }
  await maker.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]!.toFixed(0);
  console.log(`notice PDF: first (Chromium starts) ${first.toFixed(0)} ms; then ${PRINTS} notices of every kind p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
}

void main();
