/**
 * Petitions on PostgreSQL as a clerk sees them: registered, listed and opened the same as on SQLite; a search
 * finds the same petitions on both stores for words of every length; the trigram indexes serve the search.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { officesOnBothStores, letter, SEARCHED, type Office } from './support';
import type { PetitionInput } from '../../shared/api';

async function registerAll(o: Office, inputs: readonly PetitionInput[]): Promise<void> {
  for (const input of inputs) await o.t.ok(o.admin, 'petitions.create', input);
}

async function found(o: Office, query: string): Promise<string[]> {
  const list = await o.t.ok(o.admin, 'petitions.list', { query, sort: 'number', descending: false, pageSize: 100 });
  return list.rows.map((r) => r.number.slice(-5, -1));
}

/** Query → the petitions (by sequence) a clerk expects; both stores must give exactly these. */
const SEARCHES: readonly (readonly [string, readonly string[]])[] = [
  ['张', ['0001', '0005']],
  ['李四', ['0002', '0004']],
  ['征地', ['0001']],
  ['补偿款', ['0001']],
  ['宅基地纠纷', ['0002']],
  ['欧阳明', ['0004']],
  ['明月', ['0004']],
  ['夜间施工', ['0004']],
  ['abc', ['0003', '0005']],
  ['ABC公司', ['0003']],
  ['信〔2026〕0003号', ['0003']],
  ['0002号', ['0002']],
  ['3', ['0003']],
  ['13912345678', ['0001']],
  ['11010519491231002X', ['0003']],
  ['100%', ['0005']],
  ['_转', ['0005']],
  ['\\查', ['0005']],
  ['%', ['0005']],
  ['张三 征地', ['0001']],
  ['李四，噪音', ['0004']],
  // A word of three characters and more beside a short one: the trigram and the pair lookups intersected.
  ['补偿款 张三', ['0001']],
  ['夜间施工 李四', ['0004']],
  ['夜间施工 张三', []],
  ['东风村 宅基地', []],
  ['不存在的词', []],
];

describe('petitions on PostgreSQL', () => {
  it('are registered, listed and opened as on SQLite', async () => {
    const offices = await officesOnBothStores();
    const seen = [];
    for (const o of offices) {
      const created = await o.t.ok(o.admin, 'petitions.create', letter({ channel: 'visit', category: 'claim', claimItem: 6, factsReasons: '补偿只发了一半' }));
      const list = await o.t.ok(o.admin, 'petitions.list', {});
      const detail = await o.t.ok(o.admin, 'petitions.get', { id: created.id });
      seen.push({ created, list, detail });
    }
    const [onPg, onSqlite] = seen;
    expect(onPg?.created.number).toBe('信〔2026〕0001号');
    expect(onPg?.list.total).toBe(1);
    expect(onPg?.detail.deadlines.length).toBeGreaterThan(0);
    expect(onPg?.detail.steps.map((s) => s.action)).toEqual(['register']);
    expect(onPg).toEqual(onSqlite);
  });

  it('are found by the same searches on both stores, for words of one, two, three and more characters', async () => {
    const offices = await officesOnBothStores();
    for (const o of offices) await registerAll(o, SEARCHED);
    for (const [query, expected] of SEARCHES) {
      for (const o of offices) expect({ store: o.store, query, found: await found(o, query) }).toEqual({ store: o.store, query, found: expected });
    }
  });

  it('finds a likely repeat by its text on both stores', async () => {
    const offices = await officesOnBothStores();
    for (const o of offices) {
      await registerAll(o, SEARCHED);
      const repeats = await o.t.ok(o.admin, 'petitions.repeats.list', { text: '反映征地补偿款未足额发放，要求补发' });
      expect({ store: o.store, repeats: repeats.map((r) => [r.number, r.reason]) }).toEqual({ store: o.store, repeats: [['信〔2026〕0001号', 'text']] });
    }
  });

  it('searches text through the trigram index', async () => {
    const [pg] = await officesOnBothStores();
    await registerAll(pg, SEARCHED);
    // Five rows are read faster without an index: the planner is told to use one if it can, on one connection.
    const plan = await pg.t.app.core.db.connection().execute(async (db) => {
      await sql`SET enable_seqscan = off`.execute(db);
      return sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM petitions WHERE summary ILIKE '%征地补偿%'`.execute(db);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('petitions_text_trgm');
  });
});
