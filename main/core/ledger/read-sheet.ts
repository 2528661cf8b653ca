/**
 * Opening a ledger file: .xlsx (Excel and WPS) through exceljs, .csv through exceljs's CSV reader after the bytes
 * are decoded (UTF-8 when they are valid UTF-8, else GBK, as Excel and WPS save a Chinese CSV by default).
 *
 * @example
 * const sheets = await readLedgerFile('2025年台账.xlsx', bytes); // [{ name: '2025年', rows: [...] }, { name: '填表说明', … }]
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { UserError } from '../errors';
import type { Cell } from './cells';
import type { LedgerSheet } from './columns';

type ExcelValue = ExcelJS.CellValue;

/** A cell's value as the importer reads it: rich text joined, a formula's result, a hyperlink's text. */
function plainValue(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainValue((value as { result?: ExcelValue }).result ?? null);
    if ('text' in value) return plainValue(value.text as ExcelValue);
    if ('error' in value) return null;
  }
  return null;
}

function sheetOf(ws: ExcelJS.Worksheet): LedgerSheet {
  const rows: { rowNumber: number; cells: Cell[] }[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged title repeats its text in every cell it covers; only its first cell keeps it.
      cells.push(cell.isMerged && cell.master !== cell ? null : plainValue(cell.value));
    }
    rows.push({ rowNumber, cells });
  });
  return { name: ws.name, rows };
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else GBK. */
export function decodeCsv(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

export async function readLedgerFile(fileName: string, data: Buffer): Promise<LedgerSheet[]> {
  const lower = fileName.toLowerCase();
  const workbook = new ExcelJS.Workbook();
  try {
    if (lower.endsWith('.csv')) {
      // Every value stays text: a CSV has no cell types, and a number conversion would ruin ID numbers.
      const ws = await workbook.csv.read(Readable.from([decodeCsv(data)]), { map: (v: unknown) => v, sheetName: fileName });
      return [sheetOf(ws)];
    }
    if (lower.endsWith('.xlsx')) {
      // exceljs declares its own Buffer type; an ArrayBuffer of the bytes is what its zip reader takes either way.
      const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
      await workbook.xlsx.load(bytes as Parameters<typeof workbook.xlsx.load>[0]);
      return workbook.worksheets.map(sheetOf);
    }
  } catch {
    throw UserError.field('file', 'errors.ledger.unreadable', { name: fileName });
  }
  throw UserError.field('file', 'errors.ledger.fileType', { name: fileName });
}
