/**
 * Page object for the intake form ('#/petitions/new') as a clerk fills it from the keyboard and mouse.
 *
 * @example
 * const intake = new PetitionIntake(page);
 * await intake.open();
 * await intake.fillPetitioner(1, { name: '张三', idNumber: validId('11010519491231002'), representative: true });
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { idCheckChar } from '../../../shared/id-number';

/** A valid resident ID number from its first 17 digits. */
export function validId(first17: string): string {
  return `${first17}${idCheckChar(first17)}`;
}

/** The same number with a wrong last character. */
export function wrongCheckDigit(first17: string): string {
  const right = idCheckChar(first17);
  return `${first17}${right === '1' ? '2' : '1'}`;
}

export interface PetitionerSpec {
  readonly name?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly representative?: boolean;
}

export class PetitionIntake {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '信访登记' }).click();
    await expect(this.page.getByRole('heading', { name: '信访登记' })).toBeVisible();
  }

  field(index: number, field: '姓名或单位名称' | '身份证号码' | '联系电话' | '住址' | '代表'): Locator {
    return this.page.getByLabel(`第${index}位信访人的${field}`, { exact: true });
  }

  rows(): Locator {
    return this.page.getByTestId('petitioner-row');
  }

  async channel(label: '来信' | '来访' | '来电' | '网上'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '信访渠道' }).getByText(label, { exact: true }).click();
  }

  async addRows(count: number): Promise<void> {
    await this.page.getByLabel('添加行数').fill(String(count));
    await this.page.getByRole('button', { name: `添加${count}行` }).click();
  }

  async fillPetitioner(index: number, p: PetitionerSpec): Promise<void> {
    if (p.name !== undefined) await this.field(index, '姓名或单位名称').fill(p.name);
    if (p.idNumber !== undefined) await this.field(index, '身份证号码').fill(p.idNumber);
    if (p.phone !== undefined) await this.field(index, '联系电话').fill(p.phone);
    if (p.address !== undefined) await this.field(index, '住址').fill(p.address);
    if (p.representative) await this.field(index, '代表').check();
  }

  async category(label: '建议意见类' | '检举控告类' | '申诉求决类'): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async content(spec: { summary: string; request: string; facts?: string }): Promise<void> {
    await this.page.getByRole('textbox', { name: '事项概要' }).fill(spec.summary);
    await this.page.getByRole('textbox', { name: '诉求', exact: true }).fill(spec.request);
    if (spec.facts) await this.page.getByRole('textbox', { name: '事实和理由' }).fill(spec.facts);
  }

  async attach(name: string, content: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(content) });
    await expect(this.page.getByTestId('pending-attachment').filter({ hasText: name })).toBeVisible();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存登记' }).click();
  }
}
