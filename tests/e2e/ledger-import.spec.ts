/**
 * Bringing the office's existing ledger in through the UI: a 2,000-row ledger written by openpyxl
 * (tests/fixtures/ledgers/big-2000.xlsx) under a title row, with its channel column headed 来源方式, which the
 * importer does not know, and 20 rows whose date is impossible (every 100th). The office clock: 2026-12-01 09:00.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ADMIN, expect, settled, test } from './support/fixtures';
import { LedgerImport } from './pages/ledger-import';
import { Dashboard } from './pages/dashboard';

const BIG = path.resolve('tests/fixtures/ledgers/big-2000.xlsx');
const NOW = Date.parse('2026-12-01T09:00:00+08:00');

/** The rows the generator writes: received 2026-01-05 + (n × 7 mod 300) days, every third closed, every 100th bad. */
function expected() {
  let closed = 0;
  let open = 0;
  let overdue = 0;
  for (let n = 1; n <= 2000; n++) {
    if (n % 100 === 0) continue;
    if (n % 3 === 0) {
      closed++;
      continue;
    }
    open++;
    const received = Date.UTC(2026, 0, 5) + ((n * 7) % 300) * 86_400_000;
    // 60 days from the day after receipt; a last day on a weekend moves to Monday, which is still before 12-01.
    if (received + 60 * 86_400_000 <= Date.UTC(2026, 10, 30)) overdue++;
  }
  return { closed, open, overdue };
}

test('the clerk maps the unknown channel column, and the preview lists the 20 refused rows with reasons, downloadable', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const ledger = new LedgerImport(page);
  await ledger.openFromList();
  await ledger.choose(BIG);
  await expect(ledger.column('来源方式').getByRole('combobox')).toHaveValue('（不导入）');
  await expect(ledger.column('登记日期').getByRole('combobox')).toHaveValue('登记日期');
  await ledger.mapColumn('来源方式', '信访形式');
  await expect(page.getByTestId('ledger-channel-words')).toContainText('网上信访');
  await settled(page);
  await desk.screenshot('ledger-01-mapping');

  await ledger.toPreview();
  const { closed, open, overdue } = expected();
  await expect(ledger.counts()).toContainText(`共2000行：导入${closed + open}行（已办结${closed}，办理中${open}，其中已超期${overdue}），拒绝20行，重复0行`);
  await expect(ledger.rejectedRows()).toHaveCount(20);
  await expect(ledger.rejectedRows().first()).toContainText('登记日期“2026年13月1日”看不懂');
  await settled(page);
  await desk.screenshot('ledger-02-preview-refused');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载被拒绝的行（.xlsx）' }).click()]);
  expect(download.suggestedFilename()).toBe('台账导入-被拒绝的行.xlsx');
  const saved = test.info().outputPath('refused.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const sheet = wb.worksheets[0];
  expect(sheet?.rowCount).toBe(21);
  expect(sheet?.getRow(2).getCell(1).value).toBe(102);
  expect(String(sheet?.getRow(2).getCell(2).value)).toContain('看不懂');
});

test('the import brings 1,980 petitions in with their states; list and dashboard agree, and one summary alarm rings', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const ledger = new LedgerImport(page);
  await ledger.openFromList();
  await ledger.choose(BIG);
  await ledger.mapColumn('来源方式', '信访形式');
  await ledger.toPreview();
  const { closed, open, overdue } = expected();
  await ledger.importAll(closed + open);
  await expect(page.getByTestId('ledger-done')).toContainText(`已导入${closed + open}件（已办结${closed}件），拒绝20行；${overdue}件已超期`);

  await page.getByRole('link', { name: '去信访事项列表' }).click();
  await expect(page.getByTestId('petition-total')).toContainText(`共 ${closed + open} 件`);
  const home = new Dashboard(page);
  await home.open();
  await expect(home.figure('stat-/petitions')).toHaveText(String(open));
  await expect(home.figure('stat-/petitions?overdue=1')).toHaveText(String(overdue));
  await expect(home.alarms().filter({ hasText: '台账导入 big-2000.xlsx' })).toHaveCount(1, { timeout: 15_000 });
  await expect(home.alarms()).toHaveCount(1);
});

test('a batch imported today is undone from the import page, and its petitions are gone', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const dataBase64 = (await import('node:fs')).readFileSync(BIG).toString('base64');
  await desk.api('ledger.imports.create', { fileName: 'big-2000.xlsx', dataBase64, columns: { channel: 3 } }, admin);
  const ledger = new LedgerImport(page);
  await ledger.openFromList();
  await expect(page.getByTestId('ledger-history-row')).toContainText('导入“big-2000.xlsx”1980件');
  await page.getByTestId('ledger-history-row').getByRole('button', { name: '撤销这次导入' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤销这次导入' }).click();
  await expect(page.getByTestId('ledger-history-row')).toContainText('（已撤销）');
  await page.getByRole('navigation').getByRole('link', { name: '信访事项', exact: true }).click();
  await expect(page.getByTestId('petition-total')).toContainText('共 0 件');
});
