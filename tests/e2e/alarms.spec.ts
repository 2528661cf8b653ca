/**
 * Alarms as the duty officer lives them, one step per test: the admin tunes pre-alarms; a case whose forward
 * period ran out while the PC was off rings at the officer's log-in, marked late; a snooze needs a reason; the
 * board lists it; unacknowledged after 15 minutes it escalates to the leader on duty; reopened, the banner
 * asks for a click before it can sound; acknowledged, it leaves the banner and the board. Each test arranges
 * the steps before its own through the API.
 */
import { test, expect, ADMIN, type Desk } from './support/fixtures';
import { AlarmBannerModel } from './pages/alarm-banner';
import { AlarmBoardModel } from './pages/alarm-board';
import { logInAgain } from './pages/petition-list';

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

/**
 * 赵值班 on duty and 张镇长 leading every day from 11-01; a letter received Monday 11-02 08:30, never forwarded.
 * The PC then stays off until 09:00 on 11-18, the morning after the forward period ended (last day 11-17), and
 * with `escalated` nobody acknowledges for 16 minutes. Returns the petition's number.
 */
async function arrangeOverdueCase(desk: Desk, { escalated = false } = {}): Promise<string> {
  await desk.setClock(beijing(11, 2, 9));
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
  await desk.setClock(beijing(11, 18, 9));
  if (escalated) await desk.advanceClock(16 * 60_000);
  return petition.number;
}

test('the admin tunes pre-alarms for handling periods, a bad list is refused, and the escalation policy stays at 15 minutes', async ({ page, desk }) => {
  const board = new AlarmBoardModel(page);
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();

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
});

test('a forward period that ran out while the PC was off rings for the duty officer at log-in, marked late', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  const number = await arrangeOverdueCase(desk);
  // Typed in at the log-in page, as the officer does: that is also the click the browser wants before a sound.
  await page.goto(desk.url);
  await logInAgain(page, OFFICER.username, OFFICER.password);
  await expect(page.getByTestId('current-user')).toContainText(OFFICER.displayName);

  await expect(banner.root).toContainText(number);
  await expect(banner.root).toContainText('已超期9小时');
  await expect(banner.root.getByTestId('alarm-late')).toHaveText('迟发');
  await expect(banner.root).toContainText('已发给：赵值班（我）');
  await expect(banner.root.getByTestId('alarm-escalated')).toHaveCount(0);
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await page.getByRole('navigation').getByRole('link', { name: '工作台' }).click();
  await desk.screenshot('alarms-01-banner');
});

test('a snooze needs a reason; without one nothing changes', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  await arrangeOverdueCase(desk);
  await desk.openAs(OFFICER);

  const snooze = await banner.openSnooze();
  await snooze.getByRole('button', { name: '暂缓' }).click();
  await expect(snooze.getByText('请填写暂缓原因，说明为什么现在不能处理')).toBeVisible();
  await desk.screenshot('alarms-05-snooze');
  await snooze.getByRole('button', { name: '取消' }).click();
  await expect(banner.root).toContainText('2条待处理');
});

test('the board lists the late due alarm of the forward period, waiting for the officer', async ({ page, desk }) => {
  const board = new AlarmBoardModel(page);
  const number = await arrangeOverdueCase(desk);
  await desk.openAs(OFFICER);

  await board.open();
  const forward = board.row(number, '转送交办期限');
  await expect(forward).toContainText('到期提醒');
  await expect(forward).toContainText('待确认');
  await expect(forward.getByTestId('alarm-recipients')).toHaveText('赵值班（我）');
  await expect(forward.getByTestId('alarm-late')).toBeVisible();
  await desk.screenshot('alarms-02-board');

  // Both of the case's alarms acknowledged together, with one note.
  const acceptance = board.row(number, '受理告知期限');
  const dialog = await board.acknowledgeTogether([forward, acceptance], '已电话通知责任单位，今日补办');
  await desk.screenshot('alarms-07-bulk-acknowledge');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已确认 2 条提醒')).toBeVisible();
  await expect(board.rows()).toHaveCount(0);
  await board.tab('全部').click();
  for (const row of [forward, acceptance]) {
    await expect(row.getByTestId('alarm-acknowledged')).toHaveText('赵值班 2026-11-18 09:00 确认');
    await board.expandLog(row);
  }
  await expect(page.getByTestId(/^alarm-log-/).filter({ hasText: '已电话通知责任单位，今日补办' })).toHaveCount(2);
});

test('nobody acknowledges within 15 minutes: the leader on duty gets the alarm too, and the banner can be muted', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  const board = new AlarmBoardModel(page);
  const number = await arrangeOverdueCase(desk);
  await desk.openAs(OFFICER);
  await board.open();
  const forward = board.row(number, '转送交办期限');
  await expect(forward.getByTestId('alarm-recipients')).toHaveText('赵值班（我）');

  await desk.advanceClock(16 * 60_000);
  await expect(forward.getByTestId('alarm-escalated')).toHaveText('已升级至带班领导');
  await expect(forward.getByTestId('alarm-recipients')).toHaveText('赵值班（我）、张镇长');
  await expect(banner.root.getByTestId('alarm-escalated')).toHaveText('已升级');
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await banner.root.getByRole('button', { name: '静音' }).click();
  await expect(banner.root).toHaveAttribute('data-sound', 'muted');
});

test('opened before anyone clicks, the banner asks for a click to sound (autoplay rule); the log shows the late firing and the escalation', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  const board = new AlarmBoardModel(page);
  const number = await arrangeOverdueCase(desk, { escalated: true });
  // Reopened with nobody clicking yet (e.g. at start-up), audio is locked by the browser's autoplay policy
  // (headless Chromium does not enforce it, so the page is given desktop Chrome's rule): the banner offers
  // to unlock it.
  await page.addInitScript(lockAudioUntilUserGesture);
  await desk.openAs(OFFICER, { hash: '/alarms' });

  await expect(banner.root).toHaveAttribute('data-sound', 'blocked');
  await banner.root.getByRole('button', { name: '点击启用提醒声音' }).click();
  await expect(banner.root).toHaveAttribute('data-sound', 'ringing');
  await board.expandLog(board.row(number, '转送交办期限'));
  const log = page.getByTestId(/^alarm-log-/);
  await expect(log).toContainText('发出');
  await expect(log).toContainText('升级');
  await expect(log).toContainText('发给：赵值班、张镇长');
  await expect(log).toContainText('迟发9小时');
  await desk.screenshot('alarms-03-log');
});

test('acknowledged, one from the board and the other from the banner, the alarms leave both and the history says who and when', async ({ page, desk }) => {
  const banner = new AlarmBannerModel(page);
  const board = new AlarmBoardModel(page);
  const number = await arrangeOverdueCase(desk, { escalated: true });
  await desk.openAs(OFFICER);
  await board.open();
  const forward = board.row(number, '转送交办期限');

  await board.acknowledge(forward, '已电话通知责任单位');
  await expect(forward).toHaveCount(0);
  await banner.acknowledge();
  await expect(banner.root).toHaveCount(0);
  await expect(page.getByText('没有待处理的提醒')).toBeVisible();

  await board.tab('全部').click();
  await expect(forward).toContainText('已确认');
  await expect(forward.getByTestId('alarm-acknowledged')).toHaveText('赵值班 2026-11-18 09:16 确认');
  await expect(board.row(number, '受理告知期限').getByTestId('alarm-acknowledged')).toHaveText('赵值班 2026-11-18 09:16 确认');
  await desk.screenshot('alarms-06-history');
});
