/**
 * Page object for the zero-report grid ('#/zero-reports'): cells by unit and period, and the entry dialog.
 *
 * @example
 * const grid = new ZeroReportGridModel(page);
 * await grid.open('2026-11');
 * await expect(grid.cell('青山村', '2026年11月9日')).toHaveAttribute('data-state', 'missing');
 */
import { expect, type Locator, type Page } from '@playwright/test';

const STATE_LABELS = { on_time: '按时', late: '迟报', missing: '未报', not_due_yet: '未到期' } as const;

export class ZeroReportGridModel {
  constructor(readonly page: Page) {}

  async open(month: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '零报告', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '零报告' })).toBeVisible();
    await this.page.evaluate((m) => {
      window.location.hash = `/zero-reports?month=${m}`;
    }, month);
    await expect(this.page.getByTestId('zero-grid')).toBeVisible();
  }

  /** The cell of a unit for a period label ('2026年11月' or '2026年11月9日'). */
  cell(unit: string, period: string): Locator {
    return this.page.getByTestId('zero-cell').and(this.page.getByLabel(new RegExp(`^${unit} · ${period}：`)));
  }

  async expectState(unit: string, period: string, state: keyof typeof STATE_LABELS): Promise<void> {
    await expect(this.cell(unit, period)).toHaveAttribute('data-state', state);
    await expect(this.cell(unit, period)).toHaveAccessibleName(`${unit} · ${period}：${STATE_LABELS[state]}`);
  }

  dayColumns(): Locator {
    return this.page.getByTestId('day-column');
  }

  async submitNothing(unit: string, period: string): Promise<Locator> {
    await this.cell(unit, period).click();
    const dialog = this.page.getByRole('dialog', { name: '登记零报告' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${unit} · ${period}`);
    return dialog;
  }

  /** The bulk dialog ('批量登记'). */
  async openBulk(): Promise<Locator> {
    await this.page.getByRole('button', { name: '批量登记' }).click();
    const dialog = this.page.getByRole('dialog', { name: '批量登记零报告' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
