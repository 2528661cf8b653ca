/**
 * Approvals given by the approver, one behaviour per test: an extension the clerk asks for waits in the
 * leader's inbox and rings the leader on duty, and moves the deadline only when the leader approves it; a
 * returned one moves nothing; an information report returned with a reason is corrected, resubmitted and
 * approved; a clerk cannot acknowledge the alarm that rang for the leader.
 */
import { test, expect } from './support/fixtures';
import { PetitionDetailModel, dismissNotifications } from './pages/petition-detail';
import { AlarmBannerModel } from './pages/alarm-banner';
import { AlarmBoardModel } from './pages/alarm-board';
import { CLERK, LEADER, beijing, bookOffice, decidePending, letterInHandling } from './support/book-office';

const EXTENSION_REASON = '需向县社保局核实缴费记录，已告知信访人';

test('an extension asked by the clerk waits in the leader’s inbox and rings the leader; approved, the deadline moves', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const banner = new AlarmBannerModel(page);
  const o = await bookOffice(desk);
  const p = await letterInHandling(desk, o);
  await desk.openAs(CLERK, { hash: `/petitions/${p.id}`, session: o.clerk });

  await detail.actionButton('延期').click();
  const dialog = page.getByRole('dialog', { name: '申请延长办理期限' });
  await expect(dialog.getByRole('combobox', { name: '批准领导' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: '延长天数' }).fill('20');
  await dialog.getByRole('textbox', { name: '延期理由（须告知信访人）' }).fill(EXTENSION_REASON);
  await dialog.getByRole('button', { name: '提交领导审批' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('approvals-section')).toContainText('延长 20 日');
  await expect(detail.status()).toHaveText('办理中');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月1日');

  // The scheduler's next pass rings the leader on duty.
  await desk.advanceClock(60_000);
  await desk.openAs(LEADER, { hash: '/approvals', session: o.leader });
  await expect(banner.root).toContainText(`${p.number} 延期办理申请待审批`);
  await expect(banner.root).not.toContainText('待审批：');
  await desk.screenshot('approvals-01-banner');
  await expect(page.getByTestId('pending-approvals')).toHaveText('1');
  const card = page.getByTestId('approval').filter({ hasText: p.number });
  await expect(card).toContainText('延期办理');
  await expect(card).toContainText('延长 20 日');
  await expect(card).toContainText(EXTENSION_REASON);
  await card.getByRole('button', { name: '批准' }).click();
  await page.getByRole('dialog', { name: '批准“延期办理”申请' }).getByRole('button', { name: '批准' }).click();
  await expect(page.getByTestId('approvals-empty')).toBeVisible();
  // Decided, the request rings no more.
  await expect(banner.root.filter({ hasText: p.number })).toHaveCount(0);

  await desk.openAs(CLERK, { hash: `/petitions/${p.id}`, session: o.clerk });
  await expect(detail.status()).toHaveText('已延期');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月21日');
  await expect(detail.timelineSteps().last()).toContainText('批准领导：张镇长');
});

test('an extension the leader returns with a reason moves nothing, and the clerk reads why', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await bookOffice(desk);
  const p = await letterInHandling(desk, o);
  await desk.api('petitions.extension.request', { id: p.id, days: 20, note: EXTENSION_REASON }, o.clerk);
  await desk.openAs(LEADER, { hash: '/approvals', session: o.leader });

  const card = page.getByTestId('approval').filter({ hasText: p.number });
  await card.getByRole('button', { name: '退回' }).click();
  const dialog = page.getByRole('dialog', { name: '退回“延期办理”申请' });
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog.getByRole('alert')).toContainText('请填写退回理由');
  await dialog.getByRole('textbox', { name: '退回理由' }).fill('缴费记录可在系统内查询，无需延期');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog).toBeHidden();

  await desk.openAs(CLERK, { hash: `/petitions/${p.id}`, session: o.clerk });
  await expect(detail.status()).toHaveText('办理中');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月1日');
  const request = page.getByTestId('approvals-section').getByTestId('approval');
  await expect(request.getByTestId('approval-status')).toHaveText('已退回');
  await expect(request.getByTestId('approval-decision')).toContainText('缴费记录可在系统内查询，无需延期');
  await expect(detail.actionButton('延期')).toBeVisible();
});

test('a report the leader returns with a reason is corrected, resubmitted and approved', async ({ page, desk }) => {
  const o = await bookOffice(desk, beijing(11, 10, 9));
  const report = await desk.api<{ id: number; number: string }>(
    'reports.create',
    { unitId: o.unitId, type: 'dispute', severity: 'important', foundAt: beijing(11, 10, 8, 30), place: '青山村村委会', peopleCount: 12, summary: '青山村村民聚集反映拆迁安置问题', content: '12名村民到村委会反映安置房分配方案不公' },
    o.clerk,
  );
  await desk.api('reports.transition', { id: report.id, action: 'verify', verification: 'true', note: '电话核实属实' }, o.clerk);
  await desk.api('reports.transition', { id: report.id, action: 'analyse', nature: '拆迁安置矛盾', urgency: 'urgent', opinion: '村两委当日解释方案' }, o.clerk);
  await decidePending(desk, o.leader, 'report', report.id, 'return', '人数与现场照片不符，请核实后更正');

  await desk.openAs(CLERK, { hash: `/reports/${report.id}`, session: o.clerk });
  await expect(page.getByTestId('report-status').first()).toHaveText('已退回');
  await expect(page.getByTestId('returned-alert')).toHaveText('领导已退回：人数与现场照片不符，请核实后更正');
  await page.getByRole('button', { name: '更正报告' }).click();
  const correct = page.getByRole('dialog', { name: '更正信息报告' });
  await correct.getByRole('textbox', { name: '人数' }).fill('20');
  await correct.getByRole('textbox', { name: '更正原因' }).fill('按现场照片核实为20人');
  await correct.getByRole('button', { name: '保存更正' }).click();
  await expect(correct).toBeHidden();
  await expect(page.getByTestId('report-facts')).toContainText('20');

  await page.getByRole('toolbar').getByRole('button', { name: '重新提交审核' }).click();
  const resubmit = page.getByRole('dialog', { name: '重新提交审核' });
  await resubmit.getByRole('button', { name: /重新提交审核/ }).last().click();
  await expect(resubmit).toBeHidden();
  await expect(page.getByTestId('report-status').first()).toHaveText('已研判');

  await desk.openAs(LEADER, { hash: '/approvals', session: o.leader });
  const card = page.getByTestId('approval').filter({ hasText: report.number });
  await card.getByRole('button', { name: '批准' }).click();
  await page.getByRole('dialog', { name: '批准“审核信息报告”申请' }).getByRole('button', { name: '批准' }).click();
  await expect(page.getByTestId('approvals-empty')).toBeVisible();
  await desk.openAs(CLERK, { hash: `/reports/${report.id}`, session: o.clerk });
  await expect(page.getByTestId('report-status').first()).toHaveText('已审核');
  await expect(page.getByTestId('returned-alert')).toHaveCount(0);
});

test('a clerk cannot acknowledge the alarm that rang for the leader', async ({ page, desk }) => {
  const board = new AlarmBoardModel(page);
  const o = await bookOffice(desk);
  const p = await letterInHandling(desk, o);
  await desk.api('petitions.extension.request', { id: p.id, days: 20, note: EXTENSION_REASON }, o.clerk);
  await desk.advanceClock(60_000);
  await desk.openAs(CLERK, { session: o.clerk });
  await board.open();

  const row = page.getByTestId('alarm-row').filter({ hasText: p.number });
  await expect(row).toContainText('张镇长');
  await row.getByRole('button', { name: '确认' }).click();
  const dialog = page.getByRole('dialog', { name: '确认提醒' });
  await dialog.getByRole('textbox', { name: '代为确认的原因' }).fill('领导外出，我来确认');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('这条提醒发给了其他人员，您既不是接收人，也不是当班值班员、带班领导或管理员，不能确认或暂缓');
  await dismissNotifications(page);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(row.getByTestId('alarm-acknowledged')).toHaveCount(0);
});
