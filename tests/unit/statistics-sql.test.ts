/**
 * Issue 15: the statistics are counted by SQLite (GROUP BY) instead of loading the window's rows into JS. On a
 * seeded office of 900 petitions spread over fourteen months, four units (one of them none), with voided and
 * repeat registrations, deadlines met in time, met late, cancelled, not the office's, open and overdue, open and
 * not yet due, plus reports and warnings, the figures are the same as the old computation's for every window.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statistics } from '../../main/core/stats';
import { DAY_MS } from '../../shared/time';
import { seedDeadlines } from '../bench/support/deadlines';
import { seedPetitions } from '../bench/support/petitions';
import { matterOffice, type MatterOffice, warningInput } from './support/matters';
import { statisticsInJs } from './support/statistics-in-js';
import { at } from './support/test-app';

const COUNT = 900;
let o: MatterOffice;

beforeAll(async () => {
  o = await matterOffice({ now: '2026-11-20 10:00' });
  const { dongfeng, hongqi, zongzhi } = o.units;
  const db = o.t.app.core.db;
  const now = o.t.clock.now();
  await seedPetitions(db, COUNT, dongfeng);
  // Spread over the last fourteen months, and over units, topics, voided and repeat registrations.
  await sql`update petitions set received_at = ${now} - id * ${17 * 3_600_000},
    unit_id = case id % 4 when 0 then ${dongfeng} when 1 then ${hongqi} when 2 then ${zongzhi} else null end,
    topic_id = case when id % 7 = 0 then null else topic_id end,
    status = case when id % 11 = 0 then 'voided' else status end,
    repeat_of_id = case when id % 13 = 0 then 1 else null end`.execute(db);
  await sql`update petitions set next_due_at = received_at + ${15 * DAY_MS} where next_due_at is not null`.execute(db);
  await seedDeadlines(db, now);
  await sql`update deadlines set due_at = (select received_at from petitions where petitions.id = deadlines.subject_id) + ${15 * DAY_MS}
    where subject_type = 'petition'`.execute(db);
  await sql`update deadlines set met_at = case when id % 3 = 0 then due_at + 3600000 else due_at - 3600000 end where status = 'met'`.execute(db);
  await sql`update deadlines set status = 'cancelled', met_at = null where id % 5 = 0`.execute(db);
  await sql`update deadlines set office_duty = 0 where id % 17 = 0`.execute(db);
  // Some of the open ones are not due yet; a met one without a time counts for neither.
  await sql`update deadlines set due_at = ${now} + id * 60000 where status = 'open' and id % 6 = 1`.execute(db);
  await sql`update deadlines set met_at = null where status = 'met' and id % 29 = 0`.execute(db);
  const report = (unitId: number, type: 'dispute' | 'safety', reportedAt: string, foundAt: string) =>
    o.t.ok(o.clerk, 'reports.create', { unitId, type, severity: 'general', foundAt: at(foundAt), reportedAt: at(reportedAt), summary: '信息', content: '事件情况' });
  await report(dongfeng, 'dispute', '2026-11-03 09:00', '2026-11-03 08:00');
  await report(hongqi, 'safety', '2026-10-03 20:00', '2026-10-03 08:00');
  await report(zongzhi, 'dispute', '2025-12-24 09:00', '2025-12-24 08:30');
  await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { title: '东风村征地补偿苗头', peopleCount: 3, escalation: 'county', grievance: '补偿款' }));
}, 120_000);
afterAll(() => o.t.close());

describe('statistics from SQL aggregates', () => {
  const windows = [{ months: 12 }, { months: 24 }, { months: 3 }, { months: 12, fromMonth: '2025-09', toMonth: '2026-02' }];
  it.each(windows)('gives the figures the old computation gave: %o', async (input) => {
    const db = o.t.app.core.db;
    const now = o.t.clock.now();
    const [sqlFigures, jsFigures] = await Promise.all([statistics(db, input, now), statisticsInJs(db, input, now)]);
    expect(sqlFigures).toEqual(jsFigures);
  });

  it('has every kind of figure in the comparison (on time, late, pending, no unit, no topic, reports, warnings)', async () => {
    const s = await statistics(o.t.app.core.db, { months: 24 }, o.t.clock.now());
    const sum = (f: (u: (typeof s.byUnit)[number]) => number) => s.byUnit.reduce((a, u) => a + f(u), 0);
    expect(sum((u) => u.petitionsOnTime)).toBeGreaterThan(50);
    expect(sum((u) => u.petitionsLate)).toBeGreaterThan(50);
    expect(sum((u) => u.petitions - u.petitionsDue)).toBeGreaterThan(10);
    expect(s.byUnit.find((u) => u.unitId === null)?.petitions).toBeGreaterThan(50);
    expect(s.byTopic.find((tp) => tp.topicId === null)?.petitions).toBeGreaterThan(50);
    expect(sum((u) => u.reports)).toBe(3);
    expect(sum((u) => u.warnings)).toBe(1);
  });
});
