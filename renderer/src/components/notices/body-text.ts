/**
 * The notice body as the clerk edits it: runs of plain text (one paragraph per line) between the tables, which
 * are kept as they are. Lines that start with a heading number (一、 （一） 1. （1）) and read as a heading
 * (short, no closing 。) become headings of that level; everything else is a paragraph. Blocks → text → blocks
 * gives the same blocks back.
 *
 * @example
 * textToBlocks('一、基本情况\n群众反映……。') // [{ type: 'heading', level: 1, … }, { type: 'paragraph', … }]
 */
import type { NoticeBodyBlock } from '../../../../shared/api';

export type BodyRun = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'table'; readonly block: Extract<NoticeBodyBlock, { type: 'table' }> };

const HEADING_PATTERNS: readonly [1 | 2 | 3 | 4, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^（[一二三四五六七八九十]+）/],
  [3, /^\d+[.．]/],
  [4, /^（\d+）/],
];
const MAX_HEADING_CHARS = 40;

export function headingLevelOf(line: string): 1 | 2 | 3 | 4 | null {
  if (line.length > MAX_HEADING_CHARS || /[。；：;:]$/.test(line)) return null;
  for (const [level, re] of HEADING_PATTERNS) if (re.test(line)) return level;
  return null;
}

export function blocksToRuns(blocks: readonly NoticeBodyBlock[]): BodyRun[] {
  const runs: BodyRun[] = [];
  let lines: string[] = [];
  const flush = () => {
    runs.push({ kind: 'text', text: lines.join('\n') });
    lines = [];
  };
  for (const b of blocks) {
    if (b.type === 'table') {
      flush();
      runs.push({ kind: 'table', block: b });
    } else {
      lines.push(b.text);
    }
  }
  flush();
  return runs;
}

export function textToBlocks(text: string): NoticeBodyBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const level = headingLevelOf(line);
      return level === null ? { type: 'paragraph' as const, text: line } : { type: 'heading' as const, level, text: line };
    });
}

export function runsToBlocks(runs: readonly BodyRun[]): NoticeBodyBlock[] {
  return runs.flatMap((r) => (r.kind === 'table' ? [r.block] : textToBlocks(r.text)));
}
