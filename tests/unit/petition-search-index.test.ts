/**
 * The list and search at county scale (issue 15) read through indexes, and find the same petitions a plain
 * substring match over every field finds.
 *
 * The reference below is written out from what a clerk expects a search word to find (the number, any
 * petitioner's name, the start of the lead petitioner's name as the list shows it, the sequence, an exact ID
 * number or phone, the summary and request, and the facts for three characters or more), checked over every row
 * in JavaScript; the app answers from its trigram, sequence, ID-number and phone indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { listStatements } from '../../main/core/petitions';
import { petitionListInputSchema, type PetitionListInput } from '../../shared/api';
import { bookOffice, visit } from './support/book-office';
import { approvePending } from './support/approvals';
import { testApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: string;

const PEOPLE = [
  [{ name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: '东风村3组' }, { name: '李四', idNumber: '', phone: '', address: '东风村3组' }],
  [{ name: '王小明', idNumber: '', phone: '010-66668888', address: '红旗村' }],
  [{ name: '欧阳春花', idNumber: '', phone: '', address: '青山社区' }, { name: '李四', idNumber: '', phone: '', address: '青山社区' }, { name: '赵六', idNumber: '', phone: '', address: '青山社区' }],
  [{ name: 'Tom Li', idNumber: '', phone: '', address: '河西村' }],
  [{ name: '霞', idNumber: '', phone: '', address: '青山社区' }, { name: '吕桂英', idNumber: '', phone: '', address: '青山社区' }],
] as const;
const TEXTS = [
  ['反映征地补偿款未足额发放', '要求补发征地补偿款', '2025年东风村征地，补偿款只发了一半'],
  ['反映100%的低保名额被占用', '要求公开低保_名单', '村里低保名单不公开'],
  ['反映"拖欠工资" NEAR(工资 欠) 的问题*', '要求支付工资^', '工地老板拖欠工资-三个月'],
  ['噪音扰民', '要求整改', 'a_b%c\\d 夜间施工'],
  ['反映道路修建质量问题', '要求返工', '道路刚修好就开裂'],
  ['宅基地纠纷', '要求重新确权', '与邻居宅基地界线不清'],
] as const;

beforeAll(async () => {
  t = await testApp();
  admin = await t.setup();
  for (let i = 0; i < 12; i++) {
    const [summary, request, factsReasons] = TEXTS[i % TEXTS.length] ?? TEXTS[0];
    const petitioners = PEOPLE[i % PEOPLE.length] ?? PEOPLE[0];
    await t.ok(admin, 'petitions.create', visit({ petitioners: [...petitioners], peopleCount: Math.min(4, petitioners.length + (i % 3)), summary, request, factsReasons }));
  }
}, 120_000);
afterAll(() => t.close());

interface Row {
  id: number;
  number: string;
  seq: number;
  summary: string;
  request: string;
  facts_reasons: string;
  first_petitioner: string;
  names: string;
  id_numbers: string;
  phones: string;
}

const fold = (s: string) => s.toLowerCase();

/** A plain LIKE '%word%' over every field, as the reference for what a word finds. */
function reference(rows: readonly Row[], query: string): number[] {
  const words = query.split(/[\s\u3000,，、；;]+/).filter((w) => w.length > 0);
  const finds = (r: Row, w: string) => {
    const has = (field: string) => fold(field).includes(fold(w));
    return (
      has(r.number) ||
      fold(r.first_petitioner).startsWith(fold(w)) ||
      r.names.split('\u0001').some(has) ||
      (/^\d{1,6}$/.test(w) && r.seq === Number(w)) ||
      r.id_numbers.split('\u0001').includes(w.toUpperCase()) ||
      r.phones.split('\u0001').includes(w) ||
      has(r.summary) ||
      has(r.request) ||
      ([...w].length >= 3 && has(r.facts_reasons))
    );
  };
  return rows.filter((r) => words.every((w) => finds(r, w))).map((r) => r.id).sort((a, b) => a - b);
}

async function allRows(): Promise<Row[]> {
  const r = await t.app.core.db.executeQuery<Row>(
    CompiledQuery.raw(`SELECT p.id, p.number, p.seq, p.summary, p.request, p.facts_reasons, p.first_petitioner,
      group_concat(n.name, char(1)) AS names, group_concat(n.id_number, char(1)) AS id_numbers, group_concat(n.phone, char(1)) AS phones
      FROM petitions p JOIN petitioners n ON n.petition_id = p.id GROUP BY p.id`),
  );
  return r.rows;
}

describe('search finds the same petitions as a plain LIKE over every field', () => {
  const QUERIES = [
    '张', '四', '李四', '赵六', '欧阳', '欧阳春花', '王小明', '小明', 'tom', 'Tom Li',
    '张三等', '张三等3', '欧阳春花等4人',
    '征地补偿款', '征地 补偿款', '李四　低保', '李四，工资', '补偿款,东风村',
    '信〔2026〕0012号', '0012', '12', '3', '〔2026〕', '2026',
    '11010519491231002X', '11010519491231002x', '13912345678', '010-66668888',
    '%', '_', '100%', '低保_名单', '\\', 'a_b%c', '%的低保',
    '"', '"拖欠工资"', 'NEAR(工资', '问题*', '工资^', '-三个月', 'AND', '(', '*',
    '麒麟山', '麒麟',
    // One or two characters through the character-pair index (migration 0014): the last character of a text, of a
    // name and of a number, a one-character name, the lead's one-character name running into 等, ASCII in either case.
    '款', '补', '明', '霞', '霞等', '吕桂', '英', '号', '信', '0', '20', 'To', 'to', 'T', 'i', 'LI',
    // Several words of mixed lengths, and short words the pair index cannot hold (punctuation) beside it.
    '征地 李四', '低保 东风村', '补 款', '霞 青山', '张三 工资 2', '〔2', '款，', '100% 低保', 'a_ 工资',
  ];
  it.each(QUERIES)('%s', async (query) => {
    const rows = await allRows();
    const list = await t.ok(admin, 'petitions.list', { query, pageSize: 200 });
    expect(list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(reference(rows, query));
    expect(list.total).toBe(reference(rows, query).length);
    expect((await t.ok(admin, 'petitions.list', { query, exactTotal: true })).total).toBe(reference(rows, query).length);
    // With many matches the page walks the list's order and checks each row instead: the same petitions.
    const { page } = listStatements(t.app.core.db, petitionListInputSchema.parse({ query, pageSize: 200 }), Date.UTC(2026, 10, 2, 1, 0));
    const walked = await t.app.core.db.executeQuery<{ id: number }>(page.check);
    expect(walked.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(reference(rows, query));
  });
});

/** Every line of a statement's plan, EXPLAIN QUERY PLAN's `detail` column. */
async function plan(q: CompiledQuery): Promise<string[]> {
  const r = await t.app.core.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
  return r.rows.map((row) => row.detail);
}

/** A plan line that reads a whole table row by row, without an index. */
const FULL_SCAN = /^SCAN (petitions|petitioners)( AS \w+)?$/;

describe('every hot list and search query reads an index (EXPLAIN QUERY PLAN)', () => {
  const now = Date.UTC(2026, 10, 2, 1, 0);
  const CASES: [string, PetitionListInput][] = [
    ['first page', {}],
    ['status filter', { statuses: ['registered'] }],
    ['open statuses sorted by next due', { statuses: ['registered', 'accepted', 'in_handling'], sort: 'nextDueAt', descending: false }],
    ['category', { category: 'claim' }],
    ['topic', { topicId: 1 }],
    ['unit', { unitId: 1 }],
    ['date range', { receivedFrom: now - 86_400_000, receivedTo: now }],
    ['overdue sorted by next due', { overdueOnly: true, sort: 'nextDueAt', descending: false }],
    ['sorted by number', { sort: 'number' }],
    ['search: phrase', { query: '征地补偿款' }],
    ['search: name', { query: '欧阳春花' }],
    ['search: two words', { query: '征地补偿款 欧阳春花' }],
    ['search: number', { query: '信〔2026〕0012号' }],
    ['search: ID number', { query: '11010519491231002X' }],
    ['search: phone', { query: '13912345678' }],
    ['search: phrase with a filter', { query: '征地补偿款', statuses: ['registered'] }],
    ['search: two characters', { query: '低保' }],
    ['search: one character', { query: '霞' }],
    ['search: two words of mixed lengths', { query: '征地补偿款 低保' }],
    ['search: two characters with a filter', { query: '低保', statuses: ['registered'] }],
  ];
  it.each(CASES)('%s', async (_, input) => {
    const statements = listStatements(t.app.core.db, petitionListInputSchema.parse(input), now);
    for (const q of [statements.count, statements.page.drive, statements.page.check]) {
      const lines = await plan(q);
      expect(lines.filter((l) => FULL_SCAN.test(l)), `${q.sql}\n${lines.join('\n')}`).toEqual([]);
    }
  });

  it('a search of three characters or more reads the trigram indexes, not the petitioners table', async () => {
    const { count } = listStatements(t.app.core.db, petitionListInputSchema.parse({ query: '欧阳春花' }), now);
    const lines = await plan(count);
    expect(lines.some((l) => /petitions_fts VIRTUAL TABLE INDEX/.test(l))).toBe(true);
    expect(lines.some((l) => /petitioner_names_fts VIRTUAL TABLE INDEX/.test(l))).toBe(true);
    expect(lines.some((l) => /petition_numbers_fts VIRTUAL TABLE INDEX/.test(l))).toBe(true);
  });

  it('a search of one or two characters reads the character-pair index, not the petitions or petitioners', async () => {
    for (const query of ['低保', '霞', '吕桂']) {
      const { count, page } = listStatements(t.app.core.db, petitionListInputSchema.parse({ query }), now);
      for (const q of [count, page.drive]) {
        const lines = await plan(q);
        expect(lines.some((l) => /petition_bigrams VIRTUAL TABLE INDEX/.test(l)), lines.join('\n')).toBe(true);
        expect(lines.filter((l) => FULL_SCAN.test(l)), lines.join('\n')).toEqual([]);
      }
    }
  });

  it("a search's count merges the words' index lists in id order instead of gathering each one", async () => {
    const { count } = listStatements(t.app.core.db, petitionListInputSchema.parse({ query: '征地补偿款 低保' }), now);
    const lines = await plan(count);
    expect(lines, lines.join('\n')).toEqual(expect.arrayContaining(['MERGE (INTERSECT)', 'MERGE (EXCEPT)']));
    expect(lines.some((l) => /petitions_fts VIRTUAL TABLE INDEX/.test(l))).toBe(true);
    expect(lines.some((l) => /petition_bigrams VIRTUAL TABLE INDEX/.test(l))).toBe(true);
  });
});

describe('the character-pair index follows every write', () => {
  it('finds a corrected summary and petitioner by their new words, not the old, and leaves a voided petition out', async () => {
    const o = await bookOffice();
    try {
      const clerk = await o.as('clerk1');
      const numbers = async (query: string, more = {}) => (await o.t.ok(clerk, 'petitions.list', { query, ...more })).rows.map((r) => r.number).sort();
      const first = await o.t.ok(clerk, 'petitions.create', visit({ summary: '反映低保名额被占用', request: '要求公开名单' }));
      const second = await o.t.ok(clerk, 'petitions.create', visit({ summary: '反映低保审核不公', petitioners: [{ name: '吕霞', idNumber: '', phone: '', address: '东风村' }] }));
      expect(await numbers('低保')).toEqual([first.number, second.number]);
      expect(await numbers('霞')).toEqual([second.number]);

      const person = (await o.t.ok(clerk, 'petitions.get', { id: second.id })).petitioners[0];
      await o.t.ok(clerk, 'petitions.correct', {
        id: second.id,
        reason: '登记时把事项和姓名录错了',
        changes: { summary: '反映危房改造补助未发', petitioners: [{ id: person?.id, name: '吕桂', address: '东风村', isRepresentative: false }] },
      });
      expect(await numbers('低保')).toEqual([first.number]);
      expect(await numbers('危房')).toEqual([second.number]);
      expect(await numbers('霞')).toEqual([]);
      expect(await numbers('桂')).toEqual([second.number]);

      await o.t.ok(clerk, 'petitions.void.request', { id: first.id, reason: '重复登记' });
      await approvePending(o.t, await o.as('leader1'), 'petition', first.id);
      const list = await o.t.ok(clerk, 'petitions.list', { query: '名单' });
      expect(list).toMatchObject({ rows: [], total: 0 });
      expect(await numbers('名单', { includeVoided: true })).toEqual([first.number]);
    } finally {
      await o.t.close();
    }
  });
});
