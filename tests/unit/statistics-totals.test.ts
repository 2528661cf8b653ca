/**
 * Statistics add up: every table on the statistics page (as the page builds it from the core's figures)
 * sums to the totals in the page's header, including a petition registered without a unit or a topic,
 * which gets a 未填单位 / 未分类 row instead of being dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionInput, Statistics } from '../../shared/api';
import { at } from './support/test-app';
import { matterOffice, type MatterOffice, warningInput } from './support/matters';
import { statTables } from '../../renderer/src/pages/stats/stat-tables';
import type { StatTable } from '../../renderer/src/components/stats/StatTableCard';

let o: MatterOffice;
let stats: Statistics;

function petition(receivedAt: string, extra: Partial<PetitionInput>): PetitionInput {
  return {
    channel: 'visit',
    receivedAt: at(receivedAt),
    petitioners: [{ name: '张三', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映补偿款未足额发放',
    request: '要求补发',
    ...extra,
  };
}

beforeAll(async () => {
  o = await matterOffice({ now: '2026-11-20 10:00' });
  const { dongfeng, hongqi } = o.units;
  const topics = await o.t.ok(o.clerk, 'topics.list', {});
  const topic = topics[0]?.id;
  await o.t.ok(o.clerk, 'petitions.create', petition('2026-11-16 09:00', { unitId: dongfeng, topicId: topic }));
  // A visitor whose village was not taken down: no unit, no topic.
  await o.t.ok(o.clerk, 'petitions.create', petition('2026-11-17 09:00', {}));
  await o.t.ok(o.clerk, 'reports.create', { unitId: hongqi, type: 'dispute', severity: 'general', foundAt: at('2026-11-03 08:00'), reportedAt: at('2026-11-03 09:00'), summary: '信息', content: '事件情况' });
  await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { title: '东风村征地补偿苗头', peopleCount: 3, escalation: 'county', grievance: '补偿款' }));
  stats = await o.t.ok(o.clerk, 'stats.overview.get', {});
});
afterAll(() => o.t.close());

/** The page's header: 信访事项 N 件，信息报告 N 条，预警 N 条 (the sum over the months). */
function header() {
  return stats.byMonth.reduce((a, m) => ({ petitions: a.petitions + m.petitions, reports: a.reports + m.reports, warnings: a.warnings + m.warnings }), { petitions: 0, reports: 0, warnings: 0 });
}

/** The sum of one column of a table as the page shows it, found by its header. */
function columnSum<R>(table: StatTable<R>, header: string): number {
  const column = table.columns.find((c) => c.header === header);
  if (!column) throw new Error(`no column ${header} in ${table.key}`);
  return table.rows.reduce((sum, r) => sum + Number(column.value(r) ?? 0), 0);
}

describe('every statistics table adds up to the header', () => {
  it('has the petition without a unit on a 未填单位 row and without a topic on 未分类', () => {
    expect(header()).toEqual({ petitions: 2, reports: 1, warnings: 1 });
    expect(stats.byUnit.find((u) => u.unitId === null)).toMatchObject({ unitName: '未填单位', petitions: 1, reports: 0, warnings: 0 });
    expect(stats.byTopic.find((x) => x.topicId === null)).toMatchObject({ topicName: '未分类', petitions: 1 });
  });

  it('sums each table', () => {
    const h = header();
    const tables = statTables(stats);
    expect(columnSum(tables.month, '信访事项（件）')).toBe(h.petitions);
    expect(columnSum(tables.unit, '信访事项（件）')).toBe(h.petitions);
    expect(columnSum(tables.unit, '信息报告（条）')).toBe(h.reports);
    expect(columnSum(tables.unit, '预警（条）')).toBe(h.warnings);
    expect(columnSum(tables.topic, '信访事项（件）')).toBe(h.petitions);
    expect(columnSum(tables.reportType, '信息报告（条）')).toBe(h.reports);
    expect(columnSum(tables.level, tables.level.columns[1]?.header ?? '')).toBe(h.warnings);
    expect(columnSum(tables.onTime, '信息报告（条）')).toBe(h.reports);
    expect(columnSum(tables.lapses, '信息报告（条）')).toBe(h.reports);
  });
});
