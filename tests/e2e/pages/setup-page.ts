/** Page object for first-run setup: the page an empty data folder opens on. */
import { expect, type Page } from '@playwright/test';
import { ADMIN, OFFICE } from '../support/office-template';

/** Fills the set-up page as the office does (the same answers the template office was made with) and submits. */
export async function setUpThroughThePage(page: Page): Promise<void> {
  await page.getByLabel('办公室名称').fill(OFFICE.officeName);
  await page.getByLabel('乡镇名称').fill(OFFICE.township);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
}
