/** Page object for the home page ('#/'), the dashboard. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Dashboard {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '工作台' }).click();
    await expect(this.page.getByTestId('dash-petitions')).toBeVisible();
  }

  figure(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  onDuty(role: 'leader' | 'officer'): Locator {
    return this.page.getByTestId(`on-duty-${role}`);
  }

  nextGap(): Locator {
    return this.page.getByTestId('on-duty-next-gap');
  }

  sensitivePeriod(): Locator {
    return this.page.getByTestId('on-duty-sensitive');
  }

  alarms(): Locator {
    return this.page.getByTestId('dash-alarm');
  }
}
