/**
 * GB/T 9704-2012 geometry in CSS pixels (96 per inch), the unit Chromium lays pages out in. Lengths that must
 * repeat exactly (the line pitch, the character advance) are rounded down to Chromium's layout unit (1/64 px),
 * so that 22 lines and 28 characters always fit their 225 mm and 156 mm instead of spilling by a rounding.
 *
 * @example
 * GEOMETRY.pitch * 22 <= mm(225) // true
 */

export const PX_PER_MM = 96 / 25.4;
export const PX_PER_PT = 96 / 72;
export const mm = (v: number) => v * PX_PER_MM;
export const pt = (v: number) => v * PX_PER_PT;
const floorUnit = (px: number) => Math.floor(px * 64) / 64;

/** Page and text block (版心). */
export const PAGE = { width: 210, height: 297, top: 37, left: 28, right: 26, bottom: 35, blockWidth: 156, blockHeight: 225 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 3号 = 16 pt body; 2号 = 22 pt title; 4号 = 14 pt record block and page numbers. */
export const SIZE = { body: pt(16), title: pt(22), small: pt(14) } as const;

/** Line pitch: 22 lines fill the 225 mm block (a hair under, in layout units). */
export const pitch = floorUnit(mm(PAGE.blockHeight) / LINES_PER_PAGE);
/** One character cell: 28 fill the 156 mm line; the 16 pt glyph is narrowed by a small negative letter-spacing. */
export const advance = floorUnit((mm(PAGE.blockWidth) - 0.125) / CHARS_PER_LINE);
export const letterSpacing = advance - SIZE.body;

/** 版头: the issuing-body mark's top edge is 35 mm under the block's top; the red rule 4 mm under the number. */
export const MARK_TOP = mm(35);
export const RULE_GAP = mm(4);
export const RULE_WIDTH = mm(0.5);
/** 版记 rules: outer 0.35 mm, inner 0.25 mm. */
export const RECORD_OUTER = mm(0.35);
export const RECORD_INNER = mm(0.25);
/** Page numbers: the number line's top 7 mm under the block, one 4号 character in from the side. */
export const FOLIO_GAP = mm(7);

/** 信函格式: mark 30 mm from the paper's top; red double rules 170 mm long, the lower one 20 mm from the bottom. */
export const LETTER = { markTop: 30, bottomRule: 20, ruleLength: 170 } as const;

/** The seal is drawn 42 mm across (the usual size of an office seal). */
export const SEAL = mm(42);

export const RED = '#e60012';

export const px = (v: number) => `${Number(v.toFixed(4))}px`;
