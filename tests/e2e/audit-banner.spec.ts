import path from 'node:path';
import { randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { test, expect, ADMIN } from './support/fixtures';

test('an admin sees a red banner on every page after the newest audit row was deleted from the file while the app was closed', async ({ page, desk }) => {
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('units.create', { name: '东风村', kind: 'village' }, admin);
  await desk.openAs(ADMIN);
  await expect(page.getByTestId('audit-banner')).toHaveCount(0);

  await desk.restart((dataDir) => {
    const file = new SqliteDatabase(path.join(dataDir, 'petition-desk.sqlite'));
    file.prepare('DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)').run();
    file.close();
  });
  await desk.openAs(ADMIN);
  const banner = page.getByTestId('audit-banner');
  await expect(banner).toContainText('审计链校验失败');
  await expect(banner).toContainText('最新的记录被删除');
  await desk.screenshot('audit-banner');

  await page.getByRole('navigation').getByRole('link', { name: '信访登记', exact: true }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole('link', { name: '查看审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志', exact: true })).toBeVisible();
});

test('a clerk is not shown the audit banner: it is for the admins who can act on it', async ({ page, desk }) => {
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { username: 'zhangsan', displayName: '张三', role: 'clerk', password: 'Clerk2026' }, admin);
  await desk.restart((dataDir) => {
    const file = new SqliteDatabase(path.join(dataDir, 'petition-desk.sqlite'));
    file.prepare("UPDATE audit SET user_name = '某人' WHERE id = 1").run();
    file.close();
  });
  await desk.openAs({ username: 'zhangsan', password: 'Clerk2026', displayName: '张三' });
  await expect(page.getByTestId('current-user')).toContainText('张三');
  await expect(page.getByTestId('audit-banner')).toHaveCount(0);
  await desk.openAs(ADMIN);
  await expect(page.getByTestId('audit-banner')).toContainText('记录内容被改动');
});

test('an admin accepts this PC’s new audit key after a confirmation: the banner goes and the audit log keeps where the old chain ended', async ({ page, desk }) => {
  // Another key than the one the chain was made with, as after a reinstalled system (the office's key is looked up by its uid).
  await desk.restart((dataDir) => {
    const file = new SqliteDatabase(path.join(dataDir, 'petition-desk.sqlite'));
    file.prepare("UPDATE meta SET value = ? WHERE key = 'office_uid'").run(randomUUID());
    file.close();
  });
  await desk.openAs(ADMIN);
  const banner = page.getByTestId('audit-banner');
  await expect(banner).toContainText('本机的审计密钥丢失或被更换');
  await banner.getByRole('button', { name: '接受本机的新审计密钥' }).click();
  const dialog = page.getByRole('dialog', { name: '接受本机的新审计密钥？' });
  await expect(dialog).toContainText('再也无法逐条核验是否被改动过');
  await expect(dialog).toContainText('原审计链在第');
  await expect(dialog.getByRole('button', { name: '确认接受' })).toBeEnabled();
  await desk.screenshot('audit-accept-key');
  await dialog.getByRole('button', { name: '确认接受' }).click();
  await expect(banner).toHaveCount(0);

  await page.getByRole('navigation').getByRole('link', { name: '审计日志', exact: true }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: '接受本机的新审计密钥（此前的审计链到此为止）' })).toHaveCount(1);
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('此前的记录因原密钥已更换，只核对了编号连续和前后衔接');
  await desk.screenshot('audit-key-accepted');
});
