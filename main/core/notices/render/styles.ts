/**
 * The print style sheet of a notice: the A4 page with the GB/T 9704 margins, page numbers in the bottom margin
 * boxes (right on odd pages, left on even ones), the grid of 22 lines × 28 characters, and the format's parts.
 */
import type { NoticeFonts } from '../document';
import {
  advance,
  FOLIO_GAP,
  LETTER,
  letterSpacing,
  PAGE,
  pitch,
  px,
  RECORD_INNER,
  RECORD_OUTER,
  RED,
  mm,
  RULE_WIDTH,
  SIZE,
} from './geometry';

/** The office's fonts most offices have under one of these names, tried in order. */
export const DEFAULT_NOTICE_FONTS: NoticeFonts = {
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  title: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong'],
  heading: ['黑体', 'SimHei', 'STHeiti'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti'],
};

/** Family names of the shipped fallback faces, embedded per notice. */
export const FALLBACK = { body: 'Notice Serif', title: 'Notice Serif Bold', heading: 'Notice Serif Black' } as const;

const quote = (name: string) => `"${name.replace(/["\\]/g, '')}"`;
const stack = (names: readonly string[], fallback: string) => [...names, fallback].map(quote).join(', ') + ', serif';

export interface FontFaces {
  readonly body: string | null;
  readonly title: string | null;
  readonly heading: string | null;
}

function fontFace(family: string, src: string | null): string {
  return src ? `@font-face { font-family: ${quote(family)}; src: url(${src}); font-display: block; }\n` : '';
}

/** letterRuleTop: where the letter's upper double rule starts, in px under the top of the first page's block. */
export function noticeCss(format: 'document' | 'letter', fonts: NoticeFonts, faces: FontFaces, letterRuleTop = 0): string {
  const body = stack(fonts.body, FALLBACK.body);
  const title = stack(fonts.title, FALLBACK.title);
  const heading = stack(fonts.heading, FALLBACK.heading);
  const kai = stack(fonts.kai, FALLBACK.body);
  const folio = stack(['宋体', 'SimSun', ...fonts.body], FALLBACK.body);
  // The letter's rules are 170 mm, wider than the block: their ends are drawn in the side margin boxes (content
  // may not paint outside the block, and content wider than the block makes Chromium shrink the page).
  const wing = (LETTER.ruleLength - PAGE.blockWidth) / 2;
  const wingBox = (side: 'left' | 'right') => {
    // Each end overlaps the block by 1 mm, so no hairline gap shows where the two parts meet.
    const bar = (top: number, height: string) => `linear-gradient(${RED}, ${RED}) ${side} 0 top ${px(top)} / ${wing + 1}mm ${height} no-repeat`;
    return `content: ""; vertical-align: top; margin-${side}: -1mm; height: ${px(letterRuleTop + 8)}; background: ${bar(letterRuleTop, '2pt')}, ${bar(letterRuleTop + 4, '0.75pt')};`;
  };
  const page = `${PAGE.top}mm ${PAGE.right}mm ${PAGE.bottom}mm ${PAGE.left}mm`;
  const folioBox = `content: "— " counter(page) " —"; font-family: ${folio}; font-size: ${px(SIZE.small)}; line-height: 1; vertical-align: top; padding-top: ${px(FOLIO_GAP)};`;
  // 信函格式: the mark 30 mm from the paper's top (so every page of a letter has the 30 mm top margin: Chromium
  // scales a page whose margins differ from the first's); the first page carries the lower red double rule
  // 20 mm from the bottom (thin over thick, 170 mm) and no page number.
  const letterFirst =
    format === 'letter'
      ? `@page { margin-top: ${LETTER.markTop}mm; }
@page :first {
  @bottom-right { content: none; }
  @bottom-left { content: none; }
  /* The upper double rule's ends, which reach 7 mm into the side margins where the text may not go. */
  @left-top { ${wingBox('right')} }
  @right-top { ${wingBox('left')} }
  @bottom-center {
    content: ""; vertical-align: top; height: 0; padding-top: 1pt;
    margin: ${PAGE.bottom - LETTER.bottomRule - 1}mm -${wing}mm 0;
    border-top: 0.75pt solid ${RED}; border-bottom: 2pt solid ${RED};
  }
}
`
      : '';
  return `${fontFace(FALLBACK.body, faces.body)}${fontFace(FALLBACK.title, faces.title)}${fontFace(FALLBACK.heading, faces.heading)}
@page { size: A4; margin: ${page}; }
@page :right { @bottom-right { ${folioBox} text-align: right; padding-right: ${px(SIZE.small)}; } }
@page :left { @bottom-left { ${folioBox} text-align: left; padding-left: ${px(SIZE.small)}; } }
${letterFirst}
html, body { margin: 0; padding: 0; background: #fff; }
body {
  font-family: ${body}; font-size: ${px(SIZE.body)}; line-height: ${px(pitch)}; color: #000;
  letter-spacing: ${px(letterSpacing)}; text-align: justify; text-spacing-trim: space-all;
  font-kerning: none; font-variant-east-asian: full-width; line-break: strict; word-break: normal; overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
@media screen { body { width: ${PAGE.blockWidth}mm; padding: ${PAGE.top}mm ${PAGE.right}mm ${PAGE.bottom}mm ${PAGE.left}mm; } }
p, h1, h2, h3, h4, h5, h6, table, figure { margin: 0; }
.sheet { position: relative; }
.banner { position: relative; flex: none; }
.mark { position: absolute; left: 50%; top: 0; white-space: nowrap; color: ${RED}; font-family: ${title}; font-weight: normal; line-height: 1; letter-spacing: 0; }
.docno { position: absolute; left: 0; right: 0; text-align: center; line-height: 1; white-space: nowrap; letter-spacing: 0; }
.rule { position: absolute; left: 0; right: 0; height: 0; border-top: ${px(RULE_WIDTH)} solid ${RED}; }
.letter .docno { text-align: right; }
.double-rule, .double-rule::after { position: absolute; left: 0; right: 0; background: ${RED}; }
.double-rule { height: 2pt; }
.double-rule::after { content: ""; top: 4px; height: 0.75pt; }
.title { font-family: ${title}; font-size: ${px(SIZE.title)}; font-weight: normal; text-align: center; letter-spacing: 0; margin-top: ${px(2 * pitch)}; word-break: keep-all; overflow-wrap: anywhere; text-wrap: balance; }
.addressee { margin-top: ${px(pitch)}; text-align: left; }
.para { text-indent: ${px(2 * advance)}; }
.h1 { font-family: ${heading}; font-weight: normal; }
.h2 { font-family: ${kai}; }
.h1, .h2, .h3, .h4 { font-size: ${px(SIZE.body)}; font-weight: normal; text-indent: ${px(2 * advance)}; break-after: avoid; }
.roster { width: 100%; border-collapse: collapse; font-size: ${px(SIZE.small)}; letter-spacing: 0; text-align: center; line-height: ${px(pitch - 1)}; }
.roster th, .roster td { border: 1px solid #000; padding: 0 4px; font-weight: normal; }
.roster th { font-family: ${heading}; }
.roster tr { break-inside: avoid; }
.signature { padding-top: ${px(2 * pitch)}; text-align: right; padding-right: ${px(4 * advance)}; break-inside: avoid; break-before: avoid; }
.signbox { display: inline-block; position: relative; text-align: left; }
.signname { height: ${px(pitch)}; position: relative; }
.signname span { position: absolute; left: 50%; top: 0; transform: translateX(-50%); white-space: nowrap; }
.signdate { white-space: nowrap; }
.seal { position: absolute; left: 50%; width: 42mm; height: 42mm; transform: translateX(-50%); background: center / contain no-repeat; mix-blend-mode: multiply; }
.note { text-indent: ${px(2 * advance)}; }
.record-space { break-inside: avoid; }
.record { position: absolute; left: 0; right: 0; bottom: 0; font-size: ${px(SIZE.small)}; letter-spacing: 0; break-inside: avoid; border-top: ${px(RECORD_OUTER)} solid #000; border-bottom: ${px(RECORD_OUTER)} solid #000; }
.record-row { padding: 0 ${px(SIZE.small)}; line-height: ${px(pitch - mm(1))}; } /* a millimetre a row for the rules: the 版记 stays within its grid lines */
.record-row + .record-row { border-top: ${px(RECORD_INNER)} solid #000; }
.record-copy { padding-left: ${px(SIZE.small * 4)}; text-indent: ${px(-SIZE.small * 3)}; text-align: left; }
.record-print { display: flex; justify-content: space-between; }
.watermark { position: fixed; left: 50%; top: 45%; transform: translate(-50%, -50%) rotate(-30deg); font-family: ${title}; font-size: 120pt; line-height: 1; letter-spacing: 0.2em; color: rgba(230, 0, 18, 0.12); white-space: nowrap; pointer-events: none; z-index: 10; }
`;
}
