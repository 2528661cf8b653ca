/**
 * Issue 15: the statistics read summary tables that triggers keep in the same transaction as every write
 * (migration 0015). After a mixed run of the writes an office makes (intake, corrections of unit, topic, category
 * and received-at, a void, a repeat linked, steps that meet deadlines in time and late, a ledger import and its
 * undo, reports flagged, warnings issued) the summaries hold exactly what working them out anew gives, and the
 * page shows what the old whole-table computation showed, also after time alone has made deadlines late.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { statistics } from '../../main/core/stats';
import { rebuildStatsSummary, type Database, type Db } from '../../main/db';
import { DAY_MS, startOfLocalDay } from '../../shared/time';
import { bookOffice, visit, type BookOffice } from './support/book-office';
import { pendingApprovalId } from './support/approvals';
import { MESSY_LEDGER } from './support/ledger-office';
import { statisticsInJs } from './support/statistics-in-js';
import { at } from './support/test-app';

let o: BookOffice;
afterEach(() => o.t.close());

const COUNTS = ['stats_petition_units', 'stats_petition_topics', 'stats_reports', 'stats_warnings'] as const;

/** What the summaries hold: every petition's row, and each count that is not 0 (a count may fall back to 0 and stay). */
async function summaries(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = { stats_petitions: await db.selectFrom('stats_petitions').selectAll().orderBy('petition_id').execute() };
  for (const table of COUNTS) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as { n: number }[];
    out[table] = rows.filter((r) => r.n !== 0).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The summaries worked out anew from the records, in a transaction that is then rolled back. */
async function rebuilt(db: Db) {
  let fresh: Awaited<ReturnType<typeof summaries>> | null = null;
  await db
    .transaction()
    .execute(async (trx) => {
      await rebuildStatsSummary(trx, 'Asia/Shanghai');
      fresh = await summaries(trx);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  return fresh;
}

async function expectSummariesKept(db: Db) {
  const kept = await summaries(db);
  expect(kept.stats_petitions?.length).toBeGreaterThan(0);
  expect(kept).toEqual(await rebuilt(db));
}

describe('the statistics summaries', () => {
  it('equal a fresh rebuild after intake, corrections, a void, a repeat, steps, an import and its undo, reports and warnings', async () => {
    o = await bookOffice();
    const db = o.t.app.core.db;
    const [admin, clerk, leader] = [await o.as('admin'), await o.as('clerk1'), await o.as('leader1')];
    const hongqi = (await o.t.ok(admin, 'units.create', { name: '红旗村', kind: 'village' })).id;
    const topics = await o.t.ok(clerk, 'topics.list', {});
    const register = (overrides = {}) => o.t.ok(clerk, 'petitions.create', visit({ unitId: o.ids.unit, topicId: topics[0]?.id ?? null, ...overrides }));

    const first = await register();
    // Received in September: its 15-day deadlines ran out in October, so accepting it now meets one late.
    const old = await register({ receivedAt: at('2026-09-28 10:00'), topicId: topics[1]?.id ?? null });
    const moved = await register({ receivedAt: at('2026-10-20 15:00'), unitId: null, topicId: null });
    const mistaken = await register({ summary: '重复登记的征地补偿款' });
    const repeat = await register();
    // Registered today and left alone: pending until its 15-day deadlines run out.
    await register({ summary: '反映道路修建问题', unitId: hongqi });
    await o.t.ok(clerk, 'petitions.transition', { id: first.id, action: 'accept', noticeOnTheSpot: true });
    await o.t.ok(clerk, 'petitions.transition', { id: old.id, action: 'accept', noticeOnTheSpot: true });
    // Before acceptance a correction applies at once: another month, unit, topic and category.
    await o.t.ok(clerk, 'petitions.correct', {
      id: moved.id,
      reason: '以信封邮戳为准',
      changes: { receivedAt: at('2026-08-31 23:30'), unitId: hongqi, topicId: topics[2]?.id ?? null, category: 'suggestion', claimItem: null },
    });
    // After acceptance a correction of the received-at waits for the leader.
    await o.t.ok(clerk, 'petitions.correct', { id: first.id, reason: '以登记簿为准', changes: { receivedAt: at('2026-10-30 09:00') } });
    await o.t.ok(leader, 'approvals.approve', { id: await pendingApprovalId(o.t, clerk, 'petition', first.id), note: '同意更正' });
    await o.t.ok(clerk, 'petitions.void.request', { id: mistaken.id, reason: `与${first.number}重复登记` });
    await o.t.ok(leader, 'approvals.approve', { id: await pendingApprovalId(o.t, clerk, 'petition', mistaken.id), note: '同意作废' });
    await o.t.ok(clerk, 'petitions.linkRepeat', { id: repeat.id, repeatOfId: first.id });
    await expectSummariesKept(db);

    const batch = await o.t.ok(admin, 'ledger.imports.create', { fileName: 'messy.xlsx', dataBase64: MESSY_LEDGER });
    expect((await db.selectFrom('stats_petitions').select('petition_id').execute()).length).toBeGreaterThan(3);
    await expectSummariesKept(db);
    await o.t.ok(admin, 'ledger.imports.remove', { id: batch.id });
    await expectSummariesKept(db);

    const reported = await o.t.ok(clerk, 'reports.create', {
      unitId: hongqi,
      type: 'dispute',
      severity: 'general',
      foundAt: at('2026-10-31 08:00'),
      reportedAt: at('2026-11-01 10:00'),
      summary: '信息',
      content: '事件情况',
    });
    await o.t.ok(clerk, 'reports.create', { unitId: o.ids.unit, type: 'safety', severity: 'general', foundAt: at('2026-11-02 07:00'), reportedAt: at('2026-11-02 08:00'), summary: '信息', content: '事件情况' });
    await o.t.ok(clerk, 'reports.flag', { id: reported.id, flag: 'missed', note: '县里通报后才报' });
    await o.t.ok(clerk, 'warnings.issue', { title: '东风村征地补偿苗头', unitId: o.ids.unit, peopleCount: 3, escalation: 'county', grievance: '补偿款', responsibleUnitId: o.ids.unit, leadLeaderId: o.ids.leader });
    await expectSummariesKept(db);

    const now = o.t.clock.now();
    for (const input of [{ months: 12 }, { months: 3 }, { months: 12, fromMonth: '2025-11', toMonth: '2026-10' }]) {
      expect(await statistics(db, input, now)).toEqual(await statisticsInJs(db, input, now));
    }
    // Time alone makes the open 15-day deadlines late: no write, and the page says so as the old computation did.
    const later = now + 20 * DAY_MS;
    const s = await statistics(db, { months: 12 }, later);
    expect(s).toEqual(await statisticsInJs(db, { months: 12 }, later));
    expect(s.byUnit.reduce((a, u) => a + u.petitionsLate, 0)).toBeGreaterThan((await statistics(db, { months: 12 }, now)).byUnit.reduce((a, u) => a + u.petitionsLate, 0));
  });

  it('files each record under the month of the office zone, and again when the zone changes', async () => {
    o = await bookOffice();
    const db = o.t.app.core.db;
    const months = await db.selectFrom('stats_months').selectAll().where('month', 'in', ['2026-03', '2026-11']).orderBy('start_at').execute();
    expect(months).toEqual([
      { month: '2026-03', start_at: startOfLocalDay('2026-03-01', 'Asia/Shanghai') },
      { month: '2026-11', start_at: startOfLocalDay('2026-11-01', 'Asia/Shanghai') },
    ]);
    const clerk = await o.as('clerk1');
    // 23:30 on 31 October in Beijing is still October in Beijing, but November has begun in Tokyo.
    await o.t.ok(clerk, 'petitions.create', visit({ receivedAt: at('2026-10-31 23:30'), unitId: o.ids.unit }));
    expect(await db.selectFrom('stats_petitions').select('month').execute()).toEqual([{ month: '2026-10' }]);
    await o.t.ok(await o.as('admin'), 'office.update', { timeZone: 'Asia/Tokyo' });
    expect(await db.selectFrom('stats_petitions').select('month').execute()).toEqual([{ month: '2026-11' }]);
    expect((await db.selectFrom('stats_months').select('start_at').where('month', '=', '2026-11').executeTakeFirst())?.start_at).toBe(startOfLocalDay('2026-11-01', 'Asia/Tokyo'));
    const now = o.t.clock.now();
    expect(await statistics(db, { months: 2 }, now)).toEqual(await statisticsInJs(db, { months: 2 }, now));
  });
});
