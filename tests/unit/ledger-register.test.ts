/**
 * The register (登记台账) leaves the office as .xlsx and as an A4 landscape print. The petitions come from the
 * openpyxl ledger tests/fixtures/ledgers/messy.xlsx (five rows accepted: two closed, three in handling).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { printPetitionForm, registerHtml, REGISTER_COLUMNS, type RegisterRow } from '../../main/core/ledger';
import { expectRefused } from './support/refusals';
import { messyLedgerOffice, openOffice } from './support/ledger-office';
import { openPrinter, readPdf, type Printer } from './support/pdf';

let template: string;
beforeAll(async () => {
  template = await messyLedgerOffice();
});

const office = () => openOffice(template);

async function sheetOf(base64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

const col = (name: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(name) + 1;

describe('the register as .xlsx', () => {
  it('has the title, the usual columns, real dates and masked ID numbers as text', async () => {
    const { t, admin } = await office();
    const file = await t.ok(admin, 'ledger.register.export', { format: 'xlsx', sort: 'number', descending: false });
    expect(file.fileName).toBe('青山镇信访事项登记台账.xlsx');
    expect(file.count).toBe(5);
    const ws = await sheetOf(file.base64);
    expect(ws.getCell(1, 1).value).toBe('青山镇信访事项登记台账');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '编号', '登记日期', '信访形式', '信访人', '身份证号', '联系电话', '住址', '人数', '反映问题', '诉求', '问题类别', '责任单位', '包案领导', '办理结果', '办结时间', '备注']);
    const first = ws.getRow(4);
    expect(first.getCell(col('number')).value).toBe('信〔2025〕0001号');
    expect(first.getCell(col('receivedAt')).value).toEqual(new Date('2025-03-05T00:00:00Z'));
    expect(first.getCell(col('closedAt')).value).toEqual(new Date('2025-04-01T00:00:00Z'));
    expect(first.getCell(col('idNumber')).value).toBe('3601**********1236');
    expect(first.getCell(col('phone')).value).toBe('138******1111');
    expect(first.getCell(col('note')).value).toBe('原台账编号1');
    expect(ws.getRow(8).getCell(col('petitioners')).value).toBe('张三、李四等5人');
  });

  it('follows the list filters', async () => {
    const { t, admin } = await office();
    const file = await t.ok(admin, 'ledger.register.export', { format: 'xlsx', statuses: ['closed'] });
    expect(file.count).toBe(2);
    expect((await sheetOf(file.base64)).rowCount).toBe(5);
  });

  it('shows full ID numbers only when chosen, and the audit says who took them', async () => {
    const { t, admin } = await office();
    const file = await t.ok(admin, 'ledger.register.export', { format: 'xlsx', full: true, sort: 'number', descending: false });
    const cell = (await sheetOf(file.base64)).getRow(4).getCell(col('idNumber'));
    expect(cell.value).toBe('360121197503041236');
    expect(cell.numFmt).toBe('@');
    const audit = await t.ok(admin, 'audit.list', { pageSize: 5 });
    const entry = audit.rows.find((r) => r.action === 'ledger.export');
    expect(entry?.userName).toBe('王管理');
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ full: true, count: 5, format: 'xlsx' });
  });
});

describe('the register printed', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await openPrinter();
  }, 60_000);
  afterAll(async () => {
    await printer.close();
  });

  const row = (i: number): RegisterRow => ({
    index: i, number: `信〔2026〕${String(i).padStart(4, '0')}号`, receivedAt: '2026-03-05', channel: '来信', petitioners: `信访人${i}`,
    idNumber: '3601**********1236', phone: '138******1111', address: '青山镇东风村', peopleCount: 1, summary: `反映第${i}号事项：道路与用水问题`,
    request: '要求尽快解决', topic: '城乡建设', responsibleUnit: '东风村', leadLeader: '张镇长', result: '已办结', closedAt: '2026-04-01', note: '',
  });

  it('is A4 landscape with the title once, the header row and the page number on every page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => row(i + 1));
    const pdf = await readPdf(await printer.pdf(registerHtml(rows, { title: '青山镇信访事项登记台账', office: '青山镇信访办', range: '登记日期：全部', printedAt: '2026-11-02 09:00' })));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const n = pdf.pages.length;
    pdf.pages.forEach((page, i) => {
      expect(Math.round(page.width)).toBe(842);
      expect(Math.round(page.height)).toBe(595);
      // PDF.js reads some characters of this font as radicals (⽇ for 日): NFKC folds the ones that fold.
      const text = page.lines.map((l) => l.text).join('\n').normalize('NFKC');
      for (const head of ['序号', '编号', '登记日期', '信访形式', '身份证号', '办结时间']) expect(text).toContain(head);
      // 页 stays the radical ⻚ after NFKC: the number and the total are what matter.
      expect(text).toMatch(new RegExp(`第 ${i + 1} ?.[，,]共 ${n} ?.`));
      expect(text).toContain('打印时间:2026-11-02 09:00');
      expect(text.includes('信访事项登记台账')).toBe(i === 0);
    });
    const all = pdf.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(all).toContain('信〔2026〕0090号');
  }, 90_000);
});

describe('the 信访事项登记表 of one petition', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await openPrinter();
  }, 60_000);
  afterAll(async () => {
    await printer.close();
  });

  /** pdfinfo's page count and size, and pdftotext's text, of the form as the app made it. */
  async function printed(base64: string, picture = ''): Promise<{ pages: number; size: string; text: string }> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'petition-form-')), 'form.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    // For a person to look at (SCREENSHOTS=1), as the e2e tests do.
    if (picture && process.env.SCREENSHOTS === '1') execFileSync('pdftoppm', ['-png', '-r', '60', file, path.resolve('tests/e2e/screenshots', picture)]);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+(.*)/.exec(info)?.[1] ?? '', text };
  }

  async function petition(number = '信〔2025〕0005号') {
    const { t, admin } = await office();
    const list = await t.ok(admin, 'petitions.list', { query: number });
    const id = list.rows[0]?.id ?? 0;
    return { t, admin, id, actor: { id: 1, name: '王管理', role: 'admin' as const } };
  }

  it('is one A4 portrait page with the number, the petitioners (ID masked), the matter and the signature line', async () => {
    const { t, id, actor } = await petition();
    const file = await printPetitionForm(t.app.core, actor, { id, full: false }, (html) => printer.pdf(html));
    expect(file.fileName).toBe('信访事项登记表-信〔2025〕0005号.pdf');
    const pdf = await printed(file.base64, 'ledger-04-petition-form');
    expect(pdf.pages).toBe(1);
    expect(pdf.size).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = pdf.text.replace(/\s+/g, '');
    for (const part of ['青山镇信访事项登记表', '信〔2025〕0005号', '原台账编号', '张三', '李四', '5人', '信访人签字', '日期', '登记人', '王管理']) expect(flat).toContain(part);
    expect(flat).not.toMatch(/\d{17}[\dX]/);
  }, 60_000);

  it('stays on one page with a 20,000-character request and seven petitioners, and says where the rest is', async () => {
    const { t, id, actor } = await petition();
    await t.app.core.db.updateTable('petitions').set({ request: '要求解决'.repeat(5000) }).where('id', '=', id).execute();
    await t.app.core.db
      .insertInto('petitioners')
      .values([2, 3, 4, 5, 6].map((ord) => ({ petition_id: id, ord, name: `王${ord}`, id_number: '', phone: '', address: '青山镇东风村', is_representative: 0 })))
      .execute();
    const pdf = await printed((await printPetitionForm(t.app.core, actor, { id, full: false }, (html) => printer.pdf(html))).base64, 'ledger-05-petition-form-long');
    expect(pdf.pages).toBe(1);
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain('全文共20000字');
    expect(flat).toContain('另有2人');
    expect(flat).toContain('信访人签字');
  }, 60_000);

  it('shows full ID numbers only when chosen, and every print is in the audit', async () => {
    const { t, admin, id, actor } = await petition('信〔2025〕0001号');
    const masked = await printed((await printPetitionForm(t.app.core, actor, { id, full: false }, (html) => printer.pdf(html))).base64);
    expect(masked.text).toContain('3601**********1236');
    expect(masked.text).not.toContain('360121197503041236');
    const full = await printed((await printPetitionForm(t.app.core, actor, { id, full: true }, (html) => printer.pdf(html))).base64);
    expect(full.text).toContain('360121197503041236');
    const audit = await t.ok(admin, 'audit.list', { pageSize: 5 });
    const entry = audit.rows.find((r) => r.action === 'ledger.form');
    expect(entry?.entityId).toBe(String(id));
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ number: '信〔2025〕0001号', full: true });
    expect(audit.rows.filter((r) => r.action === 'ledger.form')).toHaveLength(2);
  }, 60_000);

  it('is refused with a clear message where no PDF can be made, and for a petition that does not exist', async () => {
    const { t, admin, id } = await petition();
    expectRefused(await t.call(admin, 'ledger.form.print', { id }), 'illegal_transition', '无法生成PDF');
    await expect(printPetitionForm(t.app.core, { id: 1, name: '王管理', role: 'admin' }, { id: 999_999, full: false }, (html) => printer.pdf(html))).rejects.toThrow();
    const audit = await t.ok(admin, 'audit.list', { pageSize: 5 });
    expect(audit.rows.some((r) => r.action === 'ledger.form')).toBe(false);
  }, 60_000);
});
