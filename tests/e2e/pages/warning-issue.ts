/**
 * Page object for the warning issue form ('#/warnings/new', optionally '?report=<id>'): the matter, the
 * facts the rules read, the live suggestion, the level (another level opens the reason field), and the
 * responsible unit and lead leader.
 *
 * @example
 * const form = new WarningIssueForm(page);
 * await form.openFromReport(7);
 * await form.escalation('市');
 * await expect(form.suggestion()).toContainText('黄色预警');
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class WarningIssueForm {
  constructor(readonly page: Page) {}

  async openFromReport(reportId: number): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `/warnings/new?report=${reportId}`);
    await expect(this.page.getByRole('heading', { name: '发布预警', level: 3 })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  async escalation(level: string): Promise<void> {
    await this.page.getByRole('radio', { name: level, exact: true }).check();
  }

  /** Picks a level in the level switch (its labels are '黄色（建议）' for the suggested one, else '红色'). */
  async level(name: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '预警等级' }).getByText(name, { exact: true }).click();
  }

  async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  suggestion(): Locator {
    return this.page.getByTestId('suggestion');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '发布预警' }).click();
  }
}
