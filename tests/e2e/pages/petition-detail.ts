/**
 * Page object for a petition's detail page: the workflow buttons and their dialogs, the deadlines panel
 * (with each deadline's explanation), and the timeline.
 *
 * @example
 * const detail = new PetitionDetailModel(page);
 * await detail.act('受理');
 * await expect(detail.deadline('办理期限')).toContainText('2027年1月1日');
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class PetitionDetailModel {
  constructor(readonly page: Page) {}

  number(): Locator {
    return this.page.getByTestId('petition-number');
  }

  status(): Locator {
    return this.page.getByRole('heading', { level: 3 }).locator('..').getByTestId('status-badge');
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: '办理' });
  }

  actionButton(name: string): Locator {
    return this.toolbar().getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens the action's dialog and returns it, without submitting. */
  async openAction(name: string): Promise<Locator> {
    await this.actionButton(name).click();
    const dialog = this.dialog(name);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async submit(dialog: Locator, name: string): Promise<void> {
    await dialog.getByRole('button', { name: `确定${name}` }).click();
  }

  /** Runs an action whose dialog the caller fills in `fill`, and waits for the dialog to close. */
  async act(name: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    const dialog = await this.openAction(name);
    if (fill) await fill(dialog);
    await this.submit(dialog, name);
    await expect(dialog).toBeHidden();
  }

  async pick(dialog: Locator, label: string, option: string): Promise<void> {
    await dialog.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  deadline(kind: string): Locator {
    return this.page.getByTestId('deadlines-section').getByRole('listitem', { name: kind, exact: true });
  }

  async explain(kind: string): Promise<Locator> {
    const item = this.deadline(kind);
    await item.getByRole('button', { name: '计算说明' }).click();
    const explanation = item.getByTestId('deadline-explanation');
    await expect(explanation).toBeVisible();
    return explanation;
  }

  timelineSteps(): Locator {
    return this.page.getByTestId('timeline-step');
  }
}

/** Closes the "saved" toasts so a screenshot shows the page under them. */
export async function dismissNotifications(page: Page): Promise<void> {
  // Toasts slide as others leave, so a click would chase a moving target: press every close button at once.
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button')) b.click();
  });
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
}
