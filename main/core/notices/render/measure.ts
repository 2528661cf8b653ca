/**
 * How many grid lines a piece of text takes, the way the browser will set it: Chinese characters and full-width
 * punctuation take one cell, Latin letters and digits about half of one. Used only to decide how many pages
 * the record block (版记) must be pushed to the bottom of; the browser does the real line breaking.
 *
 * @example
 * linesOf('特此报告。', 28, 2) // 1
 */

/** Half-width glyphs of the CJK serif are a little over half a cell; counting 0.55 errs towards more lines. */
export function cellsOf(text: string): number {
  let cells = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    cells += code < 0x2e80 && !(code >= 0x2010 && code <= 0x2027) ? 0.55 : 1;
  }
  return cells;
}

export function linesOf(text: string, cellsPerLine: number, indentCells = 0): number {
  const cells = indentCells + cellsOf(text);
  return Math.max(1, Math.ceil(cells / cellsPerLine - 1e-9));
}

/** 2026-11-28 → 2026年11月28日 (Arabic numerals, the year in full, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Lines of a body paragraph, allowing for the line-breaking rules: a line that would start with "，" or "。"
 * takes the character before it along, so a line may hold one character less (about one line in ten). A
 * paragraph whose last line is (nearly) full may therefore take one more line.
 */
export function paragraphLines(text: string, cellsPerLine: number, indentCells: number): number {
  const plain = indentCells + cellsOf(text);
  const lines = Math.max(1, Math.ceil(plain / cellsPerLine - 1e-9));
  const slack = plain + 0.25 * lines;
  return Math.max(lines, Math.ceil(slack / cellsPerLine - 1e-9));
}
