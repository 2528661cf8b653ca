/**
 * Page object for a warning's detail page: the header (level, status, countdowns), the action buttons and
 * their dialogs, and the history timeline.
 *
 * @example
 * const detail = new WarningDetail(page);
 * await detail.act('督办', async (d) => d.getByLabel('督办意见').fill('请于明日反馈'));
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class WarningDetail {
  constructor(readonly page: Page) {}

  number(): Locator {
    return this.page.getByTestId('warning-number');
  }

  level(): Locator {
    return this.number().locator('..').getByTestId('level-badge');
  }

  status(): Locator {
    return this.page.getByTestId('warning-status');
  }

  countdown(label: '反馈' | '督办'): Locator {
    return this.number().locator('..').getByTestId('warning-countdown').filter({ hasText: label });
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: '预警办理' });
  }

  async openAction(name: string): Promise<Locator> {
    await this.toolbar().getByRole('button', { name, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async submit(dialog: Locator, name: string): Promise<void> {
    await dialog.getByRole('button', { name: `确定${name}` }).click();
  }

  async act(name: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
    const dialog = await this.openAction(name);
    await fill(dialog);
    await this.submit(dialog, name);
    await expect(dialog).toBeHidden();
  }

  events(kind?: string): Locator {
    const all = this.page.getByTestId('timeline-event');
    return kind ? all.and(this.page.locator(`[data-kind="${kind}"]`)) : all;
  }
}
