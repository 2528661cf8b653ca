/**
 * The rows of a ledger that were not imported, as an .xlsx the clerk opens, corrects and imports again: the
 * ledger's own columns as they were, each row with its number in the original sheet and the reason.
 */
import ExcelJS from 'exceljs';
import { t } from '../../../shared/i18n';
import type { JudgedRow } from './rows';

export async function rejectedRowsXlsx(headers: readonly string[], rows: readonly JudgedRow[]): Promise<string> {
  if (rows.length === 0) return '';
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t('ledger.import.rejectedTitle', { count: rows.length }).slice(0, 31));
  ws.addRow([t('ledger.import.row'), t('ledger.import.reason'), ...headers]).font = { bold: true };
  for (const row of rows) {
    const added = ws.addRow([row.rowNumber, row.reason, ...row.cells]);
    // Everything the clerk typed goes back as text: an ID number must not turn into a number again.
    added.eachCell((cell, col) => {
      if (col > 2) cell.numFmt = '@';
    });
  }
  ws.getColumn(2).width = 50;
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
