/**
 * Page object for '#/admin/calendar': the year picker, the twelve-month grid, the day dialog and the import.
 *
 * @example
 * const cal = new AdminCalendar(page);
 * await cal.open();
 * await expect(cal.day('2026-10-01')).toHaveAttribute('data-state', 'off');
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminCalendar {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '节假日', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '节假日', exact: true })).toBeVisible();
  }

  year(y: number): Locator {
    return this.page.getByTestId(`year-${y}`);
  }

  async pickYear(y: number): Promise<void> {
    await this.year(y).click();
    await expect(this.page.getByText(`${y}年放假和调休安排`)).toBeVisible();
  }

  day(date: string): Locator {
    return this.page.getByTestId(`cal-day-${date}`);
  }

  get holidayList(): Locator {
    return this.page.getByTestId('holiday-list');
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: '导入节假日文件' });
  }

  /** Writes the file to a temp folder, picks it in the import dialog, and presses 导入. */
  async importFile(fileName: string, content: unknown): Promise<void> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-')), fileName);
    fs.writeFileSync(file, JSON.stringify(content, null, 2));
    await this.page.getByRole('button', { name: '导入节假日文件' }).click();
    await this.importDialog.locator('input[type="file"]').setInputFiles(file);
    await expect(this.importDialog.getByText(`已读取文件：${fileName}`)).toBeVisible();
    await this.importDialog.getByRole('button', { name: '导入', exact: true }).click();
  }

  /** Opens a date, picks 休息日 / 调休上班日 / 恢复正常, and saves. */
  async setDay(date: string, choice: '休息日' | '调休上班日' | '恢复正常', name = ''): Promise<void> {
    await this.day(date).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: choice }).check();
    if (name) await dialog.getByLabel('名称').fill(name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
}
