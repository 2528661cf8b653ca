/**
 * The notice typesetting measured on paper: every kind is printed to PDF by the system Chromium (page.pdf with
 * the CSS page size, as browser mode prints) and read back with PDF.js, then checked against GB/T 9704-2012 with
 * a 1 mm tolerance: A4, the text block at 37 mm from the top and 28 mm from the left, the issuing-body mark 35 mm
 * into the block (30 mm from the paper's top in a letter), the number, title and date, the date four characters
 * in from the right, 28 characters to a full line and 22 lines to a full page, page numbers "— n —" 7 mm under
 * the block, right on odd pages and left on even ones, the 版记 at the bottom of the last page only.
 * With SCREENSHOTS=1, PNGs of every template go to tests/e2e/screenshots/notices/ for a look beside the standard.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_KINDS, type NoticeDocument } from '../../main/core/notices/document';
import { renderNoticeHtml, shippedFontFiles } from '../../main/core/notices/render';
import { openPrinter, readPdf, type PdfPage, type Printer } from './support/pdf';
import { horizontalRules, type Rule } from './support/pdf-raster';
import { FULL_LINE, KIND_FIXTURES, threePageNotice } from './support/pdf-fixtures';

const SHOTS = path.resolve('tests/e2e/screenshots/notices');
/** The PNGs are for a person to look at; no test reads them, so they are made only when asked for. */
const TAKE_SHOTS = process.env.SCREENSHOTS === '1';
const MM_PER_PT = 25.4 / 72;
/** The standard's block: 156 × 225 mm at 28 mm from the left and 37 mm from the top; 28 × 22 cells. */
const LEFT = 28;
const TOP = 37;
const RIGHT = LEFT + 156;
const BOTTOM = TOP + 225;
const CELL = 156 / 28;
const PITCH = 225 / 22;
const BODY_PT = 16;
const TOLERANCE = 1;
/** Noto Serif SC's ideographic em box runs from 0.88 em above the baseline to 0.12 em below. */
const emTop = (baseline: number, size: number) => baseline - 0.88 * size;

let printer: Printer;
const printed = new Map<string, { pages: PdfPage[]; html: string }>();
const RED_RULE = 100; // mm: shorter red runs are the mark's strokes or the seal
const figures: string[] = [];

async function print(name: string, doc: NoticeDocument) {
  const html = renderNoticeHtml(doc);
  const bytes = await printer.pdf(html);
  if (TAKE_SHOTS) {
    const file = path.join(SHOTS, `${name}.pdf`);
    fs.writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(SHOTS, name)]);
    fs.rmSync(file);
  }
  const { pages } = await readPdf(bytes);
  printed.set(name, { pages, html });
  return { pages, html, bytes };
}

const isBody = (l: { size: number }) => Math.abs(l.size - BODY_PT * MM_PER_PT) < 0.05;
const lineWith = (pages: readonly PdfPage[], text: string) => {
  for (const [i, page] of pages.entries()) {
    const line = page.lines.find((l) => l.text.includes(text));
    if (line) return { ...line, page: i + 1 };
  }
  throw new Error(`"${text}" is not printed`);
};

beforeAll(async () => {
  if (TAKE_SHOTS) {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
  }
  printer = await openPrinter();
}, 30_000);

afterAll(async () => {
  await printer?.close();
  if (figures.length) console.log(`measured (mm from the paper's top-left):\n${figures.join('\n')}`);
});

describe('every kind of notice on A4 in the GB/T 9704 geometry', () => {
  it.each(NOTICE_KINDS.map((kind) => [kind]))('%s', async (kind) => {
    const doc = KIND_FIXTURES.find((d) => d.kind === kind)!;
    const { pages, html, bytes } = await print(kind, doc);
    const letter = doc.format === 'letter';

    for (const page of pages) {
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
    }
    expect(html).not.toMatch(/<script|<link|@import|https?:/i);

    // 版头: the red mark, 35 mm into the block (a letter's 30 mm from the paper's top), centred.
    const mark = pages[0]!.runs.find((r) => r.text.includes(doc.issuerMark))!;
    const markTop = emTop(mark.baseline, mark.height);
    expect(Math.abs(markTop - (letter ? 30 : TOP + 35))).toBeLessThan(TOLERANCE);
    expect(Math.abs(mark.x + mark.width / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(TOLERANCE);

    // The number: centred (a letter's flush right) with the year in 〔〕, on the first page.
    const number = lineWith(pages, doc.docNumber!);
    expect(number.page).toBe(1);
    expect(doc.docNumber).toMatch(/〔2026〕\d+号$/);
    if (letter) expect(Math.abs(number.right - RIGHT)).toBeLessThan(TOLERANCE);
    else expect(Math.abs((number.x + number.right) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(TOLERANCE);

    // The red rule: across the block 4 mm under the number; a letter's two double rules (thick over thin under
    // the mark, thin over thick 20 mm from the bottom), 170 mm long and centred on the block.
    const red = horizontalRules(bytes, 1, 'red', RED_RULE);
    const numberBottom = number.baseline + 0.12 * number.size;
    let ruleFigure: string;
    if (letter) {
      expect(red).toHaveLength(4);
      const [thick, thin, thin2, thick2] = red as [Rule, Rule, Rule, Rule];
      expect(Math.abs(thick.top - (markTop + mark.height + 4))).toBeLessThan(TOLERANCE);
      expect(thick.bottom - thick.top).toBeGreaterThan(thin.bottom - thin.top);
      expect(thick2.bottom - thick2.top).toBeGreaterThan(thin2.bottom - thin2.top);
      expect(Math.abs(thick2.bottom - (297 - 20))).toBeLessThan(TOLERANCE);
      for (const rule of red) {
        expect(Math.abs(rule.right - rule.left - 170)).toBeLessThan(TOLERANCE);
        expect(Math.abs((rule.left + rule.right) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(TOLERANCE);
      }
      expect(number.baseline).toBeGreaterThan(thin.bottom);
      ruleFigure = `double rules ${thick.top.toFixed(2)} and ${thick2.bottom.toFixed(2)}, ${(thick.right - thick.left).toFixed(1)} mm long`;
    } else {
      expect(red).toHaveLength(1);
      const rule = red[0]!;
      expect(Math.abs(rule.top - numberBottom - 4)).toBeLessThan(TOLERANCE);
      expect(Math.abs(rule.left - LEFT)).toBeLessThan(TOLERANCE);
      expect(Math.abs(rule.right - RIGHT)).toBeLessThan(TOLERANCE);
      ruleFigure = `red rule ${rule.top.toFixed(2)} (number bottom + ${(rule.top - numberBottom).toFixed(2)}), ${rule.left.toFixed(2)}–${rule.right.toFixed(2)}`;
    }

    // Title (2号, centred; may run to two lines), then the addressee flush left with "：".
    const title = pages[0]!.lines.filter((l) => Math.abs(l.size - 22 * MM_PER_PT) < 0.05);
    expect(title.map((l) => l.text).join('')).toBe(doc.title);
    for (const l of title) expect(Math.abs((l.x + l.right) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(TOLERANCE);
    const addressee = lineWith(pages, `${doc.addressee}：`);
    expect(Math.abs(addressee.x - LEFT)).toBeLessThan(TOLERANCE);

    // Body: the first line indented two characters, the next flush with the block's left edge at 28 mm.
    const first = doc.body.find((b) => b.type === 'paragraph')!;
    const firstLine = lineWith(pages, first.type === 'paragraph' ? first.text.slice(0, 6) : '');
    expect(Math.abs(firstLine.x - (LEFT + 2 * CELL))).toBeLessThan(TOLERANCE);
    const flush = pages[0]!.lines.filter((l) => isBody(l) && l.baseline > addressee.baseline && Math.abs(l.x - LEFT) < TOLERANCE);
    if (kind !== 'duty_roster') expect(flush.length).toBeGreaterThan(0);

    // Date in Arabic numerals, four characters in from the right; the issuing body centred over it.
    const date = lineWith(pages, '2026年11月28日');
    expect(date.text).toBe('2026年11月28日');
    expect(Math.abs(date.right - (RIGHT - 4 * CELL))).toBeLessThan(TOLERANCE);
    const signer = pages[date.page - 1]!.lines.filter((l) => l.text === doc.issuerName && l.baseline < date.baseline).at(-1)!;
    expect(Math.abs((signer.x + signer.right) / 2 - (date.x + date.right) / 2)).toBeLessThan(TOLERANCE);
    expect(date.baseline - signer.baseline).toBeGreaterThan(PITCH - TOLERANCE);

    // The 版记 (not in a letter): on the last page only, its last line just above the block's bottom edge.
    const last = pages.length;
    const printLine = pages.flatMap((p, i) => p.lines.filter((l) => l.text.endsWith('印发')).map((l) => ({ ...l, page: i + 1 })));
    if (letter) {
      expect(printLine).toEqual([]);
      expect(pages[0]!.lines.some((l) => /^— \d+ —$/.test(l.text))).toBe(false); // no number on a letter's first page
    } else {
      expect(printLine).toHaveLength(1);
      expect(printLine[0]!.page).toBe(last);
      expect(printLine[0]!.text).toBe(`${doc.printedBy}2026年11月28日印发`);
      expect(BOTTOM - printLine[0]!.baseline).toBeGreaterThan(0);
      expect(BOTTOM - printLine[0]!.baseline).toBeLessThan(PITCH / 2 + TOLERANCE);
      expect(Math.abs(printLine[0]!.x - (LEFT + 14 * MM_PER_PT))).toBeLessThan(TOLERANCE); // 左空一字 (4号)
      if (doc.copyTo.length) expect(lineWith(pages, '抄送：').text).toBe(`抄送：${doc.copyTo.join('，')}。`);
      // Its rules: thick over the first item, thin between, thick under the last on the block's bottom edge.
      const rules = horizontalRules(bytes, last, 'black', 150).filter((r) => r.top > (date.page === last ? date.baseline : 0));
      expect(rules).toHaveLength(doc.copyTo.length ? 3 : 2);
      expect(Math.abs(rules.at(-1)!.bottom - BOTTOM)).toBeLessThan(TOLERANCE);
      expect(rules[0]!.bottom - rules[0]!.top).toBeGreaterThanOrEqual(rules.length === 3 ? rules[1]!.bottom - rules[1]!.top : 0);
      ruleFigure += `; 版记 rules at ${rules.map((r) => r.top.toFixed(2)).join(', ')}`;
    }
    if (doc.kind === 'duty_roster') {
      const table = doc.body.find((b) => b.type === 'table')!;
      if (table.type === 'table') for (const row of table.rows) expect(lineWith(pages, row.join('')).text).toBe(row.join(''));
    }

    figures.push(
      `${kind.padEnd(22)} ${letter ? 'letter  ' : 'document'} pages ${last}  mark top ${markTop.toFixed(2)}  number ${number.x.toFixed(2)}–${number.right.toFixed(2)}` +
        `  first body glyph x ${firstLine.x.toFixed(2)} (indent 2)${flush[0] ? `, flush line x ${flush[0].x.toFixed(2)}` : ''}  date right ${date.right.toFixed(2)} (standard ${(RIGHT - 4 * CELL).toFixed(2)})` +
        `${printLine[0] ? `  印发 baseline ${printLine[0].baseline.toFixed(2)} (block bottom ${BOTTOM})` : ''}  ${ruleFigure}`,
    );
  });
});

describe('a notice of three pages', () => {
  let pages: PdfPage[];
  beforeAll(async () => {
    ({ pages } = await print('three-pages', { ...threePageNotice(), draft: true, docNumber: null, date: null, printedOn: null }));
  }, 30_000);

  it('numbers its pages "— 1 —" right, "— 2 —" left, "— 3 —" right, 7 mm under the block', () => {
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      const folio = page.lines.find((l) => /^— \d+ —$/.test(l.text))!;
      expect(folio.text).toBe(`— ${i + 1} —`);
      const odd = i % 2 === 0;
      // One 4号 character in from the block's right edge (odd) or left edge (even).
      if (odd) expect(Math.abs(folio.right - (RIGHT - 14 * MM_PER_PT))).toBeLessThan(TOLERANCE);
      else expect(Math.abs(folio.x - (LEFT + 14 * MM_PER_PT))).toBeLessThan(TOLERANCE);
      expect(Math.abs(folio.size - 14 * MM_PER_PT)).toBeLessThan(0.05);
      expect(Math.abs(emTop(folio.baseline, folio.size) - (BOTTOM + 7))).toBeLessThan(TOLERANCE);
      figures.push(`three-pages p${i + 1}: "${folio.text}" x ${folio.x.toFixed(2)}–${folio.right.toFixed(2)}, top ${emTop(folio.baseline, folio.size).toFixed(2)} (block bottom + 7 = ${BOTTOM + 7})`);
    });
  });

  it('sets exactly 28 characters on every full line, flush with both edges of the block', () => {
    const full = pages.flatMap((p) => p.lines.filter((l) => isBody(l) && l.text.startsWith(FULL_LINE.slice(-2)) && l.text.includes(FULL_LINE.slice(2, 12))));
    expect(full.length).toBeGreaterThan(10);
    for (const line of full) {
      expect([...line.text]).toHaveLength(28);
      expect(Math.abs(line.x - LEFT)).toBeLessThan(TOLERANCE);
      expect(Math.abs(line.right - RIGHT)).toBeLessThan(TOLERANCE);
    }
    figures.push(`three-pages full lines: ${full.length} of 28 characters, x ${full[0]!.x.toFixed(2)}–${full[0]!.right.toFixed(2)}`);
  });

  it('fills a page in the middle with 22 lines, the first at the top of the block and the last at its bottom', () => {
    const body = pages[1]!.lines.filter(isBody);
    expect(body).toHaveLength(22);
    const firstTop = emTop(body[0]!.baseline, body[0]!.size) - (PITCH - body[0]!.size) / 2;
    const lastBottom = emTop(body[21]!.baseline, body[21]!.size) + body[21]!.size + (PITCH - body[21]!.size) / 2;
    expect(Math.abs(firstTop - TOP)).toBeLessThan(TOLERANCE);
    expect(Math.abs(lastBottom - BOTTOM)).toBeLessThan(TOLERANCE);
    expect(Math.abs((body[21]!.baseline - body[0]!.baseline) / 21 - PITCH)).toBeLessThan(0.05);
    figures.push(`three-pages p2: 22 lines, first line box top ${firstTop.toFixed(2)}, last line box bottom ${lastBottom.toFixed(2)}, pitch ${((body[21]!.baseline - body[0]!.baseline) / 21).toFixed(3)}`);
  });

  it('marks a draft 草稿 on every page, with placeholders for the number and date, and the 版记 on the last page', () => {
    for (const page of pages) expect(page.rotated.join('').replace(/\s/g, '')).toContain('草稿');
    expect(lineWith(pages, '〔').text).toMatch(/^〔\s*〕\s*号$/);
    expect(lineWith(pages, '印发').page).toBe(3);
    expect(lineWith(pages, '抄送：').text).toBe('抄送：县信访局，镇党委办公室，镇政府办公室。');
    expect(lineWith(pages, '（请各单位指定一名联系人）').x).toBeCloseTo(LEFT + 2 * CELL, 0);
  });
});

describe('the 版记 whatever the length of the text', () => {
  // Sentences with commas at varied places, so the line-breaking rules move characters at some line ends.
  const SENTENCE = '经调查核实，群众反映的问题基本属实，镇村两级已落实整改措施，并向信访人当面作了答复。';
  it.each([3, 5, 6, 7, 9, 12, 16, 20, 25])('sits at the bottom of the last page after %i sentences, with text on every page', async (n) => {
    const doc = { ...KIND_FIXTURES[0]!, body: Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, text: SENTENCE.repeat(1 + (i % 3)) })) };
    const { pages } = await print(`length-${n}`, doc);
    const last = pages.at(-1)!;
    const printLine = last.lines.find((l) => l.text.endsWith('印发'))!;
    expect(BOTTOM - printLine.baseline).toBeGreaterThan(0);
    expect(BOTTOM - printLine.baseline).toBeLessThan(PITCH / 2 + TOLERANCE);
    // The text ends on the last page or the one before it: never a page with nothing but the page number.
    for (const page of pages.slice(0, -1)) expect(page.lines.filter(isBody).length).toBeGreaterThan(0);
    const signer = lineWith(pages, '2026年11月28日');
    expect(signer.page).toBeGreaterThanOrEqual(pages.length - 1);
  });
});

describe('the HTML itself', () => {
  const doc = KIND_FIXTURES[0]!;

  it('is one static page: text is escaped, nothing runs, nothing is fetched', () => {
    const html = renderNoticeHtml({ ...doc, title: '关于<script>alert(1)</script>的报告', body: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)>' }] });
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charSet="utf-8"/>');
    expect(html).toContain('关于&lt;script&gt;alert(1)&lt;/script&gt;的报告');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<link|<iframe/i);
  });

  it('presses the seal only on a signed notice, never on a draft', () => {
    expect(renderNoticeHtml(doc)).toContain(doc.sealDataUrl!);
    expect(renderNoticeHtml({ ...doc, draft: true })).not.toContain(doc.sealDataUrl!);
  });

  it('is the same bytes for the same document, so a frozen notice hashes the same', () => {
    expect(renderNoticeHtml(doc)).toBe(renderNoticeHtml({ ...doc }));
    expect(renderNoticeHtml(doc)).not.toBe(renderNoticeHtml({ ...doc, title: `${doc.title}（修订）` }));
  });

  it('puts the office fonts first, then the shipped serif: embedded by default, served from fontBaseUrl when given', () => {
    const embedded = renderNoticeHtml(doc, { fonts: { body: ['仿宋_GB2312'], title: ['方正小标宋简体'], heading: ['黑体'], kai: ['楷体_GB2312'] } });
    expect(embedded).toMatch(/font-family: "仿宋_GB2312", "Notice Serif", serif/);
    expect(embedded).toMatch(/font-family: "方正小标宋简体", "Notice Serif Bold", serif/);
    expect(embedded).toMatch(/src: url\("data:font\/woff;base64,/);
    const served = renderNoticeHtml(doc, { fontBaseUrl: 'notice-font://fonts/' });
    expect(served).not.toContain('data:font');
    for (const file of shippedFontFiles) expect(served).toContain(`url("notice-font://fonts/${file}")`);
  });
});
