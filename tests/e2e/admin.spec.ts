import { test, expect, ADMIN } from './support/fixtures';
import { AdminUsers } from './pages/admin-users';
import { AdminAudit } from './pages/admin-audit';
import { dismissToasts } from './pages/admin-common';

test('the admin creates a clerk and a leader; the clerk sees no administration and is told so at its URL', async ({ page, desk }) => {
  // The first-run page itself is setup.spec.ts's: this test starts from the set-up office.
  await desk.setupOffice();

  const users = new AdminUsers(page);
  await users.open();

  // A weak password is refused with the core's rule, and nothing is created.
  const dialog = await users.fillNew({ username: 'zhangsan', displayName: '张三', role: '登记员', password: 'abc' });
  await expect(dialog.getByText('密码至少8位，同时包含字母和数字')).toBeVisible();
  await dialog.getByRole('button', { name: '新建用户' }).click();
  await expect(dialog.getByText('密码至少8位，并且要同时包含字母和数字')).toBeVisible();
  await desk.screenshot('admin-users-new');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(users.row('zhangsan')).toHaveCount(0);

  await users.create({ username: 'zhangsan', displayName: '张三', role: '登记员', password: 'Clerk2026' });
  await users.create({ username: 'lisi', displayName: '李四', role: '领导', password: 'Leader2026' });
  await expect(page.getByText('共3个账号，3个启用')).toBeVisible();

  // The only administrator cannot be demoted: the core's message is shown and nothing changes.
  const edit = await users.openEdit(ADMIN.displayName);
  await edit.getByRole('radio', { name: '登记员' }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByRole('alert')).toHaveText('不能停用或降级最后一个管理员账号');
  await edit.getByRole('button', { name: '取消' }).click();
  await expect(users.row(ADMIN.displayName)).toContainText('管理员');

  // Five wrong passwords lock an account; the admin sees until when and unlocks it.
  for (let i = 0; i < 5; i++) await desk.login('lisi', 'Wrong-pass1').catch(() => undefined);
  await page.reload();
  await expect(users.row('lisi')).toContainText('锁定至');
  await dismissToasts(page);
  await desk.screenshot('admin-users');
  await users.row('lisi').getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('已解锁“李四”的账号，可以重新登录')).toBeVisible();
  await expect(users.row('lisi')).not.toContainText('锁定至');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await desk.screenshot('admin-login');
  await page.getByLabel('用户名').fill('zhangsan');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Clerk2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('张三（登记员）');
  await expect(page.getByRole('navigation')).not.toContainText('系统管理');
  await expect(page.getByRole('navigation').getByRole('link', { name: '用户', exact: true })).toHaveCount(0);

  await page.evaluate(() => {
    window.location.hash = '#/admin/users';
  });
  await expect(page.getByText('仅管理员可以使用')).toBeVisible();
  await expect(page.getByTestId('user-row')).toHaveCount(0);
  await desk.screenshot('admin-only');
});

test('office settings preview the petition number, and the audit chain checks out after the changes', async ({ page, desk }) => {
  await desk.setClock(Date.parse('2026-11-28T09:00:00+08:00'));
  await desk.setupOffice();

  await page.getByRole('navigation').getByRole('link', { name: '办公室设置' }).click();
  await expect(page.getByTestId('number-preview')).toHaveText('信〔2026〕0012号');
  await page.getByLabel('信访事项编号格式').fill('青信〔{year}〕{seq}号');
  await expect(page.getByTestId('number-preview')).toHaveText('青信〔2026〕12号');
  await page.getByLabel('集体访人数').fill('6');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('办公室设置已保存')).toBeVisible();

  // A wrong current password is refused on its field.
  await page.getByLabel('原密码').fill('Wrong2026');
  await page.getByLabel('新密码', { exact: true }).fill('Newer2026');
  await page.getByLabel('再次输入新密码').fill('Newer2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('原密码不正确')).toBeVisible();
  await dismissToasts(page);
  await desk.screenshot('admin-office');

  const audit = new AdminAudit(page);
  await audit.open();
  const change = audit.rows('修改办公室设置');
  await expect(change).toHaveCount(1);
  await change.getByRole('button', { name: /展开/ }).click();
  const detail = page.getByTestId(/audit-detail-/);
  await expect(detail).toContainText('"collectiveThreshold": 5');
  await expect(detail).toContainText('"collectiveThreshold": 6');

  const total = Number(/共(\d+)条记录/.exec((await page.getByText(/共\d+条记录/).textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(2);
  const result = await audit.verify();
  await expect(result).toHaveText(`审计记录完整：共${total}条`);
  await expect(detail).toContainText('collectiveThreshold');
  await dismissToasts(page);
  await desk.screenshot('admin-audit');
});
