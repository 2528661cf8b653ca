/**
 * The .xlsx the statistics tables export: a real Office Open XML package whose sheet has the Chinese headers
 * as text and the figures as numeric cells, so the county can add them up in Excel or WPS.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildXlsx, columnName, safeFileName, safeSheetName } from '../../renderer/src/components/stats/xlsx';

const sheet = {
  sheetName: '按单位',
  columns: [{ header: '单位' }, { header: '信访事项' }, { header: '按期率', format: 'percent' as const }],
  rows: [
    ['东风村', 3, 0.5],
    ['红旗村<二组>&"三组"', 0, null],
  ],
};

describe('the .xlsx writer', () => {
  const files = unzipSync(buildXlsx(sheet));
  const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());

  it('writes every part Excel needs', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('<sheet name="按单位" sheetId="1" r:id="rId1"/>');
  });

  it('puts the headers in row 1 as bold text and the figures as numbers, a rate as a percentage', () => {
    expect(sheetXml).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">单位</t></is></c>');
    expect(sheetXml).toContain('<c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve">信访事项</t></is></c>');
    expect(sheetXml).toContain('<c r="B2"><v>3</v></c>');
    expect(sheetXml).toContain('<c r="C2" s="2"><v>0.5</v></c>');
    expect(sheetXml).toContain('<c r="B3"><v>0</v></c>');
    expect(sheetXml).toContain('<dimension ref="A1:C3"/>');
  });

  it('escapes XML in text and leaves a missing rate empty rather than writing 0', () => {
    expect(sheetXml).toContain('红旗村&lt;二组&gt;&amp;&quot;三组&quot;');
    expect(sheetXml).not.toContain('r="C3"');
  });

  it('names columns past Z and keeps sheet and file names legal', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(safeSheetName('按月/按单位[2026]')).toBe('按月 按单位 2026');
    expect(safeSheetName('很长'.repeat(20))).toHaveLength(31);
    expect(safeFileName('统计：2026/01.xlsx')).toBe('统计：2026_01.xlsx');
  });
});
