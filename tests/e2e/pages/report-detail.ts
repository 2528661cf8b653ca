/**
 * Page object for one information report ('#/reports/:id'): its header, toolbar, facts and history.
 *
 * @example
 * const detail = new ReportDetailModel(page);
 * await detail.act('核实', async (d) => { await d.getByText('属实', { exact: true }).click(); });
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReportDetailModel {
  constructor(readonly page: Page) {}

  number(): Locator {
    return this.page.getByTestId('report-number');
  }

  status(): Locator {
    return this.page.getByTestId('report-status').first();
  }

  lateness(): Locator {
    return this.page.getByTestId('lateness').first();
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: '可进行的操作' });
  }

  fact(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  steps(): Locator {
    return this.page.getByTestId('report-step');
  }

  chain(): Locator {
    return this.page.getByTestId('chain-item');
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Opens the step's dialog, lets the caller fill it, confirms, and waits for it to close. */
  async act(action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.toolbar().getByRole('button', { name: action, exact: true }).click();
    const dialog = this.dialog(action);
    await expect(dialog).toBeVisible();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
