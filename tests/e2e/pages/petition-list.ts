/** Page object for the petitions list ('#/petitions'): search, filters, rows and the total. */
import { expect, type Locator, type Page } from '@playwright/test';

export class PetitionList {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '信访事项', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '信访事项' })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '搜索' }).fill(text);
  }

  rows(): Locator {
    return this.page.getByTestId('petition-row');
  }

  row(number: string): Locator {
    return this.rows().filter({ hasText: number });
  }

  total(): Locator {
    return this.page.getByTestId('petition-total');
  }
}

/**
 * Logs in through the login page. Moving the test clock by more than the 12-hour idle limit ends the
 * session, as it would for a PC left overnight.
 */
export async function logInAgain(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
