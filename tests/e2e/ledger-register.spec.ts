/**
 * The register leaves the office from the petition list, with the list's current filters: as .xlsx (read back
 * here) and printed to PDF by the same path as notices (browser mode: the local Chromium), A4 landscape with the
 * header row and page number on every page. Petitions come in from the openpyxl ledgers in tests/fixtures/ledgers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { ADMIN, SCREENSHOT_DIR, expect, settled, test } from './support/fixtures';

const NOW = Date.parse('2026-12-01T09:00:00+08:00');
const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/ledgers', name)).toString('base64');

async function openList(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '信访事项', exact: true }).click();
  await expect(page.getByRole('heading', { name: '信访事项' })).toBeVisible();
}

/** Clicks a print button and saves the PDF it downloads; pdfinfo's report on it. */
async function printedPdf(page: Page, button: string, fileName: string): Promise<{ saved: string; info: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const saved = test.info().outputPath(fileName);
  await download.saveAs(saved);
  return { saved, info: execFileSync('pdfinfo', [saved], { encoding: 'utf8' }) };
}

test('the register exports as .xlsx with real dates and masked ID numbers, following the list filter', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('ledger.imports.create', { fileName: 'messy.xlsx', dataBase64: fixture('messy.xlsx') }, admin);
  await openList(page);
  await page.getByRole('textbox', { name: '搜索' }).fill('反映');
  await expect(page.getByTestId('petition-total')).toContainText('共 5 件');
  await page.getByRole('button', { name: '导出台账' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click()]);
  expect(download.suggestedFilename()).toBe('青山镇信访事项登记台账.xlsx');
  const saved = test.info().outputPath('register.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.worksheets[0];
  expect(ws?.getCell(1, 1).value).toBe('青山镇信访事项登记台账');
  expect(ws?.rowCount).toBe(3 + 5);
  const ids = [4, 5, 6, 7, 8].map((r) => ws?.getRow(r).getCell(6).value);
  expect(ids).toContain('3601**********1236');
  const dates = [4, 5, 6, 7, 8].map((r) => ws?.getRow(r).getCell(3).value);
  expect(dates.every((d) => d instanceof Date)).toBe(true);

  // The searched words are marked in the list, and the ledger's own number shows under the office number.
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: '搜索' }).fill('张三 0005');
  await expect(page.getByTestId('petition-total')).toContainText('共 1 件');
  const row = page.getByTestId('petition-row');
  await expect(row.locator('mark')).toHaveText(['0005', '张三']);
  await expect(row.getByTestId('ledger-number')).toHaveText('原台账编号5');
  await settled(page);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ledger-06-list-marks.png') });

  // Its 信访事项登记表: one A4 portrait page with its number and the petitioner's name.
  await row.getByRole('link', { name: '信〔2025〕0005号' }).click();
  await expect(page.getByTestId('petition-facts')).toContainText('原台账编号5');
  await page.getByRole('button', { name: '打印登记表' }).click();
  const form = await printedPdf(page, '打印登记表（PDF）', '信访事项登记表-信〔2025〕0005号.pdf');
  expect(form.info).toMatch(/Pages:\s+1\n/);
  expect(form.info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const formText = execFileSync('pdftotext', [form.saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(formText).toContain('信〔2025〕0005号');
  expect(formText).toContain('张三');
  expect(formText).toContain('信访人签字');
  await settled(page);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ledger-07-petition-detail.png') });
});

test('the register prints to an A4 landscape PDF with the header row and page number on every page', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('ledger.imports.create', { fileName: 'big-2000.xlsx', dataBase64: fixture('big-2000.xlsx'), columns: { channel: 3 } }, admin);
  await openList(page);
  // 第19号, 第190–199号, 第1900–1999号 (less 第1900号, whose date was refused).
  await page.getByRole('textbox', { name: '搜索' }).fill('第19');
  await expect(page.getByTestId('petition-total')).toContainText('共 110 件');
  await page.getByRole('button', { name: '导出台账' }).click();
  const { saved, info } = await printedPdf(page, '打印台账（PDF）', '青山镇信访事项登记台账.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('身份证号');
    expect(text).toContain(`第 ${n} 页，共 ${pages} 页`);
  }
  await settled(page);
  if (process.env.SCREENSHOTS === '1') {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', saved, path.join(SCREENSHOT_DIR, 'ledger-03-register-pdf')]);
  }
});
