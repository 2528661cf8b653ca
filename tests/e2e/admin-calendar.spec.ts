import { test, expect, ADMIN } from './support/fixtures';
import { AdminCalendar } from './pages/admin-calendar';

const YEAR_2027 = {
  year: 2027,
  days: [
    { date: '2027-01-01', name: '元旦', isOffDay: true },
    { date: '2027-01-02', name: '元旦', isOffDay: true },
    { date: '2027-01-03', name: '元旦', isOffDay: true },
  ],
};

test('holiday calendar: 2026 shows National Day, 2027 is imported, a bad file changes nothing, one day is edited and restored', async ({ page, desk }) => {
  await desk.setClock(Date.parse('2026-11-28T09:00:00+08:00'));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  // One open petition, so importing has deadlines to work out again.
  await desk.api(
    'petitions.create',
    { channel: 'visit', receivedAt: Date.parse('2026-11-27T10:00:00+08:00'), petitioners: [{ name: '赵六' }], peopleCount: 1, category: 'suggestion', summary: '村道修缮', request: '请求修缮村道' },
    admin,
  );

  const cal = new AdminCalendar(page);
  await cal.open();
  await expect(page.getByText('2026年放假和调休安排')).toBeVisible();
  await expect(cal.day('2026-10-01')).toHaveAttribute('data-state', 'off');
  await expect(cal.day('2026-10-01')).toContainText('休');
  await expect(cal.day('2026-10-01')).toHaveAttribute('title', /国庆节/);
  await expect(cal.day('2026-10-10')).toHaveAttribute('data-state', 'work');
  await expect(cal.day('2026-10-10')).toContainText('班');
  await expect(cal.day('2026-10-11')).toHaveAttribute('data-state', 'weekend');
  await expect(cal.holidayList).toContainText('国庆节');
  await expect(cal.year(2027)).toContainText('尚未导入');
  await desk.screenshot('admin-calendar');

  await cal.pickYear(2027);
  await expect(page.getByTestId('year-missing')).toContainText('国务院办公厅每年11月至12月');
  await desk.screenshot('admin-calendar-missing');

  await cal.importFile('2027.json', YEAR_2027);
  await expect(cal.importDialog).toBeHidden();
  await expect(page.getByTestId('import-result')).toHaveText('已导入2027年：3天，重新计算了1个期限');
  await expect(cal.year(2027)).not.toContainText('尚未导入');
  await expect(cal.day('2027-01-01')).toHaveAttribute('data-state', 'off');
  const listBefore = await cal.holidayList.textContent();

  await cal.importFile('2027-bad.json', { year: 2027, days: [{ date: '2027-01-04', name: '错误', isOffDay: true }, { date: '2028-01-01', name: '元旦', isOffDay: true }] });
  await expect(cal.importDialog.getByRole('alert')).toHaveText('文件中的日期 2028-01-01 不属于 2027 年');
  await desk.screenshot('admin-calendar-import');
  await cal.importDialog.getByRole('button', { name: '取消' }).click();
  await expect(cal.day('2027-01-04')).toHaveAttribute('data-state', 'normal');
  await expect(cal.day('2027-01-01')).toHaveAttribute('data-state', 'off');
  await expect(cal.holidayList).toHaveText(listBefore ?? '');

  await cal.day('2027-01-04').click();
  const dayDialog = page.getByRole('dialog', { name: '2027年1月4日（星期一）' });
  await expect(dayDialog).toContainText('现在：正常工作日');
  await dayDialog.getByLabel('名称').fill('临时休息');
  await desk.screenshot('admin-calendar-day');
  await dayDialog.getByRole('button', { name: '保存' }).click();
  await expect(dayDialog).toBeHidden();
  await expect(cal.day('2027-01-04')).toHaveAttribute('data-state', 'off');
  await expect(cal.holidayList).toContainText('临时休息');

  await cal.setDay('2027-01-04', '恢复正常');
  await expect(cal.day('2027-01-04')).toHaveAttribute('data-state', 'normal');
  await expect(cal.holidayList).not.toContainText('临时休息');
});
