/** Page object for '#/admin/audit'. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminAudit {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '审计日志', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '审计日志', exact: true })).toBeVisible();
  }

  rows(text: string): Locator {
    return this.page.getByTestId('audit-row').filter({ hasText: text });
  }

  async verify(): Promise<Locator> {
    await this.page.getByRole('button', { name: '校验审计链' }).click();
    const result = this.page.getByTestId('audit-verify-result');
    await expect(result).toBeVisible();
    return result;
  }
}
