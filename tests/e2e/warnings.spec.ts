/**
 * The village-demolition warning, as the office lives it, one step per test: a liaison's report of 30
 * villagers disputing a demolition plan (arranged through the API: verified and approved) is raised as a
 * yellow warning with the rule shown; feedback is missed, so the card turns red and a supervision notice (督办)
 * follows with its own deadline; the level is raised to red with a reason (the card moves column); the warning
 * is lifted with its outcome and leaves the board; the dashboard counts it by level at each step. Refused on
 * the way, with the message shown and nothing saved: another level with no reason, and lifting with no
 * outcome. Each test arranges the steps before its own through the API.
 */
import type { Page } from '@playwright/test';
import { test, expect, ADMIN, type Desk } from './support/fixtures';
import { dismissNotifications } from './pages/petition-detail';
import { WarningBoard } from './pages/warning-board';
import { WarningDetail } from './pages/warning-detail';
import { WarningIssueForm } from './pages/warning-issue';
import { Dashboard } from './pages/dashboard';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);
const HOUR_MS = 3_600_000;
const LEADER = { username: 'zhangzz', password: 'Leader2026', displayName: '张镇长' } as const;
const MATTER = '东风村30余名村民对拆迁安置方案有异议';

interface Listed {
  readonly total: number;
  readonly rows: readonly { level: string; status: string }[];
}

const CONTENT = '东风村30余名村民聚集村委会，认为拆迁安置方案的补偿标准低于邻村，扬言到市里集体上访。';
const DEMANDS = '按邻村标准补偿，公开安置房分配办法';
const SUPERVISION = '请东风村于明日9时前书面反馈入户听取诉求和核实情况';
const RAISED_BECAUSE = '部分村民扬言集体赴省上访';

/** The office, a leader, and the liaison's report: found 90 minutes before it was entered, verified, approved. */
async function arrangeReport(desk: Desk): Promise<{ admin: string; reportId: number; villageId: number; leaderId: number }> {
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const village = await desk.api<{ id: number }>('units.create', { name: '东风村', kind: 'village', liaisonName: '刘会计' }, admin);
  await desk.api('units.create', { name: '青山镇综治中心', kind: 'department' }, admin);
  const leaderUser = await desk.api<{ id: number }>('users.create', { username: LEADER.username, displayName: LEADER.displayName, role: 'leader', password: LEADER.password }, admin);
  const leader = await desk.login(LEADER.username, LEADER.password);
  const report = await desk.api<{ id: number; late: boolean }>(
    'reports.create',
    {
      unitId: village.id,
      type: 'dispute',
      severity: 'major',
      foundAt: beijing(11, 2, 7, 30),
      place: '东风村村委会',
      peopleCount: 30,
      summary: MATTER,
      content: CONTENT,
      demands: DEMANDS,
    },
    admin,
  );
  expect(report.late).toBe(true);
  await desk.api('reports.transition', { id: report.id, action: 'verify', verification: 'true', note: '经村支书核实，情况属实' }, admin);
  await desk.api('reports.transition', { id: report.id, action: 'analyse', nature: '拆迁安置补偿纠纷', urgency: 'urgent', opinion: '由东风村和综治中心入户听取诉求' }, admin);
  await desk.api('reports.transition', { id: report.id, action: 'approve', note: '同意，启动预警' }, leader);
  return { admin, reportId: report.id, villageId: village.id, leaderId: leaderUser.id };
}

/** A fresh session each time: moving the clock past the idle limit ends the old one. */
async function listed(desk: Desk): Promise<Listed> {
  return desk.api<Listed>('warnings.list', {}, await desk.login(ADMIN.username, ADMIN.password));
}

type Step = 'overdue' | 'supervised' | 'red';

/**
 * The warning as the issue form makes it from the report (yellow: 30 people, a collective petition to the
 * city likely), then the given steps: 'overdue' moves the clock 74 hours on with no feedback, 'supervised'
 * sends the supervision notice, 'red' raises the level with its reason. Returns the warning's id.
 */
async function arrangeWarning(desk: Desk, steps: readonly Step[]): Promise<number> {
  await desk.setClock(beijing(11, 2, 9));
  const { admin, reportId, villageId, leaderId } = await arrangeReport(desk);
  const warning = await desk.api<{ id: number; level: string }>(
    'warnings.issue',
    {
      title: MATTER,
      unitId: villageId,
      peopleCount: 30,
      grievance: `${CONTENT}\n诉求：${DEMANDS}`,
      escalation: 'city',
      responsibleUnitId: villageId,
      leadLeaderId: leaderId,
      reportIds: [reportId],
    },
    admin,
  );
  expect(warning.level).toBe('yellow');
  if (!steps.includes('overdue')) return warning.id;
  await desk.advanceClock(74 * HOUR_MS);
  const later = await desk.login(ADMIN.username, ADMIN.password);
  if (steps.includes('supervised')) await desk.api('warnings.supervise', { id: warning.id, note: SUPERVISION }, later);
  if (steps.includes('red')) await desk.api('warnings.changeLevel', { id: warning.id, level: 'red', reason: RAISED_BECAUSE }, later);
  return warning.id;
}

/** Monday 2026-11-02 09:00: the admin opens the issue form from the approved report. */
async function issueFormFromReport(desk: Desk, page: Page): Promise<WarningIssueForm> {
  await desk.setClock(beijing(11, 2, 9));
  const { reportId } = await arrangeReport(desk);
  await desk.setupOffice();
  const form = new WarningIssueForm(page);
  await form.openFromReport(reportId);
  await expect(form.field('事项')).toHaveValue(MATTER);
  return form;
}

test('the issue form opens prefilled from the report and, from the facts, suggests yellow with its rule, live', async ({ page, desk }) => {
  const form = await issueFormFromReport(desk, page);
  await expect(form.field('涉及人数')).toHaveValue('30');
  await expect(page.getByTestId('issue-source')).toContainText('信息报告');
  await expect(form.suggestion()).toContainText('填写涉及人数');
  await form.escalation('市');
  await expect(form.suggestion().getByTestId('level-badge')).toHaveText('黄色预警');
  await expect(form.suggestion()).toContainText('依据：有集体赴市上访的可能');
  await form.pick('包案领导', '张镇长（领导）');
  await expect(page.getByTestId('feedback-deadline')).toContainText('黄色预警：发布后72小时内反馈（现在发布，2026-11-05 09:00前）');

  await form.submit();
  const detail = new WarningDetail(page);
  await expect(detail.number()).toHaveText('预警〔2026〕1号');
  await expect(detail.level()).toHaveText('黄色预警');
  await expect(detail.countdown('反馈')).toHaveText('反馈 · 剩3天');
  await expect(page.getByTestId('links-section')).toContainText(MATTER);
});

test('another level with no reason is refused with the rule named, and nothing is issued', async ({ page, desk }) => {
  const form = await issueFormFromReport(desk, page);
  await form.escalation('市');
  await form.pick('包案领导', '张镇长（领导）');
  await expect(form.suggestion().getByTestId('level-badge')).toHaveText('黄色预警');

  await form.level('红色');
  await form.submit();
  const overrideMessage = '规则建议的等级是“黄色”（有集体赴市上访的可能）。选择其他等级须写明理由';
  await expect(page.getByRole('textbox', { name: '调整等级的理由' })).toHaveAccessibleDescription(/规则建议为黄色/);
  await expect(page.getByText(overrideMessage).first()).toBeVisible();
  expect((await listed(desk)).total).toBe(0);
  await form.level('黄色（建议）');
  await expect(page.getByRole('textbox', { name: '调整等级的理由' })).toHaveCount(0);
  await dismissNotifications(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.screenshot('warnings-01-issue-form');
});

test('the board shows the yellow warning in its column with its countdown, and the dashboard counts it as yellow', async ({ page, desk }) => {
  await arrangeWarning(desk, []);
  await desk.setupOffice();
  const board = new WarningBoard(page);
  const home = new Dashboard(page);

  await board.open();
  await expect(board.cards('黄色预警')).toHaveCount(1);
  await expect(board.count('黄色预警')).toHaveText('1');
  await expect(board.cards('红色预警')).toHaveCount(0);
  const card = board.card(MATTER);
  await expect(card).toContainText('东风村');
  await expect(card).toContainText('30人');
  await expect(card).toContainText('包案：张镇长');
  await expect(card.getByTestId('warning-countdown')).toHaveText('反馈 · 剩3天');
  await home.open();
  await expect(home.figure('dash-warnings-yellow')).toHaveText('1');
  await expect(home.figure('dash-warnings-red')).toHaveText('0');
});

test('three days and two hours on with no feedback, the warning is overdue in red on the card and the detail, and alarms', async ({ page, desk }) => {
  await arrangeWarning(desk, ['overdue']);
  await desk.openAs(ADMIN, { hash: '/warnings' });
  const board = new WarningBoard(page);
  const detail = new WarningDetail(page);
  const card = board.card(MATTER);

  // The missed feedback is an alarm on screen whose case link opens the warning, not a petition.
  await expect(page.getByTestId('alarm-banner-case')).toHaveAttribute('href', /^#\/warnings\/\d+$/);
  await expect(card.getByTestId('warning-countdown')).toHaveText('反馈 · 已超期2小时');
  await expect(card.getByTestId('warning-countdown')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('overdue-summary')).toContainText('1项预警超期未反馈');
  await card.click();
  await expect(page.getByTestId('overdue-alert')).toContainText('请发出督办');
  await expect(detail.countdown('反馈')).toHaveText('反馈 · 已超期2小时');
});

test('a supervision notice (督办) on the overdue warning has its own deadline, 24 hours by default', async ({ page, desk }) => {
  const id = await arrangeWarning(desk, ['overdue']);
  await desk.openAs(ADMIN, { hash: `/warnings/${id}` });
  const detail = new WarningDetail(page);

  await detail.act('督办', async (d) => {
    await d.getByLabel('督办意见').fill(SUPERVISION);
  });
  await expect(page.getByTestId('supervised-marker')).toBeVisible();
  await expect(detail.countdown('督办')).toHaveText('督办 · 剩1天');
  const supervision = detail.events('supervise');
  await expect(supervision).toContainText('请东风村于明日9时前书面反馈');
  await expect(supervision).toContainText('督办期限：2026-11-06 11:00');
});

test('raised to red with a reason: feedback is due again within 24 hours, the overdue alarm goes, and the card changes column', async ({ page, desk }) => {
  const id = await arrangeWarning(desk, ['overdue', 'supervised']);
  await desk.openAs(ADMIN, { hash: `/warnings/${id}` });
  const detail = new WarningDetail(page);
  const board = new WarningBoard(page);
  const home = new Dashboard(page);
  await expect(page.getByTestId('alarm-banner')).toBeVisible();

  await detail.act('调整等级', async (d) => {
    await expect(d.getByRole('radiogroup').getByText('红色', { exact: true })).toBeVisible();
    await d.getByLabel('调整理由').fill(RAISED_BECAUSE);
  });
  await expect(detail.level()).toHaveText('红色预警');
  // The yellow feedback deadline no longer applies, so its overdue alarm leaves the banner at once.
  await expect(page.getByTestId('alarm-banner')).toBeHidden();
  await expect(detail.countdown('反馈')).toHaveText('反馈 · 剩1天');
  await expect(detail.events('change_level')).toContainText(RAISED_BECAUSE);
  await expect(page.getByTestId('deadlines-section').getByRole('listitem', { name: '督办期限' })).toContainText('期限：2026-11-06 11:00');
  await dismissNotifications(page);
  await desk.screenshot('warnings-02-detail');

  await board.open();
  await expect(board.cards('红色预警')).toHaveCount(1);
  await expect(board.cards('黄色预警')).toHaveCount(0);
  await expect(board.card(MATTER).getByTestId('supervised-marker')).toBeVisible();
  await expect(board.card(MATTER).getByTestId('warning-countdown')).toHaveText(['反馈 · 剩1天', '督办 · 剩1天']);
  await desk.screenshot('warnings-03-board');
  await home.open();
  await expect(home.figure('dash-warnings-red')).toHaveText('1');
  await expect(home.figure('dash-warnings-yellow')).toHaveText('0');
});

test('lifting with no outcome is refused in the dialog and changes nothing; with the outcome the warning is lifted and leaves the board', async ({ page, desk }) => {
  const id = await arrangeWarning(desk, ['overdue', 'supervised', 'red']);
  await desk.openAs(ADMIN, { hash: `/warnings/${id}` });
  const detail = new WarningDetail(page);
  const board = new WarningBoard(page);
  const home = new Dashboard(page);

  const lift = await detail.openAction('解除预警');
  await detail.submit(lift, '解除预警');
  await expect(lift.getByRole('alert')).toContainText('请填写化解结果');
  await lift.getByRole('button', { name: '取消' }).click();
  await expect(detail.status()).toHaveText('预警中');
  expect((await listed(desk)).rows.map((r) => r.status)).toEqual(['active']);

  await detail.act('解除预警', async (d) => {
    await expect(d.getByRole('combobox', { name: '批准解除的领导' })).toHaveValue('张镇长（领导）');
    await d.getByLabel('化解结果').fill('安置方案按邻村标准调整，30户村民签字同意');
  });
  await expect(detail.status()).toHaveText('已解除');
  await expect(page.getByTestId('lifted-alert')).toContainText('安置方案按邻村标准调整');
  await expect(page.getByTestId('lifted-alert')).toContainText('批准：张镇长');
  await expect(detail.toolbar()).toContainText('该预警已解除');

  await board.open();
  await expect(board.cards()).toHaveCount(0);
  await expect(board.column('红色预警')).toContainText('暂无红色预警');
  await page.getByRole('switch', { name: '显示已解除的预警' }).check();
  await expect(board.cards('红色预警')).toHaveCount(1);
  await expect(board.card(MATTER)).toContainText('已解除');
  await home.open();
  await expect(home.figure('dash-warnings-red')).toHaveText('0');
  await expect(home.figure('dash-warnings-yellow')).toHaveText('0');
});

test('the unit’s feedback is recorded on the detail page: empty feedback is refused, then the feedback deadline is met', async ({ page, desk }) => {
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const village = await desk.api<{ id: number }>('units.create', { name: '西村', kind: 'village', liaisonName: '王会计' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { username: LEADER.username, displayName: LEADER.displayName, role: 'leader', password: LEADER.password }, admin);
  const warning = await desk.api<{ id: number }>(
    'warnings.issue',
    {
      title: '西村3户村民对灌溉水费分摊有意见',
      unitId: village.id,
      peopleCount: 3,
      escalation: 'township',
      grievance: '认为水费按户均摊不合理，要求按田亩分摊',
      responsibleUnitId: village.id,
      leadLeaderId: leader.id,
    },
    admin,
  );
  await page.evaluate((id) => (window.location.hash = `/warnings/${id}`), warning.id);
  const detail = new WarningDetail(page);
  await expect(detail.level()).toHaveText('蓝色预警');
  await expect(detail.countdown('反馈')).toHaveText('反馈 · 剩7天');

  const dialog = await detail.openAction('反馈');
  await detail.submit(dialog, '反馈');
  await expect(dialog.getByRole('alert')).toContainText('请填写反馈内容');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(detail.events('feedback')).toHaveCount(0);

  await detail.act('反馈', async (d) => {
    await d.getByLabel('反馈内容').fill('村两委已召开村民代表会，水费改为按田亩分摊，3户表示接受');
  });
  await expect(detail.events('feedback')).toContainText('水费改为按田亩分摊');
  await expect(detail.countdown('反馈')).toHaveCount(0);
  await expect(detail.status()).toHaveText('预警中');
});
