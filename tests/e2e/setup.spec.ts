import { test, expect, ADMIN } from './support/fixtures';
import { officeFacts, templateFacts } from './support/office-template';
import { setUpThroughThePage } from './pages/setup-page';

test.use({ office: 'empty' });

test('first run: the office is set up, the admin is logged in, and a wrong password is explained', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByText('首次使用：设置本办公室')).toBeVisible();
  await desk.screenshot('01-setup');
  await setUpThroughThePage(page);
  await expect(page.getByText('王主任，您好')).toBeVisible();
  await desk.screenshot('02-home');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('admin');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('wrong-pass1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码不正确（还可再试4次）');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Admin2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('王主任');

  // Every other test starts from the template office made through the API: it holds what this page made.
  const session = await desk.login(ADMIN.username, ADMIN.password);
  expect(await officeFacts({ call: desk.api }, session)).toEqual(templateFacts());
});
