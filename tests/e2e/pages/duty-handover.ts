/**
 * Page object for 交接班, and logging in as another person through the login page (a handover is
 * confirmed by the incoming officer logged in as themself).
 *
 * @example
 * await loginThroughUi(page, { username: 'zhaolx', password: 'Duty2026x', displayName: '赵立新' });
 * await new HandoverPage(page).handOver('钱文静（值班员）', '东风村来访人员已劝返');
 */
import { expect, type Page } from '@playwright/test';

export interface Person {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

export async function loginThroughUi(page: Page, who: Person): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill(who.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(who.displayName);
}

export class HandoverPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: '交接班', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '交接记录' })).toBeVisible();
  }

  async handOver(incoming: string, notes: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '接班人' }).click();
    await this.page.getByRole('option', { name: incoming, exact: true }).click();
    await this.page.getByRole('textbox', { name: '交班说明' }).fill(notes);
    await this.page.getByRole('button', { name: '交班', exact: true }).click();
    await expect(this.page.getByTestId('handover-waiting')).toBeVisible();
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: '确认接班' }).click();
    await expect(this.page.getByTestId('handover-to-confirm')).toBeHidden();
  }
}
