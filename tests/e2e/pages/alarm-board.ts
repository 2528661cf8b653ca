/** Page object for the alarm board ('#/alarms') and its settings page. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AlarmBoardModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '期限提醒' }).click();
    await expect(this.page.getByRole('heading', { name: '期限提醒' })).toBeVisible();
  }

  async openSettings(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/alarms/settings';
    });
    await expect(this.page.getByRole('heading', { name: '提醒设置' })).toBeVisible();
  }

  tab(name: '待处理' | '全部'): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** The row of a case's alarm for one deadline kind (e.g. '转送交办期限'); the due alarm unless another kind is named. */
  row(caseNumber: string, deadlineKind: string, alarmKind = '到期提醒'): Locator {
    return this.page.getByTestId('alarm-row').filter({ hasText: caseNumber }).filter({ hasText: deadlineKind }).filter({ hasText: alarmKind });
  }

  rows(): Locator {
    return this.page.getByTestId('alarm-row');
  }

  async expandLog(row: Locator): Promise<void> {
    await row.getByRole('button', { name: '展开提醒记录' }).click();
  }

  async acknowledge(row: Locator, note = ''): Promise<void> {
    await row.getByRole('button', { name: '确认' }).click();
    const dialog = this.page.getByRole('dialog', { name: '确认提醒' });
    if (note) await dialog.getByLabel('说明（可选）').fill(note);
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Ticks the rows and acknowledges them together with one note ('批量确认'). */
  async acknowledgeTogether(rows: readonly Locator[], note: string): Promise<Locator> {
    for (const row of rows) await row.getByRole('checkbox', { name: '选择这条提醒' }).check();
    await expect(this.page.getByTestId('alarm-selection')).toContainText(`已选 ${rows.length} 条`);
    await this.page.getByTestId('alarm-selection').getByRole('button', { name: '批量确认' }).click();
    const dialog = this.page.getByRole('dialog', { name: '批量确认提醒' });
    await expect(dialog.getByTestId('bulk-acknowledge-intro')).toContainText(`确认所选的 ${rows.length} 条提醒`);
    await dialog.getByLabel('说明（可选）').fill(note);
    return dialog;
  }
}
