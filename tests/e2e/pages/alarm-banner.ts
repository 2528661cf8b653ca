/** Page object for the alarm banner across the top of every page. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AlarmBannerModel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('alarm-banner');
  }

  async acknowledge(note = ''): Promise<void> {
    await this.root.getByRole('button', { name: '确认' }).click();
    const dialog = this.page.getByRole('dialog', { name: '确认提醒' });
    if (note) await dialog.getByLabel('说明（可选）').fill(note);
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the snooze dialog and returns it. */
  async openSnooze(): Promise<Locator> {
    await this.root.getByRole('button', { name: '暂缓' }).click();
    const dialog = this.page.getByRole('dialog', { name: '暂缓提醒' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
