/**
 * Statistics over a chosen range of months, and each unit's petitions handled on time. A petition counts as
 * on time when every office deadline that has come was met by its due time, late when one was met after it
 * or ran out unmet; one whose deadlines are all still ahead is not judged yet.
 * February and March 2026 (the Spring Festival holiday runs 02-15 … 02-23); "now" ends at 2026-03-20 10:00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionInput } from '../../shared/api';
import { at } from './support/test-app';
import { matterOffice, type MatterOffice } from './support/matters';

let o: MatterOffice;

function petition(unitId: number, receivedAt: string): PetitionInput {
  return {
    channel: 'visit',
    receivedAt: at(receivedAt),
    petitioners: [{ name: '王五', address: '村里' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    unitId,
    summary: '反映道路维修款未落实',
    request: '要求落实维修款',
  };
}

beforeAll(async () => {
  o = await matterOffice({ now: '2026-02-02 09:00' });
  const { dongfeng, hongqi } = o.units;
  // 东风村: one accepted on the day (on time), one accepted a month later (its 15 days had run out).
  const onTime = await o.t.ok(o.clerk, 'petitions.create', petition(dongfeng, '2026-02-02 09:00'));
  await o.t.ok(o.clerk, 'petitions.transition', { id: onTime.id, action: 'accept' });
  await o.setClock('2026-02-03 09:00');
  const late = await o.t.ok(o.clerk, 'petitions.create', petition(dongfeng, '2026-02-03 09:00'));
  // 红旗村: one left untouched since February, one from March whose deadlines are still ahead.
  await o.setClock('2026-02-05 09:00');
  await o.t.ok(o.clerk, 'petitions.create', petition(hongqi, '2026-02-05 09:00'));
  await o.setClock('2026-03-10 09:00');
  await o.t.ok(o.clerk, 'petitions.transition', { id: late.id, action: 'accept' });
  await o.setClock('2026-03-18 09:00');
  await o.t.ok(o.clerk, 'petitions.create', petition(hongqi, '2026-03-18 09:00'));
  await o.setClock('2026-03-20 10:00');
});
afterAll(() => o.t.close());

describe('a chosen range of months', () => {
  it('February alone: three petitions, with each unit’s on-time rate', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', { fromMonth: '2026-02', toMonth: '2026-02' });
    expect([s.from, s.to]).toEqual([at('2026-02-01 00:00'), at('2026-03-01 00:00')]);
    expect(s.byMonth).toEqual([{ month: '2026-02', petitions: 3, reports: 0, warnings: 0 }]);
    const units = Object.fromEntries(s.byUnit.map((u) => [u.unitName, u]));
    expect(units['东风村']).toMatchObject({ petitions: 2, petitionsDue: 2, petitionsOnTime: 1, petitionsLate: 1, petitionOnTimeRate: 0.5 });
    expect(units['红旗村']).toMatchObject({ petitions: 1, petitionsDue: 1, petitionsOnTime: 0, petitionsLate: 1, petitionOnTimeRate: 0 });
  });

  it('the whole year 2026: twelve months, March’s new petition counted but not judged', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', { fromMonth: '2026-01', toMonth: '2026-12' });
    expect(s.byMonth.map((m) => m.month)).toHaveLength(12);
    expect(s.byMonth.map((m) => m.petitions)).toEqual([0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const hongqi = s.byUnit.find((u) => u.unitName === '红旗村');
    expect(hongqi).toMatchObject({ petitions: 2, petitionsDue: 1, petitionsLate: 1 });
    // Only zero reports already due count: January's (due early February) and February's (due early March).
    expect(hongqi?.zeroReportsExpected).toBe(2);
  });

  it('without a range, the last months up to this one', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', { months: 2 });
    expect(s.byMonth.map((m) => [m.month, m.petitions])).toEqual([
      ['2026-02', 3],
      ['2026-03', 1],
    ]);
  });

  it('refuses a range that is reversed, half given, too long or badly written, with a message saying what to fix', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fromMonth: '2026-05', toMonth: '2026-02' }, 'toMonth', '结束月份不能早于起始月份'],
      [{ fromMonth: '2026-05' }, 'toMonth', '请同时选择起始月份和结束月份'],
      [{ fromMonth: '2024-01', toMonth: '2026-01' }, 'toMonth', '统计范围最长24个月，请缩短起止月份'],
      [{ fromMonth: '2026-13', toMonth: '2026-12' }, 'fromMonth', '起始月份的格式应为“2026-01”'],
    ];
    for (const [input, field, message] of cases) {
      const r = await o.t.call(o.clerk, 'stats.overview.get', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.fields?.[field]).toBe(message);
    }
  });
});
