/**
 * The administrator's warning settings: feedback hours per level (out of range is refused with the message
 * shown and nothing saved) and the rule table (a new rule, placed before the catch-all blue rule, changes what
 * the issue form suggests, and says so).
 */
import { test, expect, ADMIN } from './support/fixtures';
import { dismissNotifications } from './pages/petition-detail';
import { WarningIssueForm } from './pages/warning-issue';

const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

test('feedback hours and a new rule change what the issue form shows; hours out of range are refused', async ({ page, desk }) => {
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('units.create', { name: '南岭村', kind: 'village' }, admin);

  await page.getByRole('navigation').getByRole('link', { name: '预警', exact: true }).click();
  await page.getByRole('button', { name: '预警规则设置' }).click();
  await expect(page.getByRole('heading', { name: '预警规则设置', level: 3 })).toBeVisible();
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(2)).toContainText('有集体赴省及以上上访的可能');
  await expect(rows.nth(2)).toContainText('集体（5人及以上） · 可能越级到：省、全国（进京）');
  await expect(rows.last()).toContainText('总是匹配');

  // Zero hours is refused on the field and nothing is saved.
  const yellowHours = page.getByRole('textbox', { name: '黄色预警反馈' });
  await yellowHours.fill('0');
  await page.getByRole('button', { name: '保存期限' }).click();
  await expect(page.getByText('期限应为1到720小时之间的整数')).toBeVisible();
  expect((await desk.api<{ feedbackHours: { yellow: number } }>('warnings.settings.get', {}, admin)).feedbackHours.yellow).toBe(72);
  await yellowHours.fill('48');
  await page.getByRole('button', { name: '保存期限' }).click();
  await expect(page.getByText('反馈期限已保存')).toBeVisible();

  // A new yellow rule for a collective petition to the county.
  await page.getByRole('button', { name: '新增规则' }).click();
  const dialog = page.getByRole('dialog', { name: '新增规则' });
  await dialog.getByText('黄色', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写规则说明')).toBeVisible();
  await dialog.getByRole('textbox', { name: '规则说明' }).fill('有集体赴县上访的可能');
  await dialog.getByRole('combobox', { name: '人数' }).click();
  await page.getByRole('option', { name: '集体', exact: true }).click();
  await dialog.getByRole('combobox', { name: '可能越级到' }).click();
  await page.getByRole('option', { name: '县', exact: true }).click();
  await dialog.getByRole('heading').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(6)).toContainText('有集体赴县上访的可能');
  await expect(rows.nth(6)).toContainText('自定义');
  await dismissNotifications(page);
  await desk.screenshot('warnings-04-settings');

  // The issue form now suggests yellow for 8 people likely to go to the county, and names the new rule.
  const form = new WarningIssueForm(page);
  await page.getByRole('link', { name: '预警', exact: true }).click();
  await page.getByRole('button', { name: '发布预警' }).click();
  await form.field('涉及人数').fill('8');
  await form.escalation('县');
  await expect(form.suggestion().getByTestId('level-badge')).toHaveText('黄色预警');
  await expect(form.suggestion()).toContainText('依据：有集体赴县上访的可能');
  await expect(page.getByTestId('feedback-deadline')).toContainText('黄色预警：发布后48小时内反馈');
  await form.escalation('本镇');
  await expect(form.suggestion().getByTestId('level-badge')).toHaveText('蓝色预警');
  await expect(form.suggestion()).toContainText('依据：发现不稳定因素或信访苗头');
});
