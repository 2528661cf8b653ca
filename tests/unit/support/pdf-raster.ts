/**
 * Finds the printed rules of a PDF page (the red rule of the 版头, the letter's double rules, the 版记's black
 * rules) by rasterising the page with poppler's pdftoppm at 10 pixels a millimetre and looking for long runs of
 * one colour in a row. Positions are in millimetres from the paper's top-left corner.
 *
 * @example
 * const rules = horizontalRules(pdfBytes, 1, 'red', 100); // [{ top: 119.2, bottom: 119.7, left: 28, right: 184 }]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PX_PER_MM = 10;
const DPI = PX_PER_MM * 25.4;

export interface Rule {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

function rasterise(pdf: Uint8Array, page: number): { width: number; height: number; rgb: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-raster-'));
  try {
    const file = path.join(dir, 'page.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', file, path.join(dir, 'page')]);
    const ppm = fs.readFileSync(path.join(dir, 'page.ppm'));
    // P6 header: magic, width, height, maxval, each separated by whitespace, then the pixels.
    const header = ppm.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error('pdftoppm did not write a PPM');
    return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const isColour = {
  red: (r: number, g: number, b: number) => r > 180 && g < 110 && b < 110,
  black: (r: number, g: number, b: number) => r < 110 && g < 110 && b < 110,
};

/** Horizontal rules of a colour at least minLength mm long; adjacent pixel rows are merged into one rule. */
export function horizontalRules(pdf: Uint8Array, page: number, colour: keyof typeof isColour, minLength: number): Rule[] {
  const { width, height, rgb } = rasterise(pdf, page);
  const test = isColour[colour];
  const rows: { y: number; left: number; right: number }[] = [];
  for (let y = 0; y < height; y++) {
    let best = { left: 0, right: -1 };
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const at = (y * width + x) * 3;
      const on = x < width && test(rgb[at]!, rgb[at + 1]!, rgb[at + 2]!);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > best.right - best.left) best = { left: start, right: x };
        start = -1;
      }
    }
    if ((best.right - best.left) / PX_PER_MM >= minLength) rows.push({ y, ...best });
  }
  const rules: Rule[] = [];
  for (const row of rows) {
    const prev = rules.at(-1);
    if (prev && Math.abs(prev.bottom - row.y / PX_PER_MM) < 0.15) {
      rules[rules.length - 1] = { ...prev, bottom: (row.y + 1) / PX_PER_MM };
    } else rules.push({ top: row.y / PX_PER_MM, bottom: (row.y + 1) / PX_PER_MM, left: row.left / PX_PER_MM, right: row.right / PX_PER_MM });
  }
  return rules;
}
