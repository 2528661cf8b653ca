/**
 * The notice as React components, rendered once to static HTML (no script ever runs in a notice). One
 * component per part of GB/T 9704-2012: 版头 (mark, number, red rule), 主体 (title, addressee, body, signature
 * with seal, note) and 版记; the letter format (信函格式) swaps the 版头 and drops the 版记.
 */
import { Fragment, type ReactNode } from 'react';
import type { BodyBlock, NoticeDocument } from '../document';
import { CHARS_PER_LINE, LINES_PER_PAGE, MARK_TOP, mm, PAGE, pitch, px, RULE_GAP, SEAL, SIZE } from './geometry';
import { chineseDate, linesOf, paragraphLines } from './measure';
import { titlePieces } from './title-breaks';

/** Shown on a draft where the number and date come only at sign-off. */
export const NUMBER_PLACEHOLDER = '〔　　　　〕　号';
export const DATE_PLACEHOLDER = '　　　　年　　月　　日';

/** The mark is at most 15 mm tall; a long name gets smaller (down to 11 mm), then narrower, to fit 156 mm. */
export function markLayout(mark: string): { size: number; scaleX: number } {
  const n = Math.max(1, [...mark].length);
  const width = mm(PAGE.blockWidth);
  const size = Math.min(mm(15), Math.max(mm(11), width / n));
  return { size, scaleX: Math.min(1, width / (n * size)) };
}

/** 版头 of the document format, as whole grid lines so everything after it stays on the grid. */
export function bannerLayout(mark: string): { lines: number; numberTop: number; ruleTop: number } {
  const { size } = markLayout(mark);
  const lowest = MARK_TOP + size + 2 * pitch + SIZE.body + RULE_GAP;
  const lines = Math.ceil(lowest / pitch - 1e-6);
  const ruleTop = lines * pitch;
  return { lines, ruleTop, numberTop: ruleTop - RULE_GAP - SIZE.body };
}

function Mark({ text, top }: { text: string; top: number }) {
  const { size, scaleX } = markLayout(text);
  return (
    <div className="mark" style={{ top: px(top), fontSize: px(size), transform: `translateX(-50%) scaleX(${Number(scaleX.toFixed(4))})` }}>
      {text}
    </div>
  );
}

function DocumentBanner({ doc }: { doc: NoticeDocument }) {
  const { lines, numberTop, ruleTop } = bannerLayout(doc.issuerMark);
  return (
    <header className="banner" style={{ height: px(lines * pitch) }}>
      <Mark text={doc.issuerMark} top={MARK_TOP} />
      <div className="docno" style={{ top: px(numberTop) }}>
        {doc.docNumber ?? NUMBER_PLACEHOLDER}
      </div>
      <div className="rule" style={{ top: px(ruleTop) }} />
    </header>
  );
}

/** 信函格式: the mark at the top of the first page, the red double rule 4 mm under it, the number flush right. */
export function letterBannerLayout(mark: string): { height: number; ruleTop: number; numberTop: number } {
  const { size } = markLayout(mark);
  const ruleTop = size + RULE_GAP;
  const numberTop = ruleTop + (7 / 8) * SIZE.body + 3;
  return { ruleTop, numberTop, height: numberTop + SIZE.body };
}

function LetterBanner({ doc }: { doc: NoticeDocument }) {
  const { height, ruleTop, numberTop } = letterBannerLayout(doc.issuerMark);
  return (
    <header className="banner letter" style={{ height: px(height) }}>
      <Mark text={doc.issuerMark} top={0} />
      <div className="double-rule" style={{ top: px(ruleTop) }} />
      <div className="docno" style={{ top: px(numberTop) }}>
        {doc.docNumber ?? NUMBER_PLACEHOLDER}
      </div>
    </header>
  );
}

function Block({ block }: { block: BodyBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p className="para">{block.text}</p>;
    case 'heading': {
      const Tag = `h${block.level + 1}` as 'h2';
      return <Tag className={`h${block.level}`}>{block.text}</Tag>;
    }
    case 'table': {
      const [head, ...rows] = block.rows;
      return (
        <table className="roster">
          {head && (
            <thead>
              <tr>
                {head.map((cell, i) => (
                  <th key={i}>{cell}</th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}

/**
 * 发文机关署名 centred over 成文日期, the date four characters in from the right, the seal pressed over both
 * (never on a draft). The block keeps with the text before it, so the seal is never alone on a page.
 */
function Signature({ doc }: { doc: NoticeDocument }) {
  return (
    <div className="signature">
      <div className="signbox">
        <div className="signname">
          <span>{doc.issuerName}</span>
        </div>
        <div className="signdate">{doc.date ? chineseDate(doc.date) : DATE_PLACEHOLDER}</div>
        {doc.sealDataUrl && !doc.draft && <div className="seal" style={{ top: px(0.6 * pitch - SEAL / 2), backgroundImage: `url("${doc.sealDataUrl}")` }} />}
      </div>
    </div>
  );
}

/**
 * Grid lines kept for the 版记: the 抄送 lines and the 印发 line, and one more under a seal, whose lower edge
 * reaches most of a line below the date and must not run over the 版记's top rule.
 */
function recordLines(doc: NoticeDocument): number {
  const recordCells = Math.floor((mm(PAGE.blockWidth) - 2 * SIZE.small) / SIZE.small);
  const seal = doc.sealDataUrl && !doc.draft ? 1 : 0;
  return (doc.copyTo.length ? linesOf(`抄送：${doc.copyTo.join('，')}。`, recordCells - 3) : 0) + 1 + seal;
}

function RecordBlock({ doc }: { doc: NoticeDocument }) {
  return (
    <footer className="record">
      {doc.copyTo.length > 0 && <div className="record-row record-copy">抄送：{doc.copyTo.join('，')}。</div>}
      <div className="record-row record-print">
        <span>{doc.printedBy}</span>
        <span>{doc.printedOn ? `${chineseDate(doc.printedOn)}印发` : `${DATE_PLACEHOLDER}印发`}</span>
      </div>
    </footer>
  );
}

/** Lines the body takes on the grid (an estimate: the browser breaks the lines). */
function bodyLines(doc: NoticeDocument): number {
  const indent = 2;
  let lines = 0;
  for (const block of doc.body) {
    if (block.type === 'table') {
      const cols = Math.max(1, ...block.rows.map((r) => r.length));
      const cellsPerCol = (mm(PAGE.blockWidth) / cols - 10) / SIZE.small;
      for (const row of block.rows) lines += Math.max(...row.map((c) => linesOf(c, Math.max(1, Math.floor(cellsPerCol)))), 1) + 0.05;
    } else {
      lines += paragraphLines(block.text, CHARS_PER_LINE, indent);
    }
  }
  return Math.ceil(lines);
}

/** How many pages the document format needs, so the 版记 can sit at the bottom of the last one. */
export function estimatePages(doc: NoticeDocument): number {
  const titleLines = linesOf(doc.title, Math.floor(mm(PAGE.blockWidth) / SIZE.title));
  const record = recordLines(doc);
  const lines =
    bannerLayout(doc.issuerMark).lines +
    2 +
    titleLines +
    1 +
    linesOf(`${doc.addressee}：`, CHARS_PER_LINE) +
    bodyLines(doc) +
    2 +
    2 +
    (doc.note ? linesOf(`（${doc.note}）`, CHARS_PER_LINE, 2) : 0) +
    record;
  // Lines to spare for a table: its header is repeated on each page it runs onto, and rows do not sit on the
  // grid. Too few would leave the 版记 straight after the text instead of at the bottom of the page.
  const tables = doc.body.some((b) => b.type === 'table');
  const spare = tables ? 1 + Math.ceil(lines / LINES_PER_PAGE) : 0;
  return Math.max(1, Math.ceil((lines + spare) / LINES_PER_PAGE));
}

/** The title, breakable only between its words (title-breaks.ts): a <wbr> between pieces, none inside one. */
function NoticeTitle({ title }: { title: string }): ReactNode {
  return (
    <h1 className="title">
      {titlePieces(title).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </h1>
  );
}

export function NoticeBody({ doc }: { doc: NoticeDocument }): ReactNode {
  const letter = doc.format === 'letter';
  const pages = letter ? 1 : estimatePages(doc);
  // The sheet fills whole pages (a pixel short, so it never spills onto one more) and the 版记 is pinned to its
  // bottom; an empty block of the 版记's height ends the text, so the text can never run under it.
  const minHeight = letter ? undefined : px(pages * mm(PAGE.blockHeight) - 1);
  const recordHeight = recordLines(doc) * pitch;
  return (
    <div className={`sheet ${doc.format}`} style={minHeight ? { minHeight } : undefined}>
      {letter ? <LetterBanner doc={doc} /> : <DocumentBanner doc={doc} />}
      <NoticeTitle title={doc.title} />
      <p className="addressee">{doc.addressee}：</p>
      {doc.body.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      <Signature doc={doc} />
      {doc.note && <p className="note">（{doc.note}）</p>}
      {!letter && <div className="record-space" style={{ height: px(recordHeight) }} />}
      {!letter && <RecordBlock doc={doc} />}
    </div>
  );
}

export function Watermark() {
  return <div className="watermark">草稿</div>;
}
