/**
 * Where a notice's title may break onto its next line. GB/T 9704-2012 asks that a title keep its words whole
 * when it runs over (标题回行时，要做到词意完整); the browser alone breaks Chinese between any two characters,
 * so "越级上访" could end a line on "上". The title is cut into pieces that must stay on one line: words from
 * ICU's dictionary, joined back where the dictionary does not know the office's own words (上访, 苗头, 督办,
 * 预警报告 …), with a lone character kept on its neighbour's line (东风|村 is one place) and a particle (的, 和)
 * never starting a line. The template prints a line-break opportunity (<wbr>) between pieces only.
 *
 * @example
 * titlePieces('关于东风村村民有越级上访苗头的预警报告')
 * // ['关于', '东风村', '村民有', '越级上访', '苗头的', '预警报告']
 */

/** Words of petition work that ICU's dictionary splits, longest first where one holds another. */
const OFFICE_WORDS = [
  '越级上访',
  '集体上访',
  '群体性事件',
  '处理意见书',
  '督办通知书',
  '预警通知书',
  '不予受理',
  '受理告知书',
  '预警报告',
  '信息报告',
  '零报告',
  '通知书',
  '告知书',
  '交办单',
  '值班表',
  '信访局',
  '信访办',
  '办公室',
  '补偿款',
  '上访',
  '信访',
  '督办',
  '苗头',
  '征地',
  '拆迁',
  '续报',
  '讨薪',
] as const;

/** Characters that never begin a line: particles, conjunctions and closing punctuation. */
const NO_LINE_START = new Set(['的', '之', '和', '与', '及', '、', '，', '。', '：', '；', '）', '》', '〕', '”']);
/** Characters that never end a line: opening punctuation. */
const NO_LINE_END = new Set(['（', '《', '〔', '“']);

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

export function titlePieces(title: string): string[] {
  // Word boundaries from ICU, less those inside one of the office's words.
  const bounds = new Set<number>();
  let at = 0;
  for (const s of segmenter.segment(title)) {
    if (at > 0) bounds.add(at);
    at += s.segment.length;
  }
  for (const word of OFFICE_WORDS) {
    for (let from = title.indexOf(word); from !== -1; from = title.indexOf(word, from + 1)) {
      for (let k = from + 1; k < from + word.length; k++) bounds.delete(k);
    }
  }
  // A line may start with a word, never with a lone character (东风|村 stays one place) or a particle.
  const sorted = [...bounds].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const [i, b] of sorted.entries()) {
    const wordAfter = (sorted[i + 1] ?? title.length) - b > 1;
    // Nor may a lone character be left as a piece of its own (短|标题).
    if (!wordAfter || b - start < 2 || NO_LINE_START.has(title[b] ?? '') || NO_LINE_END.has(title[b - 1] ?? '')) continue;
    pieces.push(title.slice(start, b));
    start = b;
  }
  pieces.push(title.slice(start));
  return pieces;
}
