/**
 * The first-week friction a new user hit (issue 14), one behaviour per test: past duty is history on the
 * roster, the dashboard's zero-report figure opens the month it counts, and the forms that got in the way.
 */
import { test, expect, ADMIN, settled } from './support/fixtures';
import type { Desk } from './support/fixtures';
import { DutyRoster } from './pages/duty-roster';
import { Dashboard } from './pages/dashboard';
import { PetitionIntake, validId } from './pages/petition-intake';
import { ZeroReportGridModel } from './pages/zero-report-grid';
import { dateValue, typeDate } from './pages/date-field';
import { AlarmBoardModel } from './pages/alarm-board';
import { AdminAudit } from './pages/admin-audit';

const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);
const PASSWORD = 'Passw0rd1';

/** 赵 and 钱 alternate daily from Sun 11-01 at 08:00 (11-01 赵, 11-02 钱, 11-03 赵, 11-04 钱, 11-05 赵 …); 孙 stands by. */
async function roster(desk: Desk): Promise<void> {
  await desk.setClock(beijing(11, 1, 7));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const zhao = await desk.api<{ id: number }>('users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: PASSWORD }, admin);
  const qian = await desk.api<{ id: number }>('users.create', { username: 'duty2', displayName: '钱值班', role: 'duty_officer', password: PASSWORD }, admin);
  await desk.api('users.create', { username: 'duty3', displayName: '孙值班', role: 'duty_officer', password: PASSWORD }, admin);
  await desk.api('duty.rotations.create', { name: '值班员轮班', roleId: roles.find((r) => r.key === 'officer')?.id, pattern: 'daily', startDate: '2026-11-01', members: [zhao.id, qian.id] }, admin);
  await desk.setClock(beijing(11, 4, 10));
}

test('a day that is over offers no cover or swap, only a reasoned 值班更正', async ({ page, desk }) => {
  await roster(desk);
  await desk.setupOffice();
  const duty = new DutyRoster(page);
  await duty.open();
  const drawer = await duty.openDay('2026-11-02');
  await expect(drawer.getByTestId('duty-day-past')).toContainText('这一天的班次已经过去，是值班历史');
  await expect(drawer.getByTestId('duty-swap-form')).toHaveCount(0);
  await expect(drawer.getByText('换班', { exact: true })).toHaveCount(0);
  await expect(drawer.getByTestId('duty-correction-form')).toBeVisible();
});

test('the swap drawer on today offers only shifts that have not started', async ({ page, desk }) => {
  await roster(desk);
  await desk.setupOffice();
  const duty = new DutyRoster(page);
  await duty.open();
  const drawer = await duty.openDay('2026-11-04');
  await drawer.getByText('换班', { exact: true }).click();
  const swap = drawer.getByTestId('duty-swap-form');
  await swap.getByRole('combobox', { name: '换班人（乙）' }).click();
  await page.getByRole('option', { name: '赵值班（值班员）', exact: true }).click();
  // 钱's running shift is given up from now on, not from 08:00 (that part is history).
  await expect(dateValue(swap, 'startA')).toHaveValue('2026-11-04 10:00:00');
  // 赵's 11-01 and 11-03 shifts are history; the first one offered is 11-05.
  await expect(swap.getByRole('combobox', { name: '乙的班次' })).toHaveValue(/^11月5日/);
  await swap.getByRole('combobox', { name: '乙的班次' }).click();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  for (const text of await options.allTextContents()) expect(text).not.toMatch(/^11月[1-3]日/);
  await page.keyboard.press('Escape');
  await settled(page);
  await desk.screenshot('duty-swap-drawer');
});

test('a cover of today’s running shift starts now, and saves', async ({ page, desk }) => {
  await roster(desk);
  await desk.setupOffice();
  const duty = new DutyRoster(page);
  await duty.open();
  const drawer = await duty.openDay('2026-11-04');
  await expect(dateValue(drawer.getByTestId('duty-override-form'), 'startAt')).toHaveValue('2026-11-04 10:00:00');
  await duty.replace(drawer, '孙值班（值班员）', '钱值班下午就医');
  await expect(page.getByText('替班已保存')).toBeVisible();
  await expect(drawer).toContainText('孙值班');
});

test('who actually served a past shift is entered as a 值班更正 and shows in the duty log', async ({ page, desk }) => {
  await roster(desk);
  await desk.setupOffice();
  const duty = new DutyRoster(page);
  await duty.open();
  const drawer = await duty.openDay('2026-11-02');
  const form = drawer.getByTestId('duty-correction-form');
  await form.getByRole('combobox', { name: '实际值班人' }).click();
  await page.getByRole('option', { name: '孙值班（值班员）', exact: true }).click();
  await form.getByLabel('原因').fill('钱值班临时请假，孙值班顶班');
  await form.getByRole('button', { name: '登记值班更正' }).click();
  await expect(page.getByText('值班更正已登记在值班记录中')).toBeVisible();
  // The roster itself still shows who was planned.
  await page.keyboard.press('Escape');
  await expect(duty.line('2026-11-02', 'officer')).toContainText('钱值班');
  await duty.openTab('值班记录');
  // The entry stands on the day of the shift it corrects.
  await typeDate(page, '开始日期', '2026-11-01');
  await expect(page.getByText(/值班更正：2026-11-02 08:00 至 2026-11-03 08:00 的值班员实际由孙值班值班（排班为钱值班）/)).toBeVisible();
});

test('the dashboard counts the missing zero reports of the month its link opens, and new units owe nothing before they began', async ({ page, desk }) => {
  await desk.setClock(beijing(12, 3, 10));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('units.create', { name: '东风村', kind: 'village', liaisonName: '周联络', effectiveFrom: '2026-01-01' }, admin);
  for (const name of ['一村', '二村', '三村', '四村']) await desk.api('units.create', { name, kind: 'village', liaisonName: '新联络' }, admin);
  await desk.setClock(beijing(12, 7, 9));
  await desk.setupOffice();
  const home = new Dashboard(page);
  await home.open();
  await expect(page.getByTestId('dash-reports')).toContainText('11月零报告缺报');
  await expect(home.figure('dash-zero-missing')).toHaveText('1');
  await settled(page);
  await desk.screenshot('dashboard-zero');

  await home.figure('dash-zero-missing').click();
  const grid = new ZeroReportGridModel(page);
  await expect(page.getByTestId('zero-grid')).toBeVisible();
  await expect(page.getByTestId('zero-counts')).toContainText('未报 1');
  await grid.expectState('东风村', '2026年11月', 'missing');
  await expect(page.getByTestId('zero-row').filter({ hasText: '一村' }).getByTestId('zero-cell-none')).toHaveAttribute('title', '该单位2026-12-03设立，此前不需报送');
  await settled(page);
  await desk.screenshot('zero-report-grid');
});

test('the ID number field shows all 18 characters beside the ✓ at 1366 px', async ({ page, desk }) => {
  await desk.setupOffice();
  const intake = new PetitionIntake(page);
  await intake.open();
  const id = intake.field(1, '身份证号码');
  await id.fill(validId('11010519491231002'));
  await intake.field(1, '联系电话').click();
  await expect(page.getByLabel('身份证号码校验通过')).toBeVisible();
  const fits = await id.evaluate((el: HTMLInputElement) => {
    // The text's own width against the room left of the ✓ (the input's padding keeps the ✓'s place).
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) return false;
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = canvas.measureText(el.value).width;
    return text <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  expect(fits).toBe(true);
});

test('typing "征地" and Enter in a searchable select picks the only match', async ({ page, desk }) => {
  await desk.setupOffice();
  const intake = new PetitionIntake(page);
  await intake.open();
  const topic = page.getByRole('textbox', { name: '事项分类' }).or(page.getByRole('combobox', { name: '事项分类' })).first();
  await topic.click();
  await topic.pressSequentially('征地');
  await topic.press('Enter');
  await expect(topic).toHaveValue('征地拆迁');
});

test('a typed whole date closes the calendar, and Esc in a date field keeps the dialog and what was typed', async ({ page, desk }) => {
  await desk.setupOffice();
  const duty = new DutyRoster(page);
  await duty.open();
  await duty.openTab('轮值设置');
  await page.getByTestId('periods-add').click();
  const dialog = page.getByRole('dialog', { name: '新增敏感期' });
  await dialog.getByRole('textbox', { name: '名称' }).fill('元旦');
  await typeDate(dialog, '开始日期', '2026-12-31');
  await expect(page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('table') })).toHaveCount(0);
  await dialog.getByLabel('结束日期：年', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '名称' })).toHaveValue('元旦');
});

test('with no leader on duty the card says 现在起无带班领导, without a stray space', async ({ page, desk }) => {
  await roster(desk);
  await desk.setupOffice();
  await expect(new Dashboard(page).nextGap()).toHaveText('现在起无带班领导');
});

test('an overdue alarm is acknowledged with 尽快办理, not 按时, under a column named 事项', async ({ page, desk }) => {
  await desk.setClock(beijing(11, 2, 9));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  // A letter without an address: its only deadline is the 15-day forward period, to 11-17 24:00.
  await desk.api('petitions.create', { channel: 'letter', receivedAt: beijing(11, 2, 8, 30), petitioners: [{ name: '钱立军' }], peopleCount: 1, category: 'claim', claimItem: 6, summary: '西村灌溉水渠堵塞影响春耕', request: '疏通西村灌溉水渠' }, admin);
  await desk.setClock(beijing(11, 18, 0, 5));
  await desk.setupOffice();
  const board = new AlarmBoardModel(page);
  await board.open();
  await expect(page.getByRole('columnheader', { name: '事项', exact: true })).toBeVisible();
  const row = board.row('信〔2026〕0001号', '转送交办期限');
  await row.getByRole('button', { name: '确认' }).click();
  await expect(page.getByRole('dialog', { name: '确认提醒' }).getByTestId('acknowledge-intro')).toHaveText(
    '确认表示您已知悉 信〔2026〕0001号 的转送交办期限已经超期，并将尽快办理。确认后提醒不再升级或重复。',
  );
});

test('the audit log names each action in Chinese, without its code beside it', async ({ page, desk }) => {
  await desk.setupOffice();
  const audit = new AdminAudit(page);
  await audit.open();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  for (const text of await page.getByTestId('audit-row').allInnerTexts()) expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z.]+\b/);
});

test('a report sent on time reads 报送时效 按时 in its timeline, not 迟报：按时', async ({ page, desk }) => {
  await desk.setClock(beijing(11, 10, 10));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const unit = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village', liaisonName: '黄会计' }, admin);
  const report = await desk.api<{ id: number }>(
    'reports.create',
    { unitId: unit.id, type: 'dispute', severity: 'general', foundAt: beijing(11, 10, 9), summary: '青山村两户村民宅基地界址纠纷', content: '两户村民因宅基地界址发生争执，村调委会已介入' },
    admin,
  );
  await desk.openAs(ADMIN, { hash: `/reports/${report.id}` });
  const step = page.getByTestId('report-step').first();
  await expect(step).toContainText('报送时效');
  await expect(step).toContainText('按时');
  await expect(step).not.toContainText('迟报');
});
