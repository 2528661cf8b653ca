/**
 * Page objects for notices: the archive (/notices), the draft form (/notices/new) and one notice (/notices/:id)
 * with its toolbar, editor, A4 preview frame and print history.
 *
 * @example
 * const archive = new NoticeArchiveModel(page);
 * await archive.draft('预警通知书', '预警', /预警〔2026〕1号/);
 * const notice = new NoticeDetailModel(page);
 * await notice.editBody((text) => `${text}\n请于本周内召开村民代表会议。`);
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class NoticeArchiveModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '文书', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '文书档案' })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByTestId('notice-archive');
  }

  row(text: string): Locator {
    return this.page.getByTestId('notice-row').filter({ hasText: text });
  }

  /** Opens the draft form, picks the kind and the record, and waits for the new notice to open. */
  async draft(kind: string, recordLabel: string, record: RegExp, beforeSubmit?: () => Promise<void>): Promise<void> {
    await this.page.getByRole('button', { name: '起草文书' }).click();
    await this.page.getByRole('combobox', { name: '文种' }).click();
    await this.page.getByRole('option', { name: kind, exact: true }).click();
    await this.page.getByRole('combobox', { name: recordLabel, exact: true }).click();
    await this.page.getByRole('option', { name: record }).click();
    if (beforeSubmit) await beforeSubmit();
    await this.page.getByRole('button', { name: '生成草稿' }).click();
    await expect(this.page.getByTestId('notice-status')).toBeVisible();
  }
}

export class NoticeDetailModel {
  constructor(readonly page: Page) {}

  number(): Locator {
    return this.page.getByTestId('notice-number');
  }

  status(): Locator {
    return this.page.getByTestId('notice-status');
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: '文书操作' });
  }

  button(name: string): Locator {
    return this.toolbar().getByRole('button', { name, exact: true });
  }

  /** The A4 preview: the notice's own HTML in its frame. */
  preview() {
    return this.page.frameLocator('[data-testid="notice-preview"]');
  }

  editor(): Locator {
    return this.page.getByRole('dialog', { name: '修改正文' });
  }

  async openEditor(): Promise<Locator> {
    await this.button('修改正文').click();
    await expect(this.editor()).toBeVisible();
    return this.editor();
  }

  bodyField(): Locator {
    return this.editor().getByRole('textbox', { name: '正文' }).first();
  }

  async save(): Promise<void> {
    await this.editor().getByRole('button', { name: '保存' }).click();
  }

  history(): Locator {
    return this.page.getByTestId('print-history');
  }
}
