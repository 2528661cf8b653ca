import { ADMIN, expect, settled, test } from './support/fixtures';
import { Dashboard } from './pages/dashboard';
import { arrangeOffice } from './pages/stats-office';

test('the dashboard shows who is on duty with the gap ahead, overdue petitions, late reports, warnings by level and open alarms', async ({ page, desk }) => {
  await arrangeOffice(desk);
  await desk.openAs(ADMIN);
  const home = new Dashboard(page);
  await home.open();

  // Duty: 赵值班 and 张镇长 now; 张镇长's rotation ends on the 21st, so the gap from the 22nd 08:00 is red.
  await expect(home.onDuty('officer')).toContainText('赵值班');
  await expect(home.onDuty('leader')).toContainText('张镇长');
  await expect(home.nextGap()).toContainText('11月22日 08:00');
  await expect(home.sensitivePeriod()).toContainText('冬季维稳');

  // Petitions: three open; 红旗村's October petition is overdue; none registered today.
  await expect(home.figure('stat-/petitions')).toHaveText('3');
  await expect(home.figure('stat-/petitions?overdue=1')).toHaveText('1');
  await expect(home.figure('stat-today')).toHaveText('0');

  // Warnings: one red, one yellow, no blue; the red one's 24-hour feedback is not due yet.
  await expect(home.figure('dash-warnings-red')).toHaveText('1');
  await expect(home.figure('dash-warnings-yellow')).toHaveText('1');
  await expect(home.figure('dash-warnings-blue')).toHaveText('0');
  await expect(home.figure('dash-feedback-overdue')).toHaveText('反馈均未超期');

  // Reports: 东风村's major report came an hour late this month. Zero reports: October's monthly report is
  // missing from both villages; today's daily report (sensitive period) is due from both tonight.
  await expect(home.figure('dash-reports-late')).toHaveText('1');
  await expect(home.figure('dash-zero-missing')).toHaveText('2');
  await expect(home.figure('dash-zero-due')).toHaveText('2');

  // Open alarms: the overdue October petition rang when its forwarding period ran out.
  await expect(home.alarms().filter({ hasText: '信〔2026〕0001号' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(home.figure('dash-alarms-count')).not.toHaveText('0');

  await settled(page);
  await desk.screenshot('dashboard');

  // The overdue figure leads to the overdue petitions.
  await home.figure('stat-/petitions?overdue=1').click();
  await expect(page.getByRole('checkbox', { name: '只看已超期' })).toBeChecked();
});
