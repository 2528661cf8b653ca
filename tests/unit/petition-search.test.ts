/**
 * Search finds what clerks type. The petitions come from the openpyxl ledger tests/fixtures/ledgers/messy.xlsx:
 * 信〔2025〕0001号 张三 (拖欠工资), 0002号 李四 (宅基地), 0003号 王五 (道路), 0004号 钱七 (噪音), 0005号 张三、李四等5人 (征地补偿款).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './support/test-app';
import { messyLedgerOffice, openOffice } from './support/ledger-office';

let template: string;
beforeAll(async () => {
  template = await messyLedgerOffice();
});

const office = () => openOffice(template);

async function numbers(t: TestApp, admin: string, query: string): Promise<string[]> {
  const list = await t.ok(admin, 'petitions.list', { query, sort: 'number', descending: false });
  return list.rows.map((r) => r.number.slice(-5, -1));
}

describe('searching petitions', () => {
  it('finds a second petitioner by a two-character name', async () => {
    const { t, admin } = await office();
    expect(await numbers(t, admin, '李四')).toEqual(['0002', '0005']);
  });

  it('matches every word, separated by a space, a full-width space or a comma', async () => {
    const { t, admin } = await office();
    expect(await numbers(t, admin, '张三 征地')).toEqual(['0005']);
    expect(await numbers(t, admin, '张三　工资')).toEqual(['0001']);
    expect(await numbers(t, admin, '李四，宅基地')).toEqual(['0002']);
    expect(await numbers(t, admin, '李四 噪音')).toEqual([]);
  });

  it('finds a petition by its number, in full or as the plain sequence', async () => {
    const { t, admin } = await office();
    expect(await numbers(t, admin, '信〔2025〕0003号')).toEqual(['0003']);
    expect(await numbers(t, admin, '3')).toEqual(['0003']);
  });

  it('finds a person by exact ID number or phone, and the look-up is audited', async () => {
    const { t, admin } = await office();
    expect(await numbers(t, admin, '360121197503041236')).toEqual(['0001']);
    expect(await numbers(t, admin, '13900001111')).toEqual(['0004']);
    const audit = await t.ok(admin, 'audit.list', { pageSize: 5 });
    expect(audit.rows.filter((r) => r.action === 'petitioner.search').map((r) => JSON.parse(r.after ?? '{}').query)).toEqual(['13900001111', '360121197503041236']);
  });
});
