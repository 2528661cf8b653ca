/**
 * The book of record, corrections and voids, one behaviour per test: a clerk corrects the received-at of an
 * accepted petition, the leader approves it in the leader's own session, and the handling deadline moves and
 * says why; a duplicate registration is voided with the leader's approval and leaves the list and the
 * dashboard, still findable with a filter.
 */
import { test, expect } from './support/fixtures';
import { PetitionDetailModel, dismissNotifications } from './pages/petition-detail';
import { Dashboard } from './pages/dashboard';
import { typeDateTime } from './pages/date-time';
import { CLERK, LEADER, bookOffice, decidePending, registerLetter } from './support/book-office';

test('a clerk corrects the received-at after acceptance; the leader approves it; the deadline and its 计算说明 change', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await bookOffice(desk);
  const p = await registerLetter(desk, o);
  await desk.api('petitions.transition', { id: p.id, action: 'accept', noticeOnTheSpot: true }, o.clerk);
  await desk.openAs(CLERK, { hash: `/petitions/${p.id}`, session: o.clerk });
  await expect(detail.deadline('办理期限')).toContainText('2027年1月1日');

  await detail.toolbar().getByRole('button', { name: '更正', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '更正登记内容' });
  await typeDateTime(page, '收到时间', '2026-10-30 16:00');
  await dialog.getByRole('textbox', { name: '更正原因' }).fill('收到时间录错，以信封邮戳为准');
  await dismissNotifications(page);
  await desk.screenshot('book-01-correction-dialog');
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(dialog).toBeHidden();

  // Nothing takes effect until the leader approves: the request waits on the page.
  const request = page.getByTestId('approvals-section').getByTestId('approval');
  await expect(request).toContainText('待审批');
  await expect(request.getByTestId('approval-changes')).toContainText('2026-11-02 08:30');
  await expect(request.getByTestId('approval-changes')).toContainText('2026-10-30 16:00');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月1日');

  await desk.openAs(LEADER, { hash: '/approvals', session: o.leader });
  const card = page.getByTestId('approval').filter({ hasText: p.number });
  await expect(card).toContainText('更正受理后事项');
  await expect(card).toContainText('收到时间录错，以信封邮戳为准');
  await dismissNotifications(page);
  await desk.screenshot('book-02-approvals-inbox');
  await card.getByRole('button', { name: '批准' }).click();
  const approve = page.getByRole('dialog', { name: '批准“更正受理后事项”申请' });
  await approve.getByRole('textbox', { name: '审批意见（可不填）' }).fill('同意更正');
  await approve.getByRole('button', { name: '批准' }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByTestId('approvals-empty')).toHaveText('没有待审批的申请');

  await desk.openAs(CLERK, { hash: `/petitions/${p.id}`, session: o.clerk });
  await expect(detail.deadline('办理期限')).toContainText('2026年12月29日');
  const explanation = await detail.explain('办理期限');
  await expect(explanation).toContainText('2026年10月30日（当日不计入）');
  await expect(explanation.getByTestId('deadline-corrected')).toHaveText('因更正收到时间重新计算（原起算日 2026年11月2日）');
  const step = detail.timelineSteps().last();
  await expect(step).toContainText('更正');
  await expect(step).toContainText('收到时间录错，以信封邮戳为准');
  await expect(step).toContainText('批准领导：张镇长');
  await expect(detail.number()).toHaveText(p.number);
  await dismissNotifications(page);
  await page.getByTestId('timeline-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await desk.screenshot('book-03-timeline-correction');
});

test('a duplicate registration is voided with the leader’s approval and leaves the list and the dashboard', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const home = new Dashboard(page);
  const o = await bookOffice(desk);
  await registerLetter(desk, o);
  const twice = await registerLetter(desk, o);
  await desk.openAs(CLERK, { hash: `/petitions/${twice.id}`, session: o.clerk });

  await detail.toolbar().getByRole('button', { name: '申请作废' }).click();
  const dialog = page.getByRole('dialog', { name: '申请作废登记' });
  await dialog.getByRole('button', { name: '提交领导审批' }).click();
  await expect(dialog.getByRole('alert')).toContainText('作废原因');
  await dialog.getByRole('textbox', { name: '作废原因' }).fill('与信〔2026〕0001号重复登记');
  await dialog.getByRole('button', { name: '提交领导审批' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.status()).toHaveText('已登记');

  await decidePending(desk, o.leader, 'petition', twice.id, 'approve');
  await expect(detail.status()).toHaveText('已作废');
  await expect(page.getByTestId('voided-banner')).toHaveText('本件已作废：与信〔2026〕0001号重复登记');
  await expect(detail.number()).toHaveText('信〔2026〕0002号');

  await home.open();
  await expect(home.figure('stat-/petitions')).toHaveText('1');
  await expect(home.figure('stat-today')).toHaveText('1');
  await page.getByRole('navigation').getByRole('link', { name: '信访事项' }).click();
  await expect(page.getByTestId('petition-total')).toContainText('1');
  await expect(page.getByRole('row').filter({ hasText: '信〔2026〕0002号' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: '包括已作废' }).check();
  const voided = page.getByRole('row').filter({ hasText: '信〔2026〕0002号' });
  await expect(voided).toContainText('已作废');
  await expect(voided.getByTestId('void-reason')).toHaveText('作废：与信〔2026〕0001号重复登记');
});
