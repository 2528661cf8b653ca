/** Page object for the warning board ('#/warnings'): the three level columns, their counts and cards. */
import { expect, type Locator, type Page } from '@playwright/test';

export type LevelColumn = '红色预警' | '黄色预警' | '蓝色预警';

export class WarningBoard {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '预警', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '预警看板' })).toBeVisible();
  }

  column(level: LevelColumn): Locator {
    return this.page.getByRole('region', { name: level, exact: true });
  }

  count(level: LevelColumn): Locator {
    return this.column(level).getByTestId('column-count');
  }

  cards(level?: LevelColumn): Locator {
    return (level ? this.column(level) : this.page).getByTestId('warning-card');
  }

  card(title: string): Locator {
    return this.page.getByRole('button', { name: title });
  }
}
