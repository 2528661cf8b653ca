/** Page object for the statistics page ('#/stats'), and a reader for the .xlsx files it exports. */
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, type Locator, type Page } from '@playwright/test';

export type Tab = '按月份' | '按单位' | '按问题类别' | '按预警等级' | '按期办结与按时报送' | '迟报、漏报、瞒报';

export class StatsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '统计', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '统计分析' })).toBeVisible();
    await expect(this.summary()).toBeVisible();
  }

  summary(): Locator {
    return this.page.getByTestId('stats-summary');
  }

  async tab(name: Tab): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  table(key: string): Locator {
    return this.page.getByTestId(`stats-table-${key}`);
  }

  /** The table's row whose first cell is `first`, as the texts of its cells. */
  async row(key: string, first: string): Promise<string[]> {
    const row = this.table(key).getByRole('row').filter({ has: this.page.getByRole('cell', { name: first, exact: true }) });
    await expect(row).toHaveCount(1);
    return row.getByRole('cell').allInnerTexts();
  }

  async chooseRange(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '统计范围' }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Picks a month in one of the custom range's month pickers (the year shown first is the current one). */
  async pickMonth(field: '起始月份' | '结束月份', month: number): Promise<void> {
    await this.page.getByRole('button', { name: field }).click();
    const picker = this.page.getByRole('dialog', { name: field });
    await picker.getByRole('button', { name: `${month}月`, exact: true }).click();
    await expect(picker).toBeHidden();
  }

  /** Clicks the section's "导出 Excel" and returns the saved file's path and suggested name. */
  async exportTable(key: string, saveTo: string): Promise<{ path: string; name: string }> {
    const card = this.page.getByTestId(`stats-card-${key}`);
    const [download] = await Promise.all([this.page.waitForEvent('download'), card.getByRole('button', { name: '导出 Excel' }).click()]);
    await download.saveAs(saveTo);
    return { path: saveTo, name: download.suggestedFilename() };
  }
}

/** The first sheet of an .xlsx as rows of cells: inline strings as text, numeric cells as numbers. */
export function readSheet(path: string): { xml: string; rows: (string | number | null)[][] } {
  const files = unzipSync(new Uint8Array(fs.readFileSync(path)));
  const part = files['xl/worksheets/sheet1.xml'];
  if (!part) throw new Error('no xl/worksheets/sheet1.xml in the workbook');
  const xml = strFromU8(part);
  const rows: (string | number | null)[][] = [];
  for (const [, rowXml = ''] of xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)) {
    const cells: (string | number | null)[] = [];
    for (const [, ref = '', attrs = '', inner = ''] of rowXml.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g)) {
      const col = [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      while (cells.length < col) cells.push(null);
      const text = /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1];
      const value = /<v>(.*?)<\/v>/.exec(inner)?.[1];
      cells.push(attrs.includes('t="inlineStr"') ? (text ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : Number(value));
    }
    rows.push(cells);
  }
  return { xml, rows };
}
