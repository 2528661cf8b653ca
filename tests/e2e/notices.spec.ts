/**
 * A 预警通知书 from draft to archive, as the office does it: the clerk drafts it from a warning, edits a
 * sentence and sends it for sign-off; the clerk cannot sign; the leader signs and the number is assigned; the
 * PDF carries the number and the edited sentence; the archive shows the notice with its print.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, ADMIN } from './support/fixtures';
import { loginThroughUi } from './pages/duty-handover';
import { dismissNotifications } from './pages/petition-detail';
import { NoticeArchiveModel, NoticeDetailModel } from './pages/notice-detail';

const CLERK = { username: 'clerk1', password: 'Passw0rd1', displayName: '李登记' } as const;
const LEADER = { username: 'leader1', password: 'Passw0rd1', displayName: '张镇长' } as const;
const SENTENCE = '请你单位于本周五前召开村民代表会议，当面听取群众意见。';

/** 2026-11-02 09:00 in the office's zone (UTC+8). */
const MONDAY_9AM = Date.UTC(2026, 10, 2, 1, 0);

test('a warning notice is drafted, edited, refused to a clerk, signed by a leader, downloaded as PDF and archived', async ({ desk, page }) => {
  await desk.setClock(MONDAY_9AM);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { ...CLERK, role: 'clerk' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { ...LEADER, role: 'leader' }, admin);
  const unit = await desk.api<{ id: number }>('units.create', { name: '东风村', kind: 'village', liaisonName: '周联络' }, admin);
  const clerk = await desk.login(CLERK.username, CLERK.password);
  await desk.api(
    'warnings.issue',
    {
      title: '东风村部分村民对征地补偿方案有异议',
      unitId: unit.id,
      peopleCount: 12,
      escalation: 'province',
      grievance: '村民认为补偿标准低于邻村，要求按2025年新标准补偿',
      responsibleUnitId: unit.id,
      leadLeaderId: leader.id,
    },
    clerk,
  );

  // The admin sets the issuing body and the number prefixes; a prefix with digits is refused.
  const archive = new NoticeArchiveModel(page);
  await archive.open();
  await page.getByRole('button', { name: '文书设置' }).click();
  const settings = page.getByRole('dialog', { name: '文书设置' });
  await expect(settings.getByRole('textbox', { name: '发文机关标志' })).toHaveValue('青山镇信访办公室文件');
  await expect(settings.getByRole('textbox', { name: '预警通知书' })).toHaveValue('信预');
  await settings.getByRole('textbox', { name: '预警通知书' }).fill('信预2');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('文号前缀只能是文字，不能含数字或括号').first()).toBeVisible();
  await settings.getByRole('textbox', { name: '预警通知书' }).fill('信预');
  await desk.screenshot('notices-05-settings');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings).toBeHidden();

  await loginThroughUi(page, CLERK);
  await archive.open();
  await expect(page.getByTestId('notices-empty')).toBeVisible();
  await archive.draft('预警通知书', '预警', /预警〔2026〕1号/, () => desk.screenshot('notices-00-new'));

  const notice = new NoticeDetailModel(page);
  await expect(notice.status()).toHaveText('草稿');
  await expect(notice.number()).toHaveText('预警通知书');
  await expect(notice.preview().getByText('关于东风村部分村民对征地补偿方案有异议的预警通知书')).toBeVisible();

  // An empty body is refused and nothing changes.
  const editor = await notice.openEditor();
  const original = await notice.bodyField().inputValue();
  await notice.bodyField().fill('');
  await notice.save();
  await expect(editor.getByText('正文不能为空')).toBeVisible();
  await notice.bodyField().fill(`${original}\n${SENTENCE}`);
  await notice.save();
  await expect(editor).toBeHidden();
  await expect(notice.preview().getByText(SENTENCE)).toBeVisible();
  await dismissNotifications(page);
  await desk.screenshot('notices-01-draft-preview');

  await notice.button('送领导签发').click();
  await expect(notice.status()).toHaveText('待签发');
  // The clerk has no sign-off button, and is told who signs.
  await expect(notice.button('签发')).toHaveCount(0);
  await expect(notice.button('修改正文')).toHaveCount(0);
  await expect(page.getByTestId('sign-refused')).toHaveText('只有领导可以签发。请由领导登录后签发。');
  const noticeUrl = page.url();

  await loginThroughUi(page, LEADER);
  await page.goto(noticeUrl);
  await notice.button('签发').click();
  const confirm = page.getByRole('dialog', { name: '签发文书' });
  await expect(confirm).toContainText('签发后将分配文号并定稿');
  await confirm.getByRole('button', { name: '确定签发' }).click();
  await expect(notice.number()).toHaveText('信预〔2026〕1号');
  await expect(notice.status()).toHaveText('已签发');
  await expect(page.getByTestId('notice-signed-by')).toHaveText('张镇长 · 2026-11-02 09:00');
  await expect(notice.preview().getByText('信预〔2026〕1号')).toBeVisible();
  await expect(notice.button('修改正文')).toHaveCount(0);
  await dismissNotifications(page);
  await desk.screenshot('notices-02-signed');

  const [download] = await Promise.all([page.waitForEvent('download'), notice.button('下载PDF').click()]);
  expect(download.suggestedFilename()).toBe('信预〔2026〕1号.pdf');
  const file = test.info().outputPath('notice.pdf');
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('信预〔2026〕1号');
  expect(text).toContain(SENTENCE);
  await expect(notice.history()).toContainText('张镇长 · PDF 1份');
  await expect(notice.status()).toHaveText('已印发');

  // Browser mode prints the preview with the browser's print window; the print goes into the archive.
  await notice.button('打印').click();
  const printDialog = page.getByRole('dialog', { name: '打印' });
  await printDialog.getByRole('textbox', { name: '份数' }).fill('3');
  await printDialog.getByRole('button', { name: '打印' }).click();
  await expect(printDialog).toBeHidden();
  await expect(notice.history()).toContainText('张镇长 · 纸质 3份');

  await dismissNotifications(page);
  await archive.open();
  const row = archive.row('信预〔2026〕1号');
  await expect(row).toContainText('预警通知书');
  await expect(row).toContainText('关于东风村部分村民对征地补偿方案有异议的预警通知书');
  await expect(row).toContainText('预警〔2026〕1号');
  await expect(row).toContainText('已印发');
  await expect(row).toContainText('张镇长');
  await expect(row).toContainText('2次 · 共4份');
  await desk.screenshot('notices-03-archive');
});

test('a 交办单 to the accused unit leaves the accuser out, says why, and refuses the name typed back in', async ({ desk, page }) => {
  await desk.setClock(MONDAY_9AM);
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { ...CLERK, role: 'clerk' }, admin);
  const unit = await desk.api<{ id: number }>('units.create', { name: '红旗村', kind: 'village', liaisonName: '吴联络' }, admin);
  const clerk = await desk.login(CLERK.username, CLERK.password);
  const petition = await desk.api<{ id: number; number: string }>(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: MONDAY_9AM - 3_600_000,
      petitioners: [{ name: '刘某某', phone: '13912345678', address: '红旗村五组18号' }],
      peopleCount: 1,
      category: 'accusation',
      unitId: unit.id,
      summary: '检举红旗村干部低保评定问题',
      request: '红旗村村委会主任在低保评定中优亲厚友，把自己亲属列入低保名单',
    },
    clerk,
  );
  await desk.api('petitions.transition', { id: petition.id, action: 'assign', unitId: unit.id }, clerk);

  await loginThroughUi(page, CLERK);
  await page.goto(`${new URL(desk.url).origin}/#/petitions/${petition.id}`);
  await page.getByRole('button', { name: '起草文书' }).click();
  await page.getByRole('menuitem', { name: '交办单' }).click();
  const notice = new NoticeDetailModel(page);
  await expect(notice.status()).toHaveText('草稿');
  const withheld = page.getByTestId('notice-withheld');
  await expect(withheld).toContainText('本文书发往被检举控告的单位“红旗村”');
  await expect(withheld).toContainText('第三十条');
  await expect(notice.preview().getByText('信访事项交办单')).toBeVisible();
  await expect(notice.preview().locator('body')).not.toContainText('刘某某');
  await expect(notice.preview().locator('body')).not.toContainText('13912345678');

  const editor = await notice.openEditor();
  const text = await notice.bodyField().inputValue();
  await notice.bodyField().fill(`${text}\n请与刘某某联系核实。`);
  await notice.save();
  await expect(editor.getByText(`这份文书发往被检举控告的单位“红旗村”，不能写入检举控告人的姓名（涉及${petition.number}）`, { exact: false })).toBeVisible();
  await editor.getByRole('button', { name: '取消' }).click();
  await expect(notice.preview().locator('body')).not.toContainText('刘某某');
  await dismissNotifications(page);
  await desk.screenshot('notices-04-withheld');

  // The petition's page lists the notice drafted from it.
  await page.goBack();
  await expect(page.getByTestId('subject-notices')).toContainText('交办单');
  await expect(page.getByTestId('subject-notices')).toContainText('草稿');
});
