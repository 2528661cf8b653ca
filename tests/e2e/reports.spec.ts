/**
 * Information reports, one step per test: a late report of a demolition dispute is shown as late before it is
 * saved; a clerk verifies and analyses it; a leader approves it; a follow-up joins its chain; it hands over to
 * the warning form and drafts its notice; the list shows the late one. Then refusals, the administrator's time
 * limits, linking a petition and marking a report concealed. Each test arranges the steps before its own
 * through the API.
 */
import { test, expect, ADMIN, type Desk } from './support/fixtures';
import { dismissToasts } from './pages/admin-common';
import { ReportDetailModel } from './pages/report-detail';
import { ReportForm } from './pages/report-form';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

const CLERK = { username: 'zhangwen', displayName: '张文书', password: 'Clerk2026x' } as const;
const LEADER = { username: 'lizhen', displayName: '李镇长', password: 'Leader2026' } as const;

const DISPUTE = {
  summary: '青山村村民对拆迁方案有异议',
  content: '11月10日8时30分左右，青山村约30名村民聚集在村委会门前，对镇里公布的拆迁方案中的安置面积标准有异议，情绪较为激动。',
  demands: '要求按实际居住面积安置，并公开评估过程',
} as const;
const FIRST = '信报〔2026〕1号';

interface Office {
  readonly admin: string;
  readonly units: { readonly qingshan: number; readonly dongfeng: number };
}

/** Tuesday 2026-11-10 10:00: two villages, a clerk and a leader. */
async function office(desk: Desk): Promise<Office> {
  await desk.setClock(beijing(11, 10, 10));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const qingshan = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village', liaisonName: '黄会计', liaisonPhone: '0791-88123456' }, admin);
  const dongfeng = await desk.api<{ id: number }>('units.create', { name: '东风村', kind: 'village', liaisonName: '陈主任' }, admin);
  await desk.api('users.create', { ...CLERK, role: 'clerk' }, admin);
  await desk.api('users.create', { ...LEADER, role: 'leader' }, admin);
  return { admin, units: { qingshan: qingshan.id, dongfeng: dongfeng.id } };
}

type Step = 'verify' | 'analyse' | 'approve';

/**
 * The clerk's report of the demolition dispute as the form saves it (重大, found 08:30, entered at 10:00: 30
 * minutes late), taken through the given steps with the dialogs' answers: the clerk verifies and analyses,
 * the leader approves. Returns its id.
 */
async function lateReport(desk: Desk, o: Office, steps: readonly Step[] = []): Promise<number> {
  const clerk = await desk.login(CLERK.username, CLERK.password);
  const report = await desk.api<{ id: number; number: string; lateMs: number }>(
    'reports.create',
    { unitId: o.units.qingshan, type: 'dispute', severity: 'major', foundAt: beijing(11, 10, 8, 30), place: '青山村村委会', peopleCount: 30, ...DISPUTE },
    clerk,
  );
  expect([report.number, Math.floor(report.lateMs / 60_000)]).toEqual([FIRST, 30]);
  const answers: Record<Step, object> = {
    verify: { verification: 'true', note: '镇综治办电话联系村支书核实，聚集人数和诉求属实' },
    analyse: { nature: '因拆迁安置标准引发的群体性矛盾纠纷', urgency: 'urgent', opinion: '由青山村两委当日召开村民代表会议解释方案，镇拆迁办派员参加' },
    approve: { note: '同意，报县信访局' },
  };
  const leader = steps.includes('approve') ? await desk.login(LEADER.username, LEADER.password) : '';
  for (const action of steps) {
    await desk.api('reports.transition', { id: report.id, action, ...answers[action] }, action === 'approve' ? leader : clerk);
  }
  return report.id;
}

test('a late report is shown as late before saving, and saved marked late with how late', async ({ page, desk }) => {
  const form = new ReportForm(page);
  const detail = new ReportDetailModel(page);
  await office(desk);
  await desk.openAs(CLERK);

  await form.open();
  await form.pick('报告单位', '青山村');
  await expect(page.getByText('信息联络人：黄会计')).toBeVisible();
  await form.dateTime('发现时间', '2026-11-10 08:30');
  await form.type('矛盾纠纷');
  await form.severity('重大');
  await form.fill({ place: '青山村村委会', people: 30, ...DISPUTE });
  // Found 90 minutes ago, the limit for 重大 is 1 hour: the form says 迟报 before anything is saved.
  await expect(page.getByTestId('limit-rule')).toHaveText('重大信息：发现后1小时内报告');
  await expect(form.check()).toContainText('发现至报告：1小时30分');
  await expect(form.check()).toContainText('时限截止：2026-11-10 09:30');
  await expect(form.verdict()).toHaveText('将标记为迟报，超过时限30分钟');
  // The same report as 一般 would be within its same-day limit.
  await form.severity('一般');
  await expect(form.verdict()).toHaveText('在时限内，还剩14小时');
  await form.severity('重大');
  await expect(form.verdict()).toHaveText('将标记为迟报，超过时限30分钟');
  await page.mouse.move(90, 740);
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.screenshot('reports-01-form');

  await form.save();
  await expect(detail.number()).toHaveText(FIRST);
  await expect(page.getByText(`已报送，编号 ${FIRST}；已标记迟报（30分钟）`)).toBeVisible();
  await expect(detail.lateness()).toHaveText('迟报 30分钟');
  await expect(detail.fact('fact-elapsed')).toContainText('1小时30分');
  await expect(detail.fact('fact-timeliness')).toContainText('迟报，超过时限30分钟');
  await expect(detail.status()).toHaveText('已报送');
});

test('a clerk verifies (核实) and analyses (研判) the report, and cannot approve it (审核 is a leader’s)', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const id = await lateReport(desk, await office(desk));
  await desk.openAs(CLERK, { hash: `/reports/${id}` });

  await detail.act('核实', async (d) => {
    await d.getByText('属实', { exact: true }).click();
    await d.getByRole('textbox', { name: '核实情况' }).fill('镇综治办电话联系村支书核实，聚集人数和诉求属实');
  });
  await expect(detail.status()).toHaveText('已核实');
  await expect(detail.fact('fact-verification')).toContainText('属实');
  await detail.act('研判', async (d) => {
    await d.getByRole('textbox', { name: '事件性质' }).fill('因拆迁安置标准引发的群体性矛盾纠纷');
    await d.getByText('紧急', { exact: true }).click();
    await d.getByRole('textbox', { name: '初步处理意见' }).fill('由青山村两委当日召开村民代表会议解释方案，镇拆迁办派员参加');
  });
  await expect(detail.status()).toHaveText('已研判');
  // The clerk sees the 审核 button but cannot use it.
  await expect(detail.toolbar().getByRole('button', { name: '审核', exact: true })).toBeDisabled();
});

test('a leader approves (审核) the analysed report, with the note in its history', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const id = await lateReport(desk, await office(desk), ['verify', 'analyse']);
  await desk.openAs(LEADER, { hash: `/reports/${id}` });

  await expect(detail.number()).toHaveText(FIRST);
  await detail.act('审核', async (d) => {
    await d.getByRole('textbox', { name: '审核意见（可不填）' }).fill('同意，报县信访局');
  });
  await expect(detail.status()).toHaveText('已审核');
  await expect(detail.fact('fact-approval')).toContainText('李镇长，2026-11-10 10:00');
  await expect(detail.steps()).toHaveCount(4);
  await expect(detail.steps().nth(3)).toContainText('审核');
  await expect(detail.steps().nth(3)).toContainText('同意，报县信访局');
});

test('a follow-up (续报) an hour later joins the chain of the first report', async ({ page, desk }) => {
  const form = new ReportForm(page);
  const detail = new ReportDetailModel(page);
  const id = await lateReport(desk, await office(desk), ['verify', 'analyse', 'approve']);
  await desk.advanceClock(60 * 60_000);
  await desk.openAs(LEADER, { hash: `/reports/${id}` });

  await detail.toolbar().getByRole('button', { name: '续报' }).click();
  await expect(page.getByRole('heading', { name: '续报' })).toBeVisible();
  await expect(page.getByTestId('follow-up-of')).toContainText(`续报 ${FIRST}：${DISPUTE.summary}`);
  await form.dateTime('发现时间', '2026-11-10 10:50');
  await form.fill({ summary: '续报：经村两委解释，村民已散去', content: '村两委和镇拆迁办工作人员到场解释安置方案，村民同意推选5名代表参加协商，聚集人员已散去。' });
  await expect(form.verdict()).toContainText('在时限内');
  await form.save();
  await expect(detail.number()).toHaveText('信报〔2026〕2号');
  await expect(detail.lateness()).toHaveText('按时');
  await expect(detail.chain()).toHaveCount(2);
  await expect(detail.chain().nth(0)).toContainText('首报');
  await expect(detail.chain().nth(0)).toContainText(FIRST);
  await expect(detail.chain().nth(1)).toContainText('续报1');
  await expect(page.getByTestId('report-facts')).toContainText('青山村 · 矛盾纠纷');
  await detail.chain().nth(0).getByRole('link', { name: FIRST }).click();
  await expect(detail.number()).toHaveText(FIRST);
  await expect(detail.chain()).toHaveCount(2);
  await dismissToasts(page);
  await desk.screenshot('reports-02-detail');
});

test('发布预警 on an approved report hands over to the warning form with this report', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const id = await lateReport(desk, await office(desk), ['verify', 'analyse', 'approve']);
  await desk.openAs(LEADER, { hash: `/reports/${id}` });

  await detail.toolbar().getByRole('button', { name: '发布预警' }).click();
  await expect(page).toHaveURL(new RegExp(`#/warnings/new\\?report=${id}$`));
  await expect(page.getByText(`信息报告 ${FIRST}`)).toBeVisible();
});

test('起草报告文书 makes the 信息报告 notice from the report, a draft until a leader signs it', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const id = await lateReport(desk, await office(desk), ['verify', 'analyse', 'approve']);
  await desk.openAs(LEADER, { hash: `/reports/${id}` });

  await detail.toolbar().getByRole('button', { name: '起草报告文书' }).click();
  await expect(page).toHaveURL(/#\/notices\/\d+$/);
  await expect(page.getByTestId('notice-number')).toHaveText('信息报告');
  await expect(page.getByTestId('notice-status')).toHaveText('草稿');
  await expect(page.frameLocator('[data-testid="notice-preview"]').locator('body')).toContainText('拆迁方案');
});

test('the list shows the newest report first and the late one with how late, and filters to the late ones', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await lateReport(desk, o, ['verify', 'analyse', 'approve']);
  await desk.advanceClock(60 * 60_000);
  const leader = await desk.login(LEADER.username, LEADER.password);
  await desk.api(
    'reports.create',
    { parentId: id, severity: 'major', foundAt: beijing(11, 10, 10, 50), summary: '续报：经村两委解释，村民已散去', content: '村两委和镇拆迁办工作人员到场解释安置方案，聚集人员已散去。' },
    leader,
  );
  await desk.openAs(LEADER, { session: leader });

  await page.getByRole('navigation').getByRole('link', { name: '信息报告', exact: true }).click();
  await expect(page.getByTestId('report-total')).toHaveText('共 2 份');
  await expect(page.getByTestId('report-row').nth(0)).toContainText('信报〔2026〕2号');
  await expect(page.getByTestId('report-row').nth(1)).toContainText('迟报 30分钟');
  await page.getByLabel('只看迟报').check();
  await expect(page.getByTestId('report-total')).toHaveText('共 1 份');
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await expect(page.getByTestId('report-row')).toContainText(FIRST);
  const all = await desk.api<{ total: number }>('reports.list', {}, o.admin);
  expect(all.total).toBe(2);
});

test('a report dated in the future is refused with a clear message and nothing is saved', async ({ page, desk }) => {
  const form = new ReportForm(page);
  const { admin } = await office(desk);
  await desk.openAs(CLERK);
  await form.open();
  await form.pick('报告单位', '东风村');
  await form.dateTime('发现时间', '2026-11-10 11:30');
  await form.type('其他');
  await form.fill({ summary: '东风村道路塌陷', content: '东风村主干道出现塌陷' });
  await expect(form.verdict()).toHaveText('发现时间晚于现在，保存时会被拒绝');
  await form.save();
  await expect(form.refusal()).toContainText('发现时间不能晚于现在，请核对（电脑时间允许有5分钟误差）');
  await expect(page.getByRole('heading', { name: '报送信息报告' })).toBeVisible();
  const list = await desk.api<{ total: number }>('reports.list', {}, admin);
  expect(list.total).toBe(0);
  // Missing required facts are named before anything is sent.
  await page.getByRole('textbox', { name: '事件情况' }).fill('');
  await form.save();
  await expect(form.refusal()).toContainText('请填写事件情况');
  expect((await desk.api<{ total: number }>('reports.list', {}, admin)).total).toBe(0);
});

/** The office's earlier report from 东风村 (一般, on time) about a blocked irrigation channel, and the petition about it. */
async function irrigationDispute(desk: Desk, o: Office): Promise<{ reportId: number; petition: { id: number; number: string } }> {
  const petition = await desk.api<{ id: number; number: string }>(
    'petitions.create',
    {
      channel: 'visit',
      receivedAt: beijing(11, 10, 9),
      petitioners: [{ name: '陈国强', address: '青山镇东风村二组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '东风村二组村民反映灌溉水渠被堵',
      request: '要求疏通水渠',
    },
    o.admin,
  );
  const report = await desk.api<{ id: number }>(
    'reports.create',
    { unitId: o.units.dongfeng, type: 'dispute', severity: 'general', foundAt: beijing(11, 10, 8), summary: '东风村两组村民因灌溉用水发生争执', content: '两组村民因水渠堵塞争执，村调委会正在调解' },
    o.admin,
  );
  return { reportId: report.id, petition };
}

test('the administrator changes a time limit: 0 minutes is refused and changes nothing, 120 is saved and the form counts with it', async ({ page, desk }) => {
  const form = new ReportForm(page);
  const o = await office(desk);
  await irrigationDispute(desk, o);
  await desk.openAs(ADMIN, { session: o.admin });

  await page.getByRole('navigation').getByRole('link', { name: '信息报告', exact: true }).click();
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await expect(page.getByTestId('report-row')).toContainText('按时');
  await desk.screenshot('reports-04-list');
  await page.getByRole('link', { name: '时限设置' }).click();
  await expect(page.getByRole('heading', { name: '报告时限设置' })).toBeVisible();
  const major = page.getByRole('textbox', { name: '重大分钟数' });
  await expect(major).toHaveValue('60');
  await major.fill('0');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('请填写1到1440之间的整数')).toBeVisible();
  expect((await desk.api<{ limits: { major: { minutes: number } } }>('reports.settings.get', {}, o.admin)).limits.major.minutes).toBe(60);
  await major.fill('120');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('已保存报告时限设置')).toBeVisible();
  expect((await desk.api<{ limits: { major: { minutes: number } } }>('reports.settings.get', {}, o.admin)).limits.major.minutes).toBe(120);
  await dismissToasts(page);
  await desk.screenshot('reports-05-settings');

  // With 2 hours for 重大, a report found 90 minutes ago is within its limit.
  await form.open();
  await form.severity('重大');
  await form.dateTime('发现时间', '2026-11-10 08:30');
  await expect(page.getByTestId('limit-rule')).toHaveText('重大信息：发现后2小时内报告');
  await expect(form.verdict()).toHaveText('在时限内，还剩30分钟');
});

test('a step without its required choice is refused in the dialog and the report stays as it was', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const o = await office(desk);
  const { reportId } = await irrigationDispute(desk, o);
  await desk.openAs(ADMIN, { hash: `/reports/${reportId}`, session: o.admin });

  await expect(detail.number()).toHaveText(FIRST);
  await detail.toolbar().getByRole('button', { name: '核实', exact: true }).click();
  await detail.dialog('核实').getByRole('button', { name: '核实', exact: true }).click();
  await expect(detail.dialog('核实')).toContainText('请选择核实结果');
  await detail.dialog('核实').getByRole('button', { name: '取消' }).click();
  await expect(detail.status()).toHaveText('已报送');
});

test('a report is linked to the petition about the same matter, found by words of its summary', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const o = await office(desk);
  const { reportId, petition } = await irrigationDispute(desk, o);
  await desk.openAs(ADMIN, { hash: `/reports/${reportId}`, session: o.admin });

  await detail.toolbar().getByRole('button', { name: '关联信访事项' }).click();
  const link = detail.dialog('关联信访事项');
  await link.getByRole('button', { name: '保存关联' }).click();
  await expect(link.getByText('请选择要关联的信访事项')).toBeVisible();
  await link.getByRole('combobox', { name: '信访事项' }).fill('灌溉');
  await page.getByRole('option', { name: `${petition.number} 东风村二组村民反映灌溉水渠被堵` }).click();
  await link.getByRole('button', { name: '保存关联' }).click();
  await expect(link).toBeHidden();
  await expect(detail.fact('fact-petition')).toContainText(petition.number);
});

test('marking a report 瞒报 needs an explanation; with one, the mark shows on the report', async ({ page, desk }) => {
  const detail = new ReportDetailModel(page);
  const o = await office(desk);
  const { reportId } = await irrigationDispute(desk, o);
  await desk.openAs(ADMIN, { hash: `/reports/${reportId}`, session: o.admin });

  await detail.toolbar().getByRole('button', { name: '标记瞒报/漏报' }).click();
  const mark = detail.dialog('标记瞒报/漏报');
  await mark.getByRole('button', { name: '保存标记' }).click();
  await expect(mark.getByText('请写明情况说明')).toBeVisible();
  await mark.getByRole('textbox', { name: '情况说明（从何处得知、为何认定）' }).fill('县信访局通报：两组村民11月9日已到县里反映，村里未报告');
  await mark.getByRole('button', { name: '保存标记' }).click();
  await expect(mark).toBeHidden();
  await expect(page.getByTestId('flag-badge')).toHaveText('瞒报');
  await expect(page.getByTestId('flag-alert')).toContainText('县信访局通报');
  await expect(detail.steps().last()).toContainText('标记');
});
