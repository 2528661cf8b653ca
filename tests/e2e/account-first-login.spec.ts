import { test, expect } from './support/fixtures';
import { AdminUsers } from './pages/admin-users';

test('a person the admin has just added must choose their own password at the first login before anything else', async ({ page, desk }) => {
  await desk.setupOffice();
  const users = new AdminUsers(page);
  await users.open();
  await users.create({ username: 'zhangsan', displayName: '张三', role: '登记员', password: 'Clerk2026' });
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.getByLabel('用户名').fill('zhangsan');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Clerk2026');
  await page.getByRole('button', { name: '登录' }).click();
  const dialog = page.getByRole('dialog', { name: '请设置您自己的密码' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('这个账号的密码是管理员设置的');
  // It cannot be put aside: Escape leaves it open.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await desk.screenshot('account-first-login');

  await dialog.getByLabel('原密码').fill('Clerk2026');
  await dialog.getByLabel('新密码', { exact: true }).fill('Zhang2026x');
  await dialog.getByLabel('再次输入新密码').fill('Zhang2026x');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-user')).toContainText('张三');

  // The password the admin typed opens nothing any more, and the next start asks for nothing.
  await expect(desk.login('zhangsan', 'Clerk2026')).rejects.toThrow('用户名或密码不正确');
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('张三');
  await expect(dialog).toHaveCount(0);
});
