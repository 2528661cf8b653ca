/**
 * Page object for the information report form ('#/reports/new'), filled as a clerk takes a liaison's call.
 *
 * @example
 * const form = new ReportForm(page);
 * await form.open();
 * await form.pick('报告单位', '青山村');
 * await form.dateTime('发现时间', '2026-11-10 08:30');
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { typeDateTime } from './date-time';

export class ReportForm {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '信息报告', exact: true }).click();
    await this.page.getByRole('link', { name: '报送信息' }).click();
    await expect(this.page.getByRole('heading', { name: '报送信息报告' })).toBeVisible();
  }

  async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Types a date and time into the segmented field, segment by segment, as a clerk would. */
  async dateTime(label: string, value: string): Promise<void> {
    await typeDateTime(this.page, label, value);
  }

  async severity(label: '重大' | '重要' | '一般'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '等级' }).getByText(label, { exact: true }).click();
  }

  async type(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  async fill(spec: { place?: string; people?: number; summary?: string; content?: string; demands?: string }): Promise<void> {
    if (spec.place !== undefined) await this.page.getByRole('textbox', { name: '地点' }).fill(spec.place);
    if (spec.people !== undefined) await this.page.getByRole('textbox', { name: '涉及人数' }).fill(String(spec.people));
    if (spec.summary !== undefined) await this.page.getByRole('textbox', { name: '标题' }).fill(spec.summary);
    if (spec.content !== undefined) await this.page.getByRole('textbox', { name: '事件情况' }).fill(spec.content);
    if (spec.demands !== undefined) await this.page.getByRole('textbox', { name: '群众诉求' }).fill(spec.demands);
  }

  verdict(): Locator {
    return this.page.getByTestId('limit-verdict');
  }

  check(): Locator {
    return this.page.getByTestId('limit-check');
  }

  refusal(): Locator {
    return this.page.getByTestId('form-refusal');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存报送' }).click();
  }
}
