/**
 * Browser mode's PDF maker keeps one Chromium page and prints every notice on it in turn. What a clerk would
 * notice if that went wrong: a PDF holding the notice printed before it, or one print spoiling the next.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPdfMaker, type ChromiumPdf } from '../../main/host/pdf';
import { renderNoticeHtml } from '../../main/core/notices/render';
import { PT_PER_MM, readPdf } from './support/pdf';
import { KIND_FIXTURES } from './support/pdf-fixtures';

const maker: ChromiumPdf = chromiumPdfMaker({ CHROMIUM_PATH: '/usr/bin/chromium' })!;
afterAll(() => maker.close());

const textOf = async (bytes: Uint8Array) => (await readPdf(bytes)).pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');

describe('one page prints every notice', () => {
  it('prints notices asked for at the same moment each with its own text, in A4', async () => {
    const docs = KIND_FIXTURES.slice(0, 4);
    const pdfs = await Promise.all(docs.map((d) => maker.make(renderNoticeHtml(d))));
    for (const [i, pdf] of pdfs.entries()) {
      const text = await textOf(pdf);
      expect(text).toContain(docs[i]!.docNumber);
      for (const other of docs.filter((_, j) => j !== i)) expect(text).not.toContain(other.docNumber);
      const { pages } = await readPdf(pdf);
      expect(pages[0]!.width / PT_PER_MM).toBeCloseTo(210, 0);
      expect(pages[0]!.height / PT_PER_MM).toBeCloseTo(297, 0);
    }
  }, 60_000);

  it('prints again after it was closed (the next notice opens a new browser)', async () => {
    await maker.close();
    const doc = KIND_FIXTURES[5]!;
    expect(await textOf(await maker.make(renderNoticeHtml(doc)))).toContain(doc.docNumber);
  }, 60_000);
});
