/**
 * Page object for '#/admin/units' and '#/admin/topics'.
 *
 * @example
 * const units = new AdminUnits(page);
 * await units.open();
 * const dialog = await units.fillNew({ name: '东风村', kind: '村', liaisonName: '李四', liaisonPhone: '13800000000' });
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewUnit {
  readonly name: string;
  readonly kind: '村' | '社区' | '部门';
  readonly liaisonName: string;
  readonly liaisonPhone: string;
}

export class AdminUnits {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '单位', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '单位', exact: true })).toBeVisible();
  }

  rows(name: string): Locator {
    return this.page.getByTestId('unit-row').filter({ hasText: name });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: '新增单位' });
  }

  async fillNew(unit: NewUnit): Promise<Locator> {
    await this.page.getByRole('button', { name: '新增单位' }).click();
    const dialog = this.dialog;
    await dialog.getByLabel('单位名称').fill(unit.name);
    await dialog.getByText(unit.kind, { exact: true }).click();
    await dialog.getByLabel('信息联络人').fill(unit.liaisonName);
    await dialog.getByLabel('联系电话').fill(unit.liaisonPhone);
    return dialog;
  }

  async filter(kind: '全部' | '村' | '社区' | '部门'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '按类型筛选' }).getByText(new RegExp(`^${kind}（`)).click();
  }
}

export class AdminTopics {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '事项分类', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '事项分类', exact: true })).toBeVisible();
  }

  names(): Locator {
    return this.page.getByTestId('topic-row').locator('td:nth-child(2)');
  }

  row(name: string): Locator {
    return this.page.getByTestId('topic-row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
}
