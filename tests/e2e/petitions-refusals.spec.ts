import { test, expect, ADMIN } from './support/fixtures';
import { PetitionIntake, validId, wrongCheckDigit } from './pages/petition-intake';
import { PetitionList, logInAgain } from './pages/petition-list';
import { PetitionDetailModel, dismissNotifications } from './pages/petition-detail';
import { decidePending } from './support/book-office';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);
const DAY_MS = 86_400_000;

test('intake refuses a wrong ID number and a sixth representative, and saves nothing', async ({ page, desk }) => {
  const intake = new PetitionIntake(page);
  const list = new PetitionList(page);
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);

  // A mistyped last digit: the form says so at once, and the core refuses the save with the same words.
  await intake.open();
  const idField = intake.field(1, '身份证号码');
  // Enter moves on to the next field; it never submits half a form.
  await intake.field(1, '姓名或单位名称').fill('何建华');
  await intake.field(1, '姓名或单位名称').press('Enter');
  await expect(idField).toBeFocused();
  await intake.fillPetitioner(1, { idNumber: wrongCheckDigit('36012119720509331'), address: '青山镇南村' });
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('第1位信访人的身份证号码校验位不对（最后一位应与前17位相符），请核对后重新输入')).toBeVisible();
  await intake.category('建议意见类');
  await intake.content({ summary: '建议南村修建文化广场', request: '在南村村委会旁修建文化广场' });
  await intake.save();
  await expect(page.getByRole('alert').filter({ hasText: '操作未完成' })).toContainText('第1位信访人的身份证号码校验位不对');
  await expect(page.getByRole('heading', { name: '信访登记' })).toBeVisible();
  await desk.screenshot('petitions-05-intake-refused');

  // The correct number is accepted by the instant check.
  await idField.fill(validId('36012119720509331'));
  await expect(idField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('身份证号码校验通过')).toBeVisible();

  // A collective visit of six: the sixth 代表 box is disabled once five are ticked.
  await intake.addRows(5);
  for (let i = 2; i <= 6; i++) await intake.fillPetitioner(i, { name: `村民${i}` });
  for (let i = 1; i <= 5; i++) await intake.field(i, '代表').check();
  await expect(intake.field(6, '代表')).toBeDisabled();
  await expect(page.getByTestId('rep-count')).toHaveText('代表已满5人，不能再选');
  await intake.field(5, '代表').uncheck();
  await expect(intake.field(6, '代表')).toBeEnabled();
  await intake.field(5, '代表').check();

  // The core refuses six representatives too, whatever sends them.
  const six = Array.from({ length: 6 }, (_, i) => ({ name: `村民${i + 1}`, isRepresentative: true }));
  await expect(
    desk.api('petitions.create', { channel: 'visit', receivedAt: beijing(11, 2, 9), petitioners: six, peopleCount: 6, category: 'suggestion', summary: '测试', request: '测试' }, admin),
  ).rejects.toThrow('推选的代表不能超过5人（《信访工作条例》第二十条），现在选了6人');

  await list.open();
  await expect(list.total()).toHaveText('共 0 件');
  await expect(page.getByText('还没有登记信访事项')).toBeVisible();
});

test('the workflow offers only legal steps, and a review requested after 30 days is refused in the dialog', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const unit = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { username: 'lizhen', displayName: '李镇长', role: 'leader', password: 'Leader2026' }, admin);
  const p = await desk.api<{ id: number; number: string }>(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: beijing(11, 2, 8, 30),
      petitioners: [{ name: '郑玉兰', address: '青山镇北村' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '北村养老保险待遇未按时发放',
      request: '要求补发三个月养老金',
    },
    admin,
  );
  const step = (action: string, extra: Record<string, unknown> = {}) => desk.api('petitions.transition', { id: p.id, action, ...extra }, admin);
  await step('accept');
  await step('start_handling', { unitId: unit.id, leaderId: leader.id });
  // Extended through the leader's approval, given in the leader's own session.
  await desk.api('petitions.extension.request', { id: p.id, days: 15, note: '需向县社保局核实缴费记录' }, admin);
  await decidePending(desk, await desk.login('lizhen', 'Leader2026'), 'petition', p.id, 'approve');

  // Extended once: the page offers no second extension, and the core refuses steps the status does not allow.
  await page.evaluate((id) => {
    window.location.hash = `#/petitions/${id}`;
  }, p.id);
  await expect(detail.status()).toHaveText('已延期');
  await expect(detail.actionButton('答复')).toBeVisible();
  await expect(detail.actionButton('延期')).toHaveCount(0);
  await expect(step('review', { decision: 'support' })).rejects.toThrow('当前状态为“已延期”，不能进行“复查意见”。可以进行的操作：答复、撤回');
  await expect(desk.api('petitions.extension.request', { id: p.id, days: 5, note: '再延' }, admin)).rejects.toThrow('办理期限只能延长一次');

  await detail.act('答复', async (d) => {
    await d.getByRole('radio', { name: '解释说明' }).check();
    await d.getByRole('textbox', { name: '依据' }).fill('《社会保险法》第十六条');
  });
  await expect(detail.status()).toHaveText('已答复');

  // 31 days later the petitioner asks for a review: the window (30 days from the reply) has closed.
  await desk.advanceClock(31 * DAY_MS);
  await logInAgain(page, ADMIN.username, ADMIN.password);
  await expect(detail.status()).toHaveText('已答复');
  const dialog = await detail.openAction('申请复查');
  await dialog.getByRole('textbox', { name: '说明' }).fill('信访人对答复不服，当面提出复查申请');
  await detail.submit(dialog, '申请复查');
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('未能申请复查');
  await expect(refusal).toContainText('复查申请须在收到书面答复之日起30日内提出（《信访工作条例》第三十五条），已超过期限1日');
  await expect(dialog).toBeVisible();
  await dismissNotifications(page);
  await desk.screenshot('petitions-06-review-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(detail.status()).toHaveText('已答复');
  await expect(detail.timelineSteps()).toHaveCount(5);
});
