import path from 'node:path';
import fs from 'node:fs';
import { ADMIN, expect, settled, test } from './support/fixtures';
import { StatsPage, readSheet } from './pages/stats-page';
import { arrangeOffice } from './pages/stats-office';

test('statistics show the arranged month and units, on-time rates and lapses, and export real .xlsx tables', async ({ page, desk }) => {
  await arrangeOffice(desk);
  await desk.openAs(ADMIN);
  const stats = new StatsPage(page);
  await stats.open();
  const downloads = test.info().outputPath('xlsx');
  fs.mkdirSync(downloads, { recursive: true });

  // The last 12 months: December 2025 to November 2026.
  await expect(stats.summary()).toContainText('2025年12月至2026年11月');
  await expect(stats.summary()).toContainText('信访事项 3 件，信息报告 3 条，预警 2 条');
  expect(await stats.row('month', '2026年11月')).toEqual(['2026年11月', '2', '3', '2']);
  expect(await stats.row('month', '2026年10月')).toEqual(['2026年10月', '1', '0', '0']);
  expect(await stats.row('month', '合计')).toEqual(['合计', '3', '3', '2']);
  await settled(page);
  await desk.screenshot('stats-month');

  await stats.tab('按单位');
  expect(await stats.row('unit', '东风村')).toEqual(['东风村', '2', '2', '1']);
  expect(await stats.row('unit', '红旗村')).toEqual(['红旗村', '1', '1', '1']);
  const unitFile = await stats.exportTable('unit', path.join(downloads, 'unit.xlsx'));
  expect(unitFile.name).toBe('各单位数量（2025年12月至2026年11月）.xlsx');
  const unitSheet = readSheet(unitFile.path);
  expect(unitSheet.rows).toEqual([
    ['单位', '信访事项（件）', '信息报告（条）', '预警（条）'],
    ['东风村', 2, 2, 1],
    ['红旗村', 1, 1, 1],
    ['合计', 3, 3, 2],
  ]);
  // Figures are numeric cells, not text.
  expect(unitSheet.xml).toContain('<c r="B2"><v>2</v></c>');

  // On time: 东风村's accepted petition was on time, its other one is not due yet; one of its two reports
  // was late. 红旗村's petition ran out; its one report was marked 漏报.
  await stats.tab('按期办结与按时报送');
  const dongfeng = await stats.row('onTime', '东风村');
  expect(dongfeng.slice(0, 8)).toEqual(['东风村', '1', '1', '0', '100.0%', '2', '1', '50.0%']);
  const hongqi = await stats.row('onTime', '红旗村');
  expect(hongqi.slice(0, 8)).toEqual(['红旗村', '1', '0', '1', '0.0%', '1', '0', '0.0%']);
  await settled(page);
  await desk.screenshot('stats-on-time');
  const rates = readSheet((await stats.exportTable('onTime', path.join(downloads, 'on-time.xlsx'))).path);
  expect(rates.rows[0]?.slice(0, 5)).toEqual(['单位', '已到期信访事项（件）', '按期办理（件）', '超期（件）', '信访按期率']);
  expect(rates.rows[1]?.slice(0, 8)).toEqual(['东风村', 1, 1, 0, 1, 2, 1, 0.5]);

  await stats.tab('迟报、漏报、瞒报');
  expect(await stats.row('lapses', '东风村')).toEqual(['东风村', '2', '1', '0', '0', '1']);
  expect(await stats.row('lapses', '红旗村')).toEqual(['红旗村', '1', '0', '1', '0', '1']);

  await stats.tab('按预警等级');
  expect(await stats.row('level', '红色')).toEqual(['红色', '1', '1']);
  expect(await stats.row('level', '黄色')).toEqual(['黄色', '1', '1']);
  expect(await stats.row('level', '蓝色')).toEqual(['蓝色', '0', '0']);
  await settled(page);
  await desk.screenshot('stats-level');

  await stats.tab('按问题类别');
  expect(await stats.row('topic', '征地拆迁')).toEqual(['征地拆迁', '2']);
  expect(await stats.row('topic', '劳动社保')).toEqual(['劳动社保', '1']);
  expect(await stats.row('reportType', '自然灾害')).toEqual(['自然灾害', '1']);
  await settled(page);
  await desk.screenshot('stats-topic');

  // A reversed custom range is refused with a message, and the figures stay as they were.
  await stats.chooseRange('自定义月份');
  await stats.pickMonth('起始月份', 5);
  await stats.pickMonth('结束月份', 2);
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await expect(page.getByText('结束月份不能早于起始月份')).toBeVisible();
  await expect(stats.summary()).toContainText('2025年12月至2026年11月');
  await desk.screenshot('stats-range-refused');

  // The calendar year 2026: twelve months, October and November holding the arranged figures.
  await stats.chooseRange('2026年');
  await expect(stats.summary()).toContainText('2026年1月至2026年12月');
  await stats.tab('按月份');
  await expect(stats.table('month').getByTestId('stats-row')).toHaveCount(12);
  expect(await stats.row('month', '2026年11月')).toEqual(['2026年11月', '2', '3', '2']);
});
