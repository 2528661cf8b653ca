/**
 * Reading the values clerks put in ledger cells: dates in every form offices write them, ID numbers that may have
 * been typed into a number cell, several people in one cell, channel words. Pure functions, no database.
 *
 * @example
 * ledgerDate('2025年3月5日') // { ok: true, date: '2025-03-05' }
 * splitPeople('张三、李四等5人') // { names: ['张三', '李四'], count: 5 }
 * ledgerIdNumber(3.60121197503041e17) // { ok: false, shown: '3.60121197503041E+17' }
 */
import type { Channel } from '../../../shared/enums';
import { isIsoDate } from '../../../shared/time';

/** One cell as the sheet reader hands it on: text, a number, a date (Excel dates), or nothing. */
export type Cell = string | number | Date | null;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoOfExcelDate(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) < 1e15 ? String(cell) : String(cell).replace('e+', 'E+');
  return cell.replace(/\s+/g, ' ').trim();
}

/** Excel keeps a date with no time zone; the reader hands it on as that wall-clock date at UTC midnight. */
function isoOfExcelDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*(?:[-./年])\s*(\d{1,2})\s*(?:[-./月])\s*(\d{1,2})\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/;

/**
 * A ledger date: an Excel date, an Excel serial number typed into a plain cell, or text as 2025.3.5, 2025年3月5日,
 * 2025-03-05, 2025/3/5 (a time after it is allowed and dropped). `null` for an empty cell.
 */
export function ledgerDate(cell: Cell): { ok: true; date: string } | { ok: false } | null {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { ok: false } : { ok: true, date: isoOfExcelDate(cell) };
  if (typeof cell === 'number') {
    // Serial day numbers between 1982 and 2064 are dates; anything else in a date column is a mistake.
    if (!Number.isFinite(cell) || cell < 30_000 || cell > 60_000) return { ok: false };
    return { ok: true, date: isoOfExcelDate(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000)) };
  }
  const m = DATE_TEXT.exec(cell.trim());
  if (!m) return { ok: false };
  const date = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(date) ? { ok: true, date } : { ok: false };
}

/**
 * An ID number cell. Text is taken as written (a lower-case x is made upper-case). A number with more than 15
 * digits, or text in Excel's E+ form, lost its last digits when it was typed into a number cell: such a cell is
 * refused, never imported as a wrong number.
 */
export function ledgerIdNumber(cell: Cell): { ok: true; idNumber: string } | { ok: false; shown: string } {
  if (cell === null) return { ok: true, idNumber: '' };
  if (typeof cell === 'number') {
    if (Math.abs(cell) >= 1e15) return { ok: false, shown: cell.toExponential(14).replace('e+', 'E+') };
    return { ok: true, idNumber: String(cell) };
  }
  const text = cellText(cell).replace(/\s/g, '');
  if (/^\d(?:\.\d+)?E\+?\d+$/i.test(text)) return { ok: false, shown: text.toUpperCase() };
  return { ok: true, idNumber: text.toUpperCase() };
}

/** Names in one cell, separated by 、，,；; or spaces, with an optional 等N人 (or 共N人) at the end. */
export function splitPeople(text: string): { names: string[]; count: number | null } {
  const m = /(?:等|共)\s*(\d+)\s*(?:人|名)\s*$/.exec(text);
  const list = m ? text.slice(0, m.index) : text;
  const names = list
    .split(/[、，,；;/\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { names, count: m ? Number(m[1]) : null };
}

/** A list cell (several ID numbers or phones) in the same order as the names. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;/]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Phones as written, without the spaces clerks put in; dashes stay (0791-8888-6666 is how a landline is read). */
export function ledgerPhone(text: string): string {
  return text.replace(/\s+/g, '');
}

const CHANNEL_WORDS: Readonly<Record<string, Channel>> = {
  来信: 'letter', 信件: 'letter', 写信: 'letter', 信函: 'letter', 来函: 'letter', 书信: 'letter',
  来访: 'visit', 走访: 'visit', 上访: 'visit', 接访: 'visit', 集体访: 'visit', 个人访: 'visit', 来访接待: 'visit',
  来电: 'call', 电话: 'call', 热线: 'call', 电话来访: 'call', '12345': 'call',
  网上信访: 'online', 网上: 'online', 网信: 'online', 网络: 'online', 网上投诉: 'online', 领导信箱: 'online', 信访信息系统: 'online',
};

/** The importer's own reading of a channel word; null when it does not know it (the clerk then maps it). */
export function guessChannel(word: string): Channel | null {
  return CHANNEL_WORDS[word.replace(/\s/g, '')] ?? null;
}

/** The office's usual words for the shipped topics (DEFAULT_TOPICS); a topic's own name always matches. */
const TOPIC_WORDS: Readonly<Record<string, string>> = {
  劳动保障: '劳动社保', 劳动: '劳动社保', 社保: '劳动社保', 欠薪: '劳动社保', 工资: '劳动社保', 劳资纠纷: '劳动社保',
  征地: '征地拆迁', 拆迁: '征地拆迁', 征收: '征地拆迁',
  农业: '农村农业', 农村: '农村农业', 三农: '农村农业', 涉农: '农村农业',
  城建: '城乡建设', 住建: '城乡建设', 建设: '城乡建设', 城乡建设: '城乡建设',
  环保: '环境保护', 环境: '环境保护', 污染: '环境保护',
  医疗: '医疗卫生', 卫生: '医疗卫生', 卫健: '医疗卫生',
  低保: '民政', 救助: '民政',
  涉法: '涉法涉诉', 涉诉: '涉法涉诉', 司法: '涉法涉诉',
};

export function guessTopicName(word: string): string | null {
  return TOPIC_WORDS[word.replace(/\s/g, '')] ?? null;
}

/** 已办结 / 已答复 / 办结 / 结案 mark a row the office finished. */
export function isFinishedResult(text: string): boolean {
  return /已办结|已答复|已结案|办结|结案|已处理完毕/.test(text) && !/未办结|未答复|未结案/.test(text);
}

/** A 合计/总计/小计 row at the bottom, or a 填表人/审核人 line under the table. */
export function isFooterRow(cells: readonly Cell[]): boolean {
  const first = cells.map(cellText).find((c) => c.length > 0) ?? '';
  return /^(?:合\s*计|总\s*计|小\s*计|填表人|审核人|制表人|负责人)/.test(first);
}
