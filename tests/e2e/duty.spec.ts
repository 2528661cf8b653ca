import { dateValue, typeDate } from './pages/date-field';
import { ADMIN, expect, test } from './support/fixtures';
import { DutyRoster } from './pages/duty-roster';
import { HandoverPage, loginThroughUi, type Person } from './pages/duty-handover';

/** Wednesday 2026-03-04 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 2, 4, 2, 0);
const PASSWORD = 'Duty2026x';

const OFFICERS = [
  { username: 'zhaolx', displayName: '赵立新' },
  { username: 'qianwj', displayName: '钱文静' },
  { username: 'sunht', displayName: '孙海涛' },
  { username: 'liming', displayName: '李明' },
] as const;
const LEADERS = [
  { username: 'zhoujg', displayName: '周建国' },
  { username: 'wuxl', displayName: '吴秀兰' },
] as const;

test('a planner sets up rotations, sees the right people each day, covers a shift, spots a gap and logs a call', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  for (const u of OFFICERS) await desk.api('users.create', { ...u, role: 'duty_officer', password: PASSWORD }, admin);
  for (const u of LEADERS) await desk.api('users.create', { ...u, role: 'leader', password: PASSWORD }, admin);
  await desk.api('duty.sensitivePeriods.create', { name: '全国两会', startDate: '2026-03-04', endDate: '2026-03-11', note: '各村每日零报告' }, admin);

  const roster = new DutyRoster(page);
  await roster.open();
  await roster.openTab('轮值设置');
  await roster.fillRotation({
    name: '值班员日常轮值',
    startDate: '2026-02-01',
    members: OFFICERS.map((u) => `${u.displayName}（值班员）`),
  });
  await expect(roster.modal.getByTestId('rotation-preview')).toContainText('李明');
  await desk.screenshot('duty-rotation-editor');
  await roster.saveRotation();
  // The leaders' rotation stops on 15 March: from the 16th nobody leads the duty.
  await roster.fillRotation({
    name: '带班领导轮值',
    newButton: '为带班领导新建',
    startDate: '2026-02-01',
    endDate: '2026-03-15',
    members: LEADERS.map((u) => `${u.displayName}（领导）`),
  });
  await roster.saveRotation();
  await expect(page.getByTestId('rotations-officer')).toContainText('赵立新 → 钱文静 → 孙海涛 → 李明');
  await expect(page.getByTestId('rotations-leader')).toContainText('周建国 → 吴秀兰');

  await roster.openTab('值班表');
  await expect(page.getByTestId('duty-month-title')).toHaveText('2026年3月');
  // Daily shifts from 1 Feb, 08:00 to 08:00. 1 March is day 28 of the rotation: a multiple of 4 and of 2,
  // so both lists start again from the top that day.
  const expected: readonly [string, string, string][] = [
    ['2026-03-01', '赵立新', '周建国'],
    ['2026-03-02', '钱文静', '吴秀兰'],
    ['2026-03-03', '孙海涛', '周建国'],
    ['2026-03-04', '李明', '吴秀兰'],
    ['2026-03-05', '赵立新', '周建国'],
    ['2026-03-15', '孙海涛', '周建国'],
    ['2026-03-31', '孙海涛', '无人值班'],
  ];
  for (const [date, officer, leader] of expected) {
    await expect(roster.line(date, 'officer')).toContainText(officer);
    await expect(roster.line(date, 'leader')).toContainText(leader);
  }

  // 钱文静 has the shift starting 10 March; 孙海涛 covers it.
  const drawer = await roster.openDay('2026-03-10');
  await expect(drawer.getByRole('combobox', { name: '被替班人' })).toHaveValue('钱文静（值班员）');
  await roster.replace(drawer, '孙海涛（值班员）', '家中有事');
  await expect(drawer).toContainText('替 钱文静：家中有事');
  await roster.toastsGone();
  await desk.screenshot('duty-day-drawer');
  await page.keyboard.press('Escape');
  await expect(roster.line('2026-03-10', 'officer')).toHaveText(/孙海涛替/);
  await expect(roster.line('2026-03-10', 'officer')).not.toContainText('钱文静');

  // The gap from 16 March 08:00 is red in the cells and listed above the calendar.
  await expect(roster.line('2026-03-16', 'leader')).toContainText('无人值班 08:00起');
  await expect(roster.line('2026-03-20', 'leader')).toContainText('无人值班 全天');
  await expect(page.getByTestId('duty-gap-alert')).toContainText('3月16日 08:00 至 3月31日 24:00 无带班领导');
  await expect(roster.day('2026-03-04')).toContainText('全国两会');
  await roster.toastsGone();
  await desk.screenshot('duty-month');

  await roster.openTab('值班记录');
  await roster.writeLog('来访', '东风村村民来访反映灌溉用水纠纷，已约次日面谈');
  const row = page.getByTestId('duty-log-row').first();
  await expect(row).toContainText('东风村村民来访反映灌溉用水纠纷');
  await expect(row).toContainText('来访');
  await expect(row).toContainText('10:0');
  await expect(row).toContainText(ADMIN.displayName);
  await roster.toastsGone();
  await desk.screenshot('duty-log');
  // The range is typed into the same zh-CN date fields as every form: days before the entry hold nothing.
  await typeDate(page, '开始日期', '2026-01-01');
  await typeDate(page, '结束日期', '2026-01-02');
  await expect(page.getByTestId('duty-log-row')).toHaveCount(0);
  await page.getByRole('button', { name: '今天', exact: true }).click();
  await expect(page.getByTestId('duty-log-row').first()).toContainText('东风村村民来访反映灌溉用水纠纷');

  await page.getByRole('link', { name: '工作台', exact: true }).click();
  const card = page.getByTestId('on-duty-card');
  await expect(card.getByTestId('on-duty-leader')).toContainText('吴秀兰');
  await expect(card.getByTestId('on-duty-officer')).toContainText('李明');
  await expect(card.getByTestId('on-duty-officer')).toContainText('至 3月5日 08:00');
  await expect(card.getByTestId('on-duty-next-gap')).toHaveText('3月16日 08:00 起无带班领导');
  await expect(card.getByTestId('on-duty-sensitive')).toContainText('全国两会');
  await desk.screenshot('duty-home-card');
});

test('an officer hands over the shift and the next one, logged in as herself, confirms it', async ({ page, desk }) => {
  await desk.setClock(NOW);
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const [zhao, qian] = OFFICERS.slice(0, 2).map((u): Person => ({ ...u, password: PASSWORD }));
  if (!zhao || !qian) throw new Error('two officers expected');
  for (const u of [zhao, qian]) await desk.api('users.create', { username: u.username, displayName: u.displayName, role: 'duty_officer', password: PASSWORD }, admin);
  const zhaoSession = await desk.login(zhao.username, PASSWORD);
  await desk.api('duty.log.create', { kind: 'call', content: '青石村来电咨询宅基地确权进度' }, zhaoSession);

  const handover = new HandoverPage(page);
  await desk.openAs(zhao, { session: zhaoSession });
  await handover.open();
  await expect(page.getByText('青石村来电咨询宅基地确权进度')).toBeVisible();
  await handover.handOver('钱文静（值班员）', '东风村来访人员已劝返，明早需电话回访');
  await expect(page.getByTestId('handover-row').first()).toContainText('待确认');

  await desk.advanceClock(20 * 60_000);
  await loginThroughUi(page, qian);
  await handover.open();
  const toConfirm = page.getByTestId('handover-to-confirm');
  await expect(toConfirm).toContainText(/赵立新 于 3月4日 10:0\d 向您交班/);
  await expect(toConfirm).toContainText('青石村来电咨询宅基地确权进度');
  await expect(toConfirm).toContainText('东风村来访人员已劝返，明早需电话回访');
  await desk.screenshot('duty-handover-confirm');
  await handover.confirm();

  const history = page.getByTestId('handover-row').first();
  await expect(history).toContainText('赵立新');
  await expect(history).toContainText(/3月4日 10:0\d/);
  await expect(history).toContainText('钱文静');
  await expect(history).toContainText(/3月4日 10:2\d/);
  await expect(history).toContainText('已接班');
  await new DutyRoster(page).toastsGone();
  await desk.screenshot('duty-handover');
});

test('day and night shifts: a swap marks both people, an extra person is added, and cancelling restores the rotation', async ({ page, desk }) => {
  await desk.setClock(NOW);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const ids: number[] = [];
  for (const u of OFFICERS.slice(0, 3)) ids.push((await desk.api<{ id: number }>('users.create', { ...u, role: 'duty_officer', password: PASSWORD }, admin)).id);
  for (const u of LEADERS) await desk.api('users.create', { ...u, role: 'leader', password: PASSWORD }, admin);
  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const officerRole = roles.find((r) => r.key === 'officer')?.id;
  await desk.api('duty.rotations.create', { name: '值班员白夜班', roleId: officerRole, pattern: 'day_night', handoffHour: 8, nightHour: 18, startDate: '2026-03-01', members: ids }, admin);

  // Shifts from 1 March: day 赵立新, night 钱文静; 2 March day 孙海涛, night 赵立新; … 12 March (day 11) is
  // shift 22 and 23: day 钱文静, night 孙海涛; 13 March: day 赵立新, night 钱文静.
  const roster = new DutyRoster(page);
  await roster.open();
  await expect(roster.line('2026-03-12', 'officer')).toContainText('钱文静、孙海涛');
  await expect(roster.line('2026-03-13', 'officer')).toContainText('赵立新、钱文静');

  // 钱文静 trades her 12 March day shift for 赵立新's 13 March day shift.
  const drawer = await roster.openDay('2026-03-12');
  await drawer.getByText('换班', { exact: true }).click();
  const swap = drawer.getByTestId('duty-swap-form');
  await expect(dateValue(swap, 'endA')).toHaveValue('2026-03-12 18:00:00');
  await swap.getByRole('combobox', { name: '换班人（乙）' }).click();
  await page.getByRole('option', { name: '赵立新（值班员）', exact: true }).click();
  await expect(swap.getByRole('combobox', { name: '乙的班次' })).toHaveValue('3月13日 周五 08:00–18:00');
  await swap.getByLabel('原因').fill('调休');
  await swap.getByRole('button', { name: '保存换班' }).click();
  await expect(drawer).toContainText('与 钱文静 换班：调休');

  await drawer.getByText('加班', { exact: true }).click();
  const extra = drawer.getByTestId('duty-extra-form');
  await extra.getByRole('combobox', { name: '加班人员' }).click();
  await page.getByRole('option', { name: '吴秀兰（领导）', exact: true }).click();
  await extra.getByLabel('原因').fill('敏感期加强值守');
  await extra.getByRole('button', { name: '保存加班' }).click();
  await expect(drawer).toContainText('敏感期加强值守');
  await page.keyboard.press('Escape');
  await expect(roster.line('2026-03-12', 'officer')).toHaveText(/赵立新换、.*吴秀兰加/);
  await expect(roster.line('2026-03-13', 'officer')).toHaveText(/钱文静换/);

  const again = await roster.openDay('2026-03-13');
  await again.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '确认撤销' }).click();
  await page.keyboard.press('Escape');
  await expect(roster.line('2026-03-13', 'officer')).toHaveText('值赵立新、钱文静');
  await expect(roster.line('2026-03-12', 'officer')).not.toContainText('换');
});
