/**
 * Issue 15: the list sorted by next due is read in two parts (the petitions with a due from the open-due index,
 * then those without by id) instead of one ORDER BY with the rows without a due last. A clerk paging through it
 * must see the same petitions in the same order as that one ORDER BY gives, on every page, either way, with ties
 * on the due time, with and without filters. And the unit filter's count, now the union of its two sides (the
 * petition's own unit, its responsible unit), counts each petition once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../shared/enums';
import { visit } from './support/book-office';
import { at, testApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
let t: TestApp;
let admin: string;
const units: number[] = [];

beforeAll(async () => {
  t = await testApp({ now: '2026-11-20 10:00' });
  admin = await t.setup();
  for (const name of ['东风村', '红旗村', '镇综治办']) units.push((await t.ok(admin, 'units.create', { name, kind: 'village' })).id);
  for (let i = 0; i < 26; i++) await t.ok(admin, 'petitions.create', visit({ receivedAt: at('2026-11-02 08:30') + i * 3_600_000, summary: `反映问题第${i}件` }));
  // Set straight in the file: a register where several petitions fall due at the same moment, some are overdue,
  // closed ones have no due and a few open ones have none either would take months of the clock through the API.
  const base = at('2026-11-25 00:00');
  // Literals, not parameters: PostgreSQL would type a parameter in a CASE as text.
  await sql`UPDATE petitions SET
      next_due_at = CASE id % 5 WHEN 0 THEN NULL WHEN 1 THEN ${sql.lit(base)} WHEN 2 THEN ${sql.lit(base)} + id * ${sql.lit(DAY)} WHEN 3 THEN ${sql.lit(base)} - id * ${sql.lit(DAY)} ELSE NULL END,
      status = CASE WHEN id % 5 = 0 THEN 'closed' WHEN id % 10 = 4 THEN 'replied' WHEN id = 7 THEN 'voided' ELSE status END,
      unit_id = CASE id % 3 WHEN 0 THEN ${sql.lit(units[0])} WHEN 1 THEN ${sql.lit(units[1])} ELSE NULL END,
      responsible_unit_id = CASE id % 4 WHEN 0 THEN ${sql.lit(units[0])} WHEN 1 THEN ${sql.lit(units[2])} ELSE NULL END`.execute(t.app.core.db);
}, 120_000);
afterAll(() => t.close());

/** The order the list had as one statement: rows without a due last whichever way, then by id the same way. */
async function expectedIds(descending: boolean, statuses: readonly string[]): Promise<number[]> {
  const dir = sql.raw(descending ? 'DESC' : 'ASC');
  const where = statuses.length > 0 ? sql`status IN (${sql.join(statuses)})` : sql`status != 'voided'`;
  const r = await sql<{ id: number }>`SELECT id FROM petitions WHERE ${where} ORDER BY next_due_at IS NULL, next_due_at ${dir}, id ${dir}`.execute(t.app.core.db);
  return r.rows.map((row) => row.id);
}

describe('the list sorted by next due', () => {
  const cases = [false, true].flatMap((descending) =>
    [[], OPEN_STATUSES].flatMap((statuses) => [3, 7, 12].map((pageSize) => ({ descending, statuses, pageSize }))),
  );

  it.each(cases)('shows every petition once, in the same order, page after page ($pageSize a page, descending: $descending, $statuses.length statuses)', async ({ descending, statuses, pageSize }) => {
    const expected = await expectedIds(descending, statuses);
    // The register must hold both kinds, and ties, for the test to say anything.
    expect(expected.length).toBeGreaterThan(pageSize);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page++) {
      const list = await t.ok(admin, 'petitions.list', { sort: 'nextDueAt', descending, statuses: [...statuses], page, pageSize });
      expect(list.total).toBe(expected.length);
      seen.push(...list.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
  });

  it('puts the petitions without a due after the last one with a due on the page where they meet', async () => {
    const expected = await expectedIds(false, []);
    const withDue = (await sql<{ n: number }>`SELECT count(*) AS n FROM petitions WHERE next_due_at IS NOT NULL AND status != 'voided'`.execute(t.app.core.db)).rows[0]?.n ?? 0;
    const pageSize = 4;
    const page = Math.floor(withDue / pageSize) + 1;
    expect(withDue % pageSize).not.toBe(0);
    const list = await t.ok(admin, 'petitions.list', { sort: 'nextDueAt', descending: false, page, pageSize });
    expect(list.rows.map((r) => r.id)).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
    expect(list.rows.map((r) => r.nextDueAt === null)).toContain(true);
    expect(list.rows.map((r) => r.nextDueAt === null)).toContain(false);
  });
});

describe('the unit filter', () => {
  it.each([0, 1, 2])('counts and lists each petition of the unit once, as its own unit, its responsible unit or both (unit %i)', async (i) => {
    const unit = units[i] ?? 0;
    const r = await sql<{ id: number }>`SELECT id FROM petitions WHERE (unit_id = ${unit} OR responsible_unit_id = ${unit}) AND status != 'voided'
      ORDER BY received_at DESC, id DESC`.execute(t.app.core.db);
    const expected = r.rows.map((row) => row.id);
    expect(expected.length).toBeGreaterThan(0);
    for (const exactTotal of [false, true]) {
      const list = await t.ok(admin, 'petitions.list', { unitId: unit, exactTotal, pageSize: 100 });
      expect(list.total).toBe(expected.length);
      expect(list.rows.map((row) => row.id)).toEqual(expected);
    }
  });
});

