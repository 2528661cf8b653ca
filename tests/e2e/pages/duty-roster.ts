/**
 * Page object for the duty area as a planner uses it: the tabs, the rotation editor, the month calendar
 * and its day drawer, and the duty log.
 *
 * @example
 * const roster = new DutyRoster(page);
 * await roster.openTab('轮值设置');
 * await roster.createRotation({ name: '值班员轮值', startDate: '2026-02-01', members: ['赵立新（值班员）'] });
 */
import { typeDate } from './date-field';
import { expect, type Locator, type Page } from '@playwright/test';

export interface RotationSpec {
  readonly name: string;
  /** Which "new" button to use: the main one (duty officers) or the one in a role's section. */
  readonly newButton?: string;
  readonly startDate: string;
  readonly endDate?: string;
  /** Option labels as the member picker shows them, in rotation order. */
  readonly members: readonly string[];
}

export class DutyRoster {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: '值班表', exact: true }).click();
    await expect(this.page.getByTestId('duty-calendar')).toBeVisible();
  }

  async openTab(name: '值班表' | '轮值设置' | '值班记录' | '交接班'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  get modal(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Fills the rotation editor; leaves it open so the caller can look at it before saving. */
  async fillRotation(spec: RotationSpec): Promise<void> {
    await this.page.getByRole('button', { name: spec.newButton ?? '新建轮值' }).click();
    const m = this.modal;
    await m.getByRole('textbox', { name: '名称', exact: true }).fill(spec.name);
    await typeDate(m, '开始日期', spec.startDate);
    if (spec.endDate) await typeDate(m, '结束日期', spec.endDate);
    for (const member of spec.members) {
      await m.getByRole('combobox', { name: '添加人员…' }).click();
      await this.page.getByRole('option', { name: member, exact: true }).click();
    }
    await expect(m.getByTestId('rotation-member')).toHaveCount(spec.members.length);
  }

  async saveRotation(): Promise<void> {
    await this.modal.getByRole('button', { name: '保存轮值' }).click();
    await expect(this.modal).toBeHidden();
  }

  day(date: string): Locator {
    return this.page.getByTestId(`duty-day-${date}`);
  }

  /** The line of one role ('leader' | 'officer') in a day cell. */
  line(date: string, roleKey: 'leader' | 'officer'): Locator {
    return this.day(date).locator(`[data-role="${roleKey}"]`);
  }

  async openDay(date: string): Promise<Locator> {
    await this.day(date).click();
    const drawer = this.page.getByTestId('duty-day-drawer');
    await expect(drawer).toBeVisible();
    return drawer;
  }

  /** 替班 in the open day drawer: the replaced person is whoever the rotation put there. */
  async replace(drawer: Locator, replacement: string, reason: string): Promise<void> {
    const form = drawer.getByTestId('duty-override-form');
    await form.getByRole('combobox', { name: '替班人', exact: true }).click();
    await this.page.getByRole('option', { name: replacement, exact: true }).click();
    await form.getByLabel('原因').fill(reason);
    await form.getByRole('button', { name: '保存替班' }).click();
  }

  /** Waits for the "saved" toasts to fade so a screenshot shows the page itself. */
  async toastsGone(): Promise<void> {
    await expect(this.page.locator('.mantine-Notification-root')).toHaveCount(0);
  }

  async writeLog(kind: '来电' | '来访' | '事件' | '其他', content: string): Promise<void> {
    await this.page.getByText(kind, { exact: true }).click();
    await this.page.getByRole('textbox', { name: '内容' }).fill(content);
    await this.page.getByRole('button', { name: '保存记录' }).click();
  }
}
