/**
 * Which column of a ledger holds which field: the header row is found among the first rows (under a title and a
 * 填报单位 line), and each header is matched against the names offices use for it. The clerk can change any of it.
 *
 * @example
 * const found = findHeader(sheets); // { sheet: '2025年', headerRow: 3, columns: [{ index: 1, header: '序号', field: 'ledgerNumber' }, …] }
 */
import { LEDGER_FIELDS, type LedgerField } from '../../../shared/enums';
import { cellText, type Cell } from './cells';

export interface LedgerSheet {
  readonly name: string;
  /** Rows as in the sheet, `rowNumber` 1-based as the spreadsheet shows it. */
  readonly rows: readonly { readonly rowNumber: number; readonly cells: readonly Cell[] }[];
}

const HEADER_NAMES: Readonly<Record<LedgerField, readonly string[]>> = {
  ledgerNumber: ['序号', '编号', '登记编号', '台账编号', '登记号'],
  receivedAt: ['登记日期', '来信来访日期', '来访日期', '来信日期', '信访日期', '登记时间', '信访时间', '来信来访时间', '日期'],
  channel: ['信访形式', '信访方式', '来访形式', '形式', '方式', '信访渠道'],
  petitioners: ['信访人', '信访人姓名', '姓名', '来访人', '反映人', '信访人员', '来访人姓名'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '身份证', '公民身份号码'],
  phone: ['联系电话', '电话', '手机', '手机号码', '联系方式', '电话号码'],
  address: ['住址', '地址', '家庭住址', '现住址', '通讯地址'],
  peopleCount: ['人数', '来访人数', '信访人数'],
  summary: ['反映问题', '事项概要', '反映事项', '主要问题', '问题', '信访事项', '反映内容', '反映的问题', '事由'],
  request: ['诉求', '主要诉求', '信访诉求', '具体诉求'],
  topic: ['问题类别', '类别', '问题分类', '事项类别', '分类', '问题类型'],
  responsibleUnit: ['责任单位', '承办单位', '办理单位', '交办单位'],
  leadLeader: ['包案领导', '责任领导', '包案责任人'],
  result: ['办理结果', '办理情况', '办结情况', '处理结果', '办理状态', '处理情况'],
  closedAt: ['办结时间', '办结日期', '答复时间', '答复日期'],
  note: ['备注', '说明'],
};

/** A header as offices vary it: spaces, full-width brackets, a bracketed hint such as 信访人(姓名). */
function headerForms(raw: string): string[] {
  const plain = raw.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const withoutHint = plain.replace(/\([^)]*\)/g, '');
  const hint = /\(([^)]*)\)/.exec(plain)?.[1] ?? '';
  // 信访人(姓名、身份证号) is the petitioner column; 身份证号(码) is the ID column.
  return [plain, withoutHint, `${withoutHint}${hint}`];
}

export function fieldOfHeader(raw: string): LedgerField | null {
  const forms = headerForms(raw);
  for (const field of LEDGER_FIELDS) {
    if (HEADER_NAMES[field].some((name) => forms.includes(name))) return field;
  }
  return null;
}

export interface HeaderColumn {
  readonly index: number;
  readonly header: string;
  readonly field: LedgerField | null;
}

export interface FoundHeader {
  readonly sheet: LedgerSheet;
  readonly headerRow: number;
  readonly columns: readonly HeaderColumn[];
}

const SEARCHED_ROWS = 15;

function columnsOf(cells: readonly Cell[]): HeaderColumn[] {
  const seen = new Set<LedgerField>();
  return cells.map((cell, i) => {
    const header = cellText(cell);
    const field = fieldOfHeader(header);
    // The first column of a kind wins (a second 电话 column is the clerk's to map).
    const kept = field && !seen.has(field) ? field : null;
    if (kept) seen.add(kept);
    return { index: i + 1, header, field: kept };
  });
}

/**
 * The sheet and row that look most like a ledger's header (most recognised headers), over every sheet: an
 * instructions sheet (填表说明) or a title row never wins. Null when no sheet has three recognised headers.
 */
export function findHeader(sheets: readonly LedgerSheet[]): FoundHeader | null {
  let best: FoundHeader | null = null;
  let bestScore = 2;
  for (const sheet of sheets) {
    for (const row of sheet.rows.slice(0, SEARCHED_ROWS)) {
      const columns = columnsOf(row.cells);
      const score = columns.filter((c) => c.field !== null).length;
      if (score > bestScore) {
        best = { sheet, headerRow: row.rowNumber, columns };
        bestScore = score;
      }
    }
  }
  return best;
}
