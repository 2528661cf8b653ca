/**
 * Importing an office's existing ledger (台账). The ledgers are written by openpyxl from
 * tests/fixtures/ledgers/make-ledgers.py, not by the app's own writer, and hold what offices really produce: a
 * merged title row and a 填报单位 row above the header, blank rows, a 合计 row, a 填表说明 sheet, dates in every form,
 * ID numbers as text, with a lower-case x and typed into a number cell, several people in one cell, blank
 * headcounts, channel words and phones with dashes. The office's clock: Monday 2026-11-02 09:00.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ledgerDate, ledgerIdNumber, splitPeople, decodeCsv } from '../../main/core/ledger';
import type { LedgerImportInput, LedgerPreview } from '../../shared/api';
import { testApp, type TestApp } from './support/test-app';
import { expectRefused } from './support/refusals';
import { verifyAudit } from '../../main/core/audit';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'ledgers');
const file = (name: string): LedgerImportInput => ({ fileName: name, dataBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') });

let template: string;
beforeAll(async () => {
  const t = await testApp();
  await t.setup();
  template = await t.closeKeepingFolder();
});

async function office(now?: string): Promise<{ t: TestApp; admin: string }> {
  const t = await testApp({ from: template, ...(now ? { now } : {}) });
  const { token } = await t.ok(null, 'auth.login', { username: 'admin', password: 'Admin2026' });
  return { t, admin: token };
}

function verdicts(p: LedgerPreview): Record<number, string> {
  const out: Record<number, string> = {};
  for (const r of [...p.sample, ...p.rejected]) out[r.rowNumber] = r.verdict;
  return out;
}

const reasonOf = (p: LedgerPreview, row: number) => p.rejected.find((r) => r.rowNumber === row)?.reason ?? '';

describe('reading what offices write in cells', () => {
  it('reads each date form offices use, and refuses one that is no date', () => {
    expect(ledgerDate('2025.3.5')).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate('2025年3月5日')).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate('2025-03-05')).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate('2025/3/5')).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate(new Date(Date.UTC(2025, 2, 5)))).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate(45721)).toEqual({ ok: true, date: '2025-03-05' });
    expect(ledgerDate('2025年13月5日')).toEqual({ ok: false });
    expect(ledgerDate('三月五日')).toEqual({ ok: false });
    expect(ledgerDate('')).toBeNull();
  });

  it('flags an ID number that lost its last digits in a number cell, and keeps text ones', () => {
    expect(ledgerIdNumber(3.60121197503041e17)).toEqual({ ok: false, shown: '3.60121197503041E+17' });
    expect(ledgerIdNumber('3.60121197503041E+17')).toEqual({ ok: false, shown: '3.60121197503041E+17' });
    expect(ledgerIdNumber('36012119800101008x')).toEqual({ ok: true, idNumber: '36012119800101008X' });
  });

  it('splits several people in one cell and reads 等N人', () => {
    expect(splitPeople('张三、李四等5人')).toEqual({ names: ['张三', '李四'], count: 5 });
    expect(splitPeople('林二、何三')).toEqual({ names: ['林二', '何三'], count: null });
    expect(splitPeople('王五')).toEqual({ names: ['王五'], count: null });
  });

  it('tells GBK from UTF-8', () => {
    const utf8 = fs.readFileSync(path.join(FIXTURES, 'small-utf8.csv'));
    const gbk = fs.readFileSync(path.join(FIXTURES, 'small-gbk.csv'));
    expect(gbk.equals(utf8)).toBe(false);
    expect(decodeCsv(gbk)).toBe(decodeCsv(utf8));
    expect(decodeCsv(gbk)).toContain('登记日期');
  });
});

describe('the preview of a messy .xlsx ledger', () => {
  it('finds the header under the title and 填报单位 rows, on the ledger sheet and not 填表说明', async () => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', file('messy.xlsx'));
    expect(p.sheetName).toBe('2025年');
    expect(p.headerRow).toBe(3);
    expect(p.columns.map((c) => c.field)).toEqual([
      'ledgerNumber', 'receivedAt', 'channel', 'petitioners', 'idNumber', 'phone', 'address', 'peopleCount',
      'summary', 'request', 'topic', 'responsibleUnit', 'leadLeader', 'result', 'closedAt', 'note',
    ]);
  });

  it('gives each row its verdict, with a reason that says what to fix', async () => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', file('messy.xlsx'));
    expect(verdicts(p)).toEqual({
      4: 'closed', // Excel date, ID as text, phone with dashes, closed 2025.4.1
      5: 'closed', // 2025.3.6, ID with a lower-case x, 已答复 on 2025年4月2日
      6: 'open', // 2025年3月7日, 电话, headcount blank
      7: 'open', // 2025-03-08, 网上信访, headcount as text
      8: 'open', // 2025/3/9, 走访, 张三、李四等5人
      9: 'refused', // ID typed into a number cell
      11: 'refused', // 2025年13月5日
      12: 'refused', // wrong check digit
      13: 'refused', // neither matter nor request
      14: 'refused', // 已办结 without a 办结时间
    });
    expect(p.counts).toEqual({ rows: 12, closed: 2, open: 3, refused: 5, duplicate: 0, skipped: 2, overdue: 3 });
    expect(reasonOf(p, 9)).toContain('15位有效数字');
    expect(reasonOf(p, 9)).toContain('3.60121197503041E+17');
    expect(reasonOf(p, 11)).toContain('“2025年13月5日”看不懂');
    expect(reasonOf(p, 12)).toContain('校验位不对');
    expect(reasonOf(p, 13)).toContain('反映问题和诉求都是空的');
    expect(reasonOf(p, 14)).toContain('没有办结时间');
  });

  it('reads the office words for channels and maps 劳动保障 to 劳动社保; unknown topics wait for the clerk', async () => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', file('messy.xlsx'));
    expect(Object.fromEntries(p.channelWords.map((w) => [w.word, w.channel]))).toMatchObject({
      来信: 'letter', 来访: 'visit', 电话: 'call', 网上信访: 'online', 走访: 'visit', 来电: 'call',
    });
    const topics = await t.ok(admin, 'topics.list', {});
    const labour = topics.find((x) => x.name === '劳动社保')?.id;
    const topicOf = Object.fromEntries(p.topicWords.map((w) => [w.word, w.topicId]));
    expect(topicOf['劳动保障']).toBe(labour);
    expect(topicOf['国土']).toBeNull();
  });

  it('offers the refused rows as an .xlsx with row number, reason and the cells as typed', async () => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', file('messy.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(p.rejectedXlsxBase64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(6);
    expect(ws?.getRow(1).getCell(3).value).toBe('序号');
    expect(ws?.getRow(2).getCell(1).value).toBe(9);
    expect(String(ws?.getRow(2).getCell(2).value)).toContain('15位有效数字');
  });
});

describe('CSV ledgers', () => {
  it.each(['small-utf8.csv', 'small-gbk.csv'])('%s: the same verdicts in either encoding', async (name) => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', file(name));
    expect(verdicts(p)).toEqual({ 2: 'closed', 3: 'open', 4: 'refused' });
    expect(reasonOf(p, 4)).toContain('15位有效数字');
    expect(p.sample[1]?.petitioners).toBe('林二、何三');
  });
});

describe('importing', () => {
  it('brings the accepted rows in with their own dates and states, the ledger number and an office number', async () => {
    const { t, admin } = await office();
    const batch = await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    expect(batch).toMatchObject({ imported: 5, closed: 2, refused: 5, overdue: 3, canUndo: true });
    const list = await t.ok(admin, 'petitions.list', { pageSize: 50, sort: 'number', descending: false });
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => r.number)).toEqual(['信〔2025〕0001号', '信〔2025〕0002号', '信〔2025〕0003号', '信〔2025〕0004号', '信〔2025〕0005号']);
    const first = await t.ok(admin, 'petitions.get', { id: list.rows[0]?.id ?? 0 });
    expect(first.status).toBe('closed');
    expect(first.ledgerNumber).toBe('1');
    expect(first.steps.map((s) => [s.action, new Date(s.at).toISOString()])).toEqual([
      ['register', '2025-03-04T16:00:00.000Z'],
      ['close', '2025-03-31T16:00:00.000Z'],
    ]);
    expect(first.petitioners[0]?.phoneMasked).toBe('138******1111');
    const group = await t.ok(admin, 'petitions.get', { id: list.rows[4]?.id ?? 0 });
    expect(group.status).toBe('in_handling');
    expect(group.peopleCount).toBe(5);
    expect(group.petitioners.map((p) => [p.name, p.isRepresentative])).toEqual([['张三', true], ['李四', true]]);
    // Opened 2025-03-09, 60 days: long overdue on 2026-11-02.
    expect(group.deadlines.map((d) => [d.kind, d.dueDate, d.status])).toEqual([['handling', '2025-05-08', 'open']]);
    const overdue = await t.ok(admin, 'petitions.list', { overdueOnly: true });
    expect(overdue.total).toBe(3);
  });

  it('raises one summary alarm for the overdue rows instead of one each', async () => {
    const { t, admin } = await office();
    await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    await t.app.scheduler.tick();
    const alarms = await t.ok(admin, 'alarms.list', { scope: 'open' });
    expect(alarms.rows.map((a) => [a.deadlineKind, a.subjectNumber, a.subjectSummary])).toEqual([
      ['import_overdue', '台账导入 messy.xlsx', '3件导入的事项已超期'],
    ]);
  });

  it('writes one audit entry for the batch and one per petition', async () => {
    const { t, admin } = await office();
    const batch = await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    const audit = await t.ok(admin, 'audit.list', { pageSize: 100 });
    const actions = audit.rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'petition.import')).toHaveLength(5);
    expect(audit.rows.filter((r) => r.action === 'ledger.import').map((r) => r.entityId)).toEqual([String(batch.id)]);
  });

  it('shows rows already in the app as duplicates and does not import them twice', async () => {
    const { t, admin } = await office();
    await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    const again = await t.ok(admin, 'ledger.imports.preview', file('messy.xlsx'));
    expect(again.counts).toMatchObject({ closed: 0, open: 0, duplicate: 5 });
    expect(again.rejected.find((r) => r.rowNumber === 4)?.reason).toContain('与已有的信访事项 信〔2025〕0001号 重复');
    expectRefused(await t.call(admin, 'ledger.imports.create', file('messy.xlsx')), 'invalid_input', '没有可以导入的行');
  });

  it('lets the clerk map a column and a word the importer did not know', async () => {
    const { t, admin } = await office();
    const p = await t.ok(admin, 'ledger.imports.preview', { ...file('messy.xlsx'), columns: { channel: null } });
    expect(p.counts.refused).toBe(10);
    expect(reasonOf(p, 4)).toContain('没有指定哪一列是“信访形式”');
    const fixed = await t.ok(admin, 'ledger.imports.preview', { ...file('messy.xlsx'), columns: { channel: 3 }, words: { channel: { 来信: 'visit' }, topic: {} } });
    expect(fixed.channelWords.find((w) => w.word === '来信')?.channel).toBe('visit');
    expect(fixed.counts.closed + fixed.counts.open).toBe(5);
  });
});

describe('a large import', () => {
  it('tells the window how many rows are written, part by part, and writes them as a small import does', async () => {
    const { t, admin } = await office();
    const pushed: { done: number; total: number }[] = [];
    const stop = t.app.subscribe((e) => {
      if (e.type === 'ledger.progress' && e.fileName === 'big-2000.xlsx') pushed.push({ done: e.done, total: e.total });
    });
    const batch = await t.ok(admin, 'ledger.imports.create', { ...file('big-2000.xlsx'), columns: { channel: 3 } });
    stop();
    expect(batch.imported).toBeGreaterThan(1900);
    expect(pushed[0]).toEqual({ done: 0, total: batch.imported });
    expect(pushed.at(-1)).toEqual({ done: batch.imported, total: batch.imported });
    expect(pushed.length).toBeGreaterThan(3);
    expect(pushed.every((p, i) => i === 0 || p.done > (pushed[i - 1]?.done ?? 0))).toBe(true);
    const all = await t.ok(admin, 'petitions.list', { pageSize: 20 });
    expect(all.total).toBe(batch.imported);
    // Every open petition's next deadline is set, so the overdue filter counts what the batch counted.
    const overdue = await t.ok(admin, 'petitions.list', { overdueOnly: true });
    expect(overdue.total).toBe(batch.overdue);
    const audit = await verifyAudit(t.app.core.db);
    expect(audit).toMatchObject({ ok: true, brokenAt: null });
    const imports = await t.app.core.db.selectFrom('audit').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'petition.import').executeTakeFirstOrThrow();
    expect(Number(imports.n)).toBe(batch.imported);
  }, 120_000);
});

describe('undoing an import', () => {
  it('removes its petitions the same day, and their numbers are never given again', async () => {
    const { t, admin } = await office();
    const batch = await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    expect((await t.ok(admin, 'petitions.list', { query: '李四' })).total).toBe(2);
    expect((await t.ok(admin, 'petitions.list', { query: '噪' })).total).toBe(1);
    const undone = await t.ok(admin, 'ledger.imports.remove', { id: batch.id });
    expect(undone.canUndo).toBe(false);
    expect(undone.voidedAt).not.toBeNull();
    expect((await t.ok(admin, 'petitions.list', {})).total).toBe(0);
    // The short-word index let go of them too (a two-character name, one character of a summary).
    expect((await t.ok(admin, 'petitions.list', { query: '李四' })).total).toBe(0);
    expect((await t.ok(admin, 'petitions.list', { query: '噪' })).total).toBe(0);
    expect((await t.ok(admin, 'alarms.list', { scope: 'open' })).total).toBe(0);
    const next = await t.ok(admin, 'petitions.create', {
      channel: 'letter',
      receivedAt: Date.UTC(2025, 5, 1),
      petitioners: [{ name: '新来人', address: '青山镇' }],
      peopleCount: 1,
      category: 'suggestion',
      summary: '建议修路',
      request: '修路',
    });
    expect(next.number).toBe('信〔2025〕0006号');
    expect((await t.ok(admin, 'petitions.list', { query: '修路' })).rows.map((r) => r.number)).toEqual(['信〔2025〕0006号']);
    expectRefused(await t.call(admin, 'ledger.imports.remove', { id: batch.id }), 'conflict', '已经撤销过了');
  });

  it('is refused the next day', async () => {
    const { t, admin } = await office();
    const batch = await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    t.clock.advance(24 * 3_600_000);
    const { token } = await t.ok(null, 'auth.login', { username: 'admin', password: 'Admin2026' });
    expectRefused(await t.call(token, 'ledger.imports.remove', { id: batch.id }), 'conflict', '只能在导入当天撤销');
    expect((await t.ok(token, 'petitions.list', {})).total).toBe(5);
  });

  it('is refused once a petition of the batch was handled after it', async () => {
    const { t, admin } = await office();
    const batch = await t.ok(admin, 'ledger.imports.create', file('messy.xlsx'));
    const open = (await t.ok(admin, 'petitions.list', { statuses: ['in_handling'] })).rows[0];
    t.clock.advance(60_000);
    await t.ok(admin, 'petitions.mediations.create', { id: open?.id ?? 0, kind: 'people', at: t.clock.now(), outcome: 'ongoing', note: '调解中' });
    expectRefused(await t.call(admin, 'ledger.imports.remove', { id: batch.id }), 'conflict', '不能整批撤销');
  });
});
