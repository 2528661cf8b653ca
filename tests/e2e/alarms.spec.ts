import { test, expect, ADMIN } from './support/fixtures';
import { AlarmBannerModel } from './pages/alarm-banner';
import { AlarmBoardModel } from './pages/alarm-board';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

/** Desktop Chrome's autoplay rule: an AudioContext stays suspended until the person clicks or types in the page. */
function lockAudioUntilUserGesture(): void {
  let unlocked = false;
  const unlock = (e: Event) => {
    if (e.isTrusted) unlocked = true;
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    override get state(): AudioContextState {
      return unlocked ? super.state : 'suspended';
    }
    override resume(): Promise<void> {
      return unlocked ? super.resume() : new Promise<void>(() => undefined);
    }
  };
}

const OFFICER = { username: 'duty1', displayName: '赵值班', password: 'Passw0rd1' } as const;
const LEADER = { username: 'leader1', displayName: '张镇长', password: 'Passw0rd1' } as const;

test('an overdue case alarms the duty officer, escalates to the leader on duty, and is acknowledged', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  const board = new AlarmBoardModel(page);

  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id;
  const officer = await desk.api<{ id: number }>('users.create', { ...OFFICER, role: 'duty_officer' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { ...LEADER, role: 'leader' }, admin);
  await desk.api('duty.rotations.create', { name: '值班员轮班', roleId: roleId('officer'), pattern: 'daily', startDate: '2026-11-01', members: [officer.id] }, admin);
  await desk.api('duty.rotations.create', { name: '带班领导轮班', roleId: roleId('leader'), pattern: 'daily', startDate: '2026-11-01', members: [leader.id] }, admin);
  const petition = await desk.api<{ id: number; number: string }>(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: beijing(11, 2, 8, 30),
      petitioners: [{ name: '李大山', address: '青山镇东村' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '东村村道破损，要求维修',
      request: '尽快维修东村村道',
    },
    admin,
  );

  // The admin tunes pre-alarms for handling periods; the escalation policy stays at 15 minutes.
  await board.openSettings();
  await expect(page.getByLabel('确认时限（分钟）')).toHaveValue('15');
  await page.getByRole('switch', { name: '办理期限：单独设置' }).click();
  await page.getByRole('textbox', { name: '办理期限：提前天数' }).fill('45');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写0到30之间的整数，最多5个，用顿号分隔，例如：3、1、0')).toBeVisible();
  await page.getByRole('textbox', { name: '办理期限：提前天数' }).fill('5、3、1');
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.screenshot('alarms-04-settings');
  await page.getByRole('textbox', { name: '办理期限：提前天数' }).fill('1，5 3');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('提醒设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: '办理期限：提前天数' })).toHaveValue('5、3、1');

  // The PC was off until the morning after the forward period ended (last day 2026-11-17).
  await desk.setClock(beijing(11, 18, 9));
  await page.reload();
  await page.getByLabel('用户名').fill(OFFICER.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(OFFICER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(OFFICER.displayName);

  await expect(banner.root).toContainText(petition.number);
  await expect(banner.root).toContainText('已超期9小时');
  await expect(banner.root.getByTestId('alarm-late')).toHaveText('迟发');
  await expect(banner.root).toContainText('已发给：赵值班（我）');
  await expect(banner.root.getByTestId('alarm-escalated')).toHaveCount(0);
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await page.getByRole('navigation').getByRole('link', { name: '工作台' }).click();
  await desk.screenshot('alarms-01-banner');

  // A snooze needs a reason; without one nothing changes.
  const snooze = await banner.openSnooze();
  await snooze.getByRole('button', { name: '暂缓' }).click();
  await expect(snooze.getByText('请填写暂缓原因，说明为什么现在不能处理')).toBeVisible();
  await desk.screenshot('alarms-05-snooze');
  await snooze.getByRole('button', { name: '取消' }).click();
  await expect(banner.root).toContainText('2条待处理');

  await board.open();
  const forward = board.row(petition.number, '转送交办期限');
  await expect(forward).toContainText('到期提醒');
  await expect(forward).toContainText('待确认');
  await expect(forward.getByTestId('alarm-recipients')).toHaveText('赵值班（我）');
  await expect(forward.getByTestId('alarm-late')).toBeVisible();
  await desk.screenshot('alarms-02-board');

  // Nobody acknowledged within 15 minutes: the leader on duty gets it too.
  await desk.advanceClock(16 * 60_000);
  await expect(forward.getByTestId('alarm-escalated')).toHaveText('已升级至带班领导');
  await expect(forward.getByTestId('alarm-recipients')).toHaveText('赵值班（我）、张镇长');
  await expect(banner.root.getByTestId('alarm-escalated')).toHaveText('已升级');
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await banner.root.getByRole('button', { name: '静音' }).click();
  await expect(banner.root).toHaveAttribute('data-sound', 'muted');

  // Reopened with nobody clicking yet (e.g. at start-up), audio is locked by the browser's autoplay policy
  // (headless Chromium does not enforce it, so the page is given desktop Chrome's rule): the banner offers
  // to unlock it.
  await page.addInitScript(lockAudioUntilUserGesture);
  await page.reload();
  await expect(banner.root).toHaveAttribute('data-sound', 'blocked');
  await banner.root.getByRole('button', { name: '点击启用提醒声音' }).click();
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await board.expandLog(forward);
  const log = page.getByTestId(/^alarm-log-/);
  await expect(log).toContainText('发出');
  await expect(log).toContainText('升级');
  await expect(log).toContainText('发给：赵值班、张镇长');
  await expect(log).toContainText('迟发9小时');
  await desk.screenshot('alarms-03-log');

  // Acknowledged (one from the board, the other from the banner): gone from the banner and the open tab.
  await board.acknowledge(forward, '已电话通知责任单位');
  await expect(forward).toHaveCount(0);
  await banner.acknowledge();
  await expect(banner.root).toHaveCount(0);
  await expect(page.getByText('没有待处理的提醒')).toBeVisible();

  await board.tab('全部').click();
  await expect(forward).toContainText('已确认');
  await expect(forward.getByTestId('alarm-acknowledged')).toHaveText('赵值班 2026-11-18 09:16 确认');
  await expect(board.row(petition.number, '受理告知期限').getByTestId('alarm-acknowledged')).toHaveText('赵值班 2026-11-18 09:16 确认');
  await desk.screenshot('alarms-06-history');
});
