/**
 * Page object for '#/admin/users' as an administrator uses it.
 *
 * @example
 * const users = new AdminUsers(page);
 * await users.open();
 * await users.create({ username: 'zhangsan', displayName: '张三', role: '登记员', password: 'Clerk2026' });
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type RoleLabel = '登记员' | '值班员' | '领导' | '管理员';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: RoleLabel;
  readonly password: string;
}

export class AdminUsers {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '用户', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '用户', exact: true })).toBeVisible();
  }

  row(text: string): Locator {
    return this.page.getByTestId('user-row').filter({ hasText: text });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens the new-user dialog and fills it; the caller submits (so it can look at errors first). */
  async fillNew(user: NewUser): Promise<Locator> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = this.dialog('新建用户');
    await dialog.getByLabel('用户名').fill(user.username);
    await dialog.getByLabel('姓名').fill(user.displayName);
    await dialog.getByRole('radio', { name: user.role }).click();
    await dialog.getByLabel('初始密码').fill(user.password);
    await dialog.getByLabel('再次输入密码').fill(user.password);
    return dialog;
  }

  async create(user: NewUser): Promise<void> {
    const dialog = await this.fillNew(user);
    await dialog.getByRole('button', { name: '新建用户' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(user.username)).toContainText(user.role);
  }

  async openEdit(displayName: string): Promise<Locator> {
    await this.row(displayName).getByRole('button', { name: '编辑' }).click();
    return this.dialog(`编辑用户：${displayName}`);
  }
}
