import { ADMIN, test, expect } from './support/fixtures';

test('a duty officer changes their own password from the account menu; a wrong current password changes nothing', async ({ page, desk }) => {
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: 'Passw0rd1' }, admin);
  await desk.openAs({ username: 'duty1', password: 'Passw0rd1', displayName: '赵值班' });

  const openForm = async () => {
    await page.getByRole('button', { name: '我的账号' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
  };
  const dialog = page.getByRole('dialog', { name: '修改我的密码' });

  await openForm();
  await dialog.getByLabel('原密码').fill('Wrong2026');
  await dialog.getByLabel('新密码', { exact: true }).fill('Newer2026');
  await dialog.getByLabel('再次输入新密码').fill('Newer2026');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(dialog.getByText('原密码不正确')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '修改密码' })).toBeEnabled();
  await desk.screenshot('account-password-refused');

  await dialog.getByLabel('原密码').fill('Passw0rd1');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，下次登录请使用新密码')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The old password no longer opens the desk; the new one does.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('duty1');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Passw0rd1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Newer2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('赵值班');
});
