/** Page object for the ledger import ('#/petitions/import'), opened from the petition list. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LedgerImport {
  constructor(readonly page: Page) {}

  async openFromList(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '信访事项', exact: true }).click();
    await this.page.getByRole('link', { name: '导入台账' }).click();
    await expect(this.page.getByRole('heading', { name: '导入台账' })).toBeVisible();
  }

  async choose(file: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(file);
    await expect(this.page.getByTestId('ledger-columns')).toBeVisible({ timeout: 30_000 });
  }

  column(header: string): Locator {
    return this.page.getByTestId('ledger-column').filter({ has: this.page.getByRole('cell', { name: header, exact: true }) });
  }

  async mapColumn(header: string, field: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `对应 ${header}` }).click();
    await this.page.getByRole('option', { name: field, exact: true }).click();
    await expect(this.page.getByRole('combobox', { name: `对应 ${header}` })).toHaveValue(field, { timeout: 30_000 });
  }

  async toPreview(): Promise<void> {
    await this.page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(this.counts()).toBeVisible({ timeout: 30_000 });
  }

  counts(): Locator {
    return this.page.getByTestId('ledger-counts');
  }

  rejectedRows(): Locator {
    return this.page.getByTestId('ledger-rejected-row');
  }

  async importAll(count: number): Promise<void> {
    await this.page.getByRole('button', { name: `导入${count}件` }).click();
    await expect(this.page.getByTestId('ledger-done')).toBeVisible({ timeout: 120_000 });
  }
}
