/**
 * Issue 15: the alarm board's "all" tab counts the alarms ever rung only up to 10,000 (the board then says
 * "10000 条以上"), as the petition list does; the open alarms, which the tab's badge and the home page show, are
 * always counted exactly.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visit } from './support/book-office';
import { testApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: string;
let deadlineId: number;

/** Rung alarms of one deadline, written straight into the file: ten thousand through the scheduler would take minutes. */
async function addRung(n: number, status: 'resolved' | 'fired'): Promise<void> {
  const now = t.clock.now();
  await sql`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
    INSERT INTO alarms (deadline_id, kind, days_before, fire_at, status, fired_at, level, recipients_json, no_one_on_duty, created_at)
    SELECT ${deadlineId}, 'due', 0, ${now} - i, ${status}, ${now} - i, 0, '[]', 0, ${now} FROM k`.execute(t.app.core.db);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.setup();
  const p = await t.ok(admin, 'petitions.create', visit());
  deadlineId = (await t.app.core.db.selectFrom('deadlines').select('id').where('subject_id', '=', p.id).orderBy('id').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(() => t.close());

describe('the alarm board count', () => {
  it('is exact up to 10,000 alarms rung', async () => {
    await addRung(9_999, 'resolved');
    await addRung(1, 'fired');
    const all = await t.ok(admin, 'alarms.list', { scope: 'all', pageSize: 20 });
    expect(all).toMatchObject({ total: 10_000, totalCapped: false });
  });

  it('stops at 10,000 past it and says so, while the open alarms are still counted exactly', async () => {
    await addRung(2, 'fired');
    const all = await t.ok(admin, 'alarms.list', { scope: 'all', pageSize: 20 });
    expect(all).toMatchObject({ total: 10_000, totalCapped: true });
    expect(all.rows).toHaveLength(20);
    const open = await t.ok(admin, 'alarms.list', { scope: 'open', pageSize: 20 });
    expect(open).toMatchObject({ total: 3, totalCapped: false });
  });
});
