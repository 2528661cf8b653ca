import { test, expect, ADMIN } from './support/fixtures';
import { dismissToasts } from './pages/admin-common';
import { ZeroReportGridModel } from './pages/zero-report-grid';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

test('the zero-report grid of a month with a sensitive week shows daily columns, and entering a missing day turns it late, an open day on time', async ({ page, desk }) => {
  const grid = new ZeroReportGridModel(page);
  await desk.setClock(beijing(11, 10, 10));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const qingshan = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village', liaisonName: '黄会计', effectiveFrom: '2026-01-01' }, admin);
  await desk.api('units.create', { name: '东风村', kind: 'village', liaisonName: '陈主任', effectiveFrom: '2026-01-01' }, admin);
  await desk.api('units.create', { name: '镇司法所', kind: 'department', effectiveFrom: '2026-01-01' }, admin);
  // Added on the 10th, but the admin says daily reports were owed from its first day.
  await desk.api('duty.sensitivePeriods.create', { name: '进博会保障', startDate: '2026-11-09', endDate: '2026-11-15', reportsFrom: '2026-11-09' }, admin);
  const report = await desk.api<{ id: number; number: string }>(
    'reports.create',
    { unitId: qingshan.id, type: 'dispute', severity: 'general', foundAt: beijing(11, 10, 9), summary: '青山村两户村民宅基地界址纠纷', content: '两户村民因宅基地界址发生争执，村调委会已介入' },
    admin,
  );

  await grid.open('2026-11');
  await expect(page.getByTestId('sensitive-alert')).toContainText('敏感期：进博会保障（11月9日 至 11月15日）');
  await expect(grid.dayColumns()).toHaveCount(7);
  await expect(grid.dayColumns().first()).toContainText('9日');
  await expect(grid.dayColumns().last()).toContainText('15日');
  // Monday the 9th was due at 24:00 and nobody reported: missing. Today and the month are not due yet.
  await grid.expectState('青山村', '2026年11月9日', 'missing');
  await grid.expectState('东风村', '2026年11月9日', 'missing');
  await grid.expectState('青山村', '2026年11月10日', 'not_due_yet');
  await grid.expectState('青山村', '2026年11月', 'not_due_yet');
  await expect(page.getByTestId('zero-counts')).toHaveText('按时 0 · 迟报 0 · 未报 3 · 未到期 21');
  await desk.screenshot('reports-03-zero-grid-before');

  // 青山村 reports the 9th today: late.
  let dialog = await grid.submitNothing('青山村', '2026年11月9日');
  await expect(dialog.getByTestId('zero-late-warning')).toHaveText('现在报送将记为迟报（超过截止时间10小时）');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已登记青山村2026年11月9日零报告（迟报）')).toBeVisible();
  await grid.expectState('青山村', '2026年11月9日', 'late');

  // Today it had an event: linking reports needs one chosen; without it nothing is entered.
  dialog = await grid.submitNothing('青山村', '2026年11月10日');
  await dialog.getByText('本期有情况，关联已报送的信息', { exact: true }).click();
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog.getByText('请选择本期的信息报告，或选择“本期无情况”')).toBeVisible();
  await grid.expectState('青山村', '2026年11月10日', 'not_due_yet');
  await dialog.getByPlaceholder('选择该单位本期报送的信息报告').click();
  await page.getByRole('option', { name: `${report.number} 青山村两户村民宅基地界址纠纷` }).click();
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog).toBeHidden();
  await grid.expectState('青山村', '2026年11月10日', 'on_time');

  // 东风村 has nothing to report today: on time.
  dialog = await grid.submitNothing('东风村', '2026年11月10日');
  await expect(dialog.getByTestId('zero-late-warning')).toHaveCount(0);
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog).toBeHidden();
  await grid.expectState('东风村', '2026年11月10日', 'on_time');
  await expect(page.getByTestId('zero-counts')).toHaveText('按时 2 · 迟报 1 · 未报 2 · 未到期 19');
  await dismissToasts(page);
  await desk.screenshot('reports-03-zero-grid');

  // October had no sensitive period: the monthly column only, missing after 5 November.
  await page.getByRole('button', { name: '上个月' }).click();
  await expect(grid.dayColumns()).toHaveCount(0);
  await grid.expectState('青山村', '2026年10月', 'missing');

  // A month-long sensitive period entered afterwards (October), with more villages: every day of it recorded
  // in one go for every unit but 青山村 and 东风村, which had something to report.
  for (const name of ['红旗村', '向阳村', '石桥村', '柳树村', '河湾村']) {
    await desk.api('units.create', { name, kind: 'village', effectiveFrom: '2026-01-01' }, admin);
  }
  await desk.api('duty.sensitivePeriods.create', { name: '国庆维稳', startDate: '2026-10-01', endDate: '2026-10-31', reportsFrom: '2026-10-01' }, admin);
  await grid.open('2026-11');
  await grid.open('2026-10');
  await expect(grid.dayColumns()).toHaveCount(31);
  const bulk = await grid.openBulk();
  await expect(bulk.getByRole('combobox', { name: '从' })).toHaveValue('2026年10月1日');
  await expect(bulk.getByRole('combobox', { name: '至' })).toHaveValue('2026年10月31日');
  for (const unit of ['青山村', '东风村']) {
    await bulk.getByRole('combobox', { name: '例外单位（本期有情况，不在此登记）' }).click();
    await page.getByRole('option', { name: unit, exact: true }).click();
  }
  await bulk.getByText('为所有单位一次登记“本期无情况”', { exact: false }).click(); // closes the unit list
  await expect(bulk.getByTestId('zero-bulk-scope')).toHaveText('将为6个单位登记31个报告期；已报送的跳过');
  await expect(bulk.getByTestId('zero-bulk-late')).toHaveText('其中31个报告期已过截止时间，将记为迟报');
  await desk.screenshot('reports-04-zero-bulk');
  await bulk.getByRole('button', { name: '登记', exact: true }).click();
  await expect(bulk).toBeHidden();
  await expect(page.getByText('已登记186份零报告（其中迟报186份）；已报0个，跳过')).toBeVisible();
  for (const day of ['2026年10月1日', '2026年10月15日', '2026年10月31日']) {
    await grid.expectState('镇司法所', day, 'late');
    await grid.expectState('河湾村', day, 'late');
    await grid.expectState('青山村', day, 'missing');
    await grid.expectState('东风村', day, 'missing');
  }
  // The month's own report is another column, not recorded by the daily batch.
  await grid.expectState('河湾村', '2026年10月', 'missing');
  await expect(page.getByTestId('zero-counts')).toHaveText('按时 0 · 迟报 186 · 未报 70 · 未到期 0');
  await dismissToasts(page);
  await desk.screenshot('reports-05-zero-grid-after-bulk');
});
