/**
 * A 预警通知书 from draft to archive, as the office does it, one step per test: the admin sets the issuing body
 * and prefixes; the clerk drafts it from a warning, edits a sentence and sends it for sign-off; the clerk
 * cannot sign; the leader signs and the number is assigned; the PDF carries the number and the edited
 * sentence; the print goes on record; the archive shows the notice with its prints. Then a 交办单 to an
 * accused unit, which never carries the accuser. Each test arranges the steps before its own through the API.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, ADMIN, type Desk } from './support/fixtures';
import { dismissNotifications } from './pages/petition-detail';
import { NoticeArchiveModel, NoticeDetailModel } from './pages/notice-detail';

const CLERK = { username: 'clerk1', password: 'Passw0rd1', displayName: '李登记' } as const;
const LEADER = { username: 'leader1', password: 'Passw0rd1', displayName: '张镇长' } as const;
const SENTENCE = '请你单位于本周五前召开村民代表会议，当面听取群众意见。';

/** 2026-11-02 09:00 in the office's zone (UTC+8). */
const MONDAY_9AM = Date.UTC(2026, 10, 2, 1, 0);

interface Office {
  readonly admin: string;
  readonly clerk: string;
  readonly leaderId: number;
  readonly unitId: number;
}

/** Monday 2026-11-02 09:00: a clerk, a leader, and 东风村. */
async function office(desk: Desk): Promise<Office> {
  await desk.setClock(MONDAY_9AM);
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { ...CLERK, role: 'clerk' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { ...LEADER, role: 'leader' }, admin);
  const unit = await desk.api<{ id: number }>('units.create', { name: '东风村', kind: 'village', liaisonName: '周联络' }, admin);
  return { admin, clerk: await desk.login(CLERK.username, CLERK.password), leaderId: leader.id, unitId: unit.id };
}

async function issueWarning(desk: Desk, o: Office): Promise<number> {
  const warning = await desk.api<{ id: number }>(
    'warnings.issue',
    {
      title: '东风村部分村民对征地补偿方案有异议',
      unitId: o.unitId,
      peopleCount: 12,
      escalation: 'province',
      grievance: '村民认为补偿标准低于邻村，要求按2025年新标准补偿',
      responsibleUnitId: o.unitId,
      leadLeaderId: o.leaderId,
    },
    o.clerk,
  );
  return warning.id;
}

type Step = 'edited' | 'submitted' | 'signed' | 'printed';

/**
 * The clerk's draft of the warning's 预警通知书, taken through the given steps as the page takes it: the
 * sentence added to the body, sent for sign-off, signed by the leader, then a PDF and 3 paper copies.
 * Returns the notice's id.
 */
async function warningNotice(desk: Desk, o: Office, steps: readonly Step[]): Promise<number> {
  const warningId = await issueWarning(desk, o);
  interface Draft {
    id: number;
    title: string;
    addressee: string;
    body: unknown[];
    note: string;
    copyTo: string[];
  }
  const draft = await desk.api<Draft>('notices.create', { kind: 'warning_notice', warningId }, o.clerk);
  const { id, title, addressee, body, note, copyTo } = draft;
  if (steps.includes('edited')) {
    await desk.api('notices.update', { id, title, addressee, body: [...body, { type: 'paragraph', text: SENTENCE }], note, copyTo }, o.clerk);
  }
  if (steps.includes('submitted')) await desk.api('notices.submit', { id }, o.clerk);
  const leader = await desk.login(LEADER.username, LEADER.password);
  if (steps.includes('signed')) await desk.api('notices.sign', { id }, leader);
  if (steps.includes('printed')) {
    // The PDF download's record (the PDF itself is the download test's); making one here would only cost time.
    await desk.api('notices.prints.create', { id, copies: 1, format: 'pdf' }, leader);
    await desk.api('notices.prints.create', { id, copies: 3, format: 'paper' }, leader);
  }
  return id;
}

test('the admin sets the issuing body and the number prefixes; a prefix with digits is refused', async ({ page, desk }) => {
  await desk.setClock(MONDAY_9AM);
  await desk.setupOffice();
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
});

test('the clerk drafts a 预警通知书 from the warning in the archive', async ({ page, desk }) => {
  const o = await office(desk);
  await issueWarning(desk, o);
  await desk.openAs(CLERK, { session: o.clerk });
  const archive = new NoticeArchiveModel(page);

  await archive.open();
  await expect(page.getByTestId('notices-empty')).toBeVisible();
  await archive.draft('预警通知书', '预警', /预警〔2026〕1号/, () => desk.screenshot('notices-00-new'));
  const notice = new NoticeDetailModel(page);
  await expect(notice.status()).toHaveText('草稿');
  await expect(notice.number()).toHaveText('预警通知书');
  await expect(notice.preview().getByText('关于东风村部分村民对征地补偿方案有异议的预警通知书')).toBeVisible();
});

test('an empty body is refused and changes nothing; a sentence added to the draft shows in the preview', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await warningNotice(desk, o, []);
  await desk.openAs(CLERK, { hash: `/notices/${id}`, session: o.clerk });
  const notice = new NoticeDetailModel(page);

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
});

test('sent for sign-off, the notice waits for a leader: the clerk has no sign-off button and is told who signs', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await warningNotice(desk, o, ['edited']);
  await desk.openAs(CLERK, { hash: `/notices/${id}`, session: o.clerk });
  const notice = new NoticeDetailModel(page);

  await notice.button('送领导签发').click();
  await expect(notice.status()).toHaveText('待签发');
  await expect(notice.button('签发')).toHaveCount(0);
  await expect(notice.button('修改正文')).toHaveCount(0);
  await expect(page.getByTestId('sign-refused')).toHaveText('只有领导可以签发。请由领导登录后签发。');
});

test('the leader signs the notice: the number is assigned and the text is final', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await warningNotice(desk, o, ['edited', 'submitted']);
  await desk.openAs(LEADER, { hash: `/notices/${id}` });
  const notice = new NoticeDetailModel(page);

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
});

test('the signed notice downloads as a PDF carrying its number and the edited sentence, and the download is on record', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await warningNotice(desk, o, ['edited', 'submitted', 'signed']);
  await desk.openAs(LEADER, { hash: `/notices/${id}` });
  const notice = new NoticeDetailModel(page);

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
});

test('browser mode prints the signed notice with the browser’s print window, and the print goes on record', async ({ page, desk }) => {
  const o = await office(desk);
  const id = await warningNotice(desk, o, ['edited', 'submitted', 'signed']);
  await desk.openAs(LEADER, { hash: `/notices/${id}` });
  const notice = new NoticeDetailModel(page);

  await notice.button('打印').click();
  const printDialog = page.getByRole('dialog', { name: '打印' });
  await printDialog.getByRole('textbox', { name: '份数' }).fill('3');
  await printDialog.getByRole('button', { name: '打印' }).click();
  await expect(printDialog).toBeHidden();
  await expect(notice.history()).toContainText('张镇长 · 纸质 3份');
});

test('the archive lists the printed notice with its warning, signer and prints', async ({ page, desk }) => {
  const o = await office(desk);
  await warningNotice(desk, o, ['edited', 'submitted', 'signed', 'printed']);
  await desk.openAs(LEADER);
  const archive = new NoticeArchiveModel(page);

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

/** 刘某某's letter accusing 红旗村's cadres, assigned (交办) to 红旗村 itself. */
async function accusationAssigned(desk: Desk): Promise<{ clerk: string; petition: { id: number; number: string } }> {
  await desk.setClock(MONDAY_9AM);
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
  return { clerk, petition };
}

test('a 交办单 to the accused unit leaves the accuser out, says why, and refuses the name typed back in', async ({ desk, page }) => {
  const { clerk, petition } = await accusationAssigned(desk);
  await desk.openAs(CLERK, { hash: `/petitions/${petition.id}`, session: clerk });

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
});

test('the petition’s page lists the notice drafted from it', async ({ desk, page }) => {
  const { clerk, petition } = await accusationAssigned(desk);
  await desk.api('notices.create', { kind: 'assignment_slip', petitionId: petition.id }, clerk);
  await desk.openAs(CLERK, { hash: `/petitions/${petition.id}`, session: clerk });

  await expect(page.getByTestId('subject-notices')).toContainText('交办单');
  await expect(page.getByTestId('subject-notices')).toContainText('草稿');
});
