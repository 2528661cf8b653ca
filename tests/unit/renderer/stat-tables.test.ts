/**
 * The statistics tables (renderer/src/pages/stats/stat-tables.ts), described once for the screen and the .xlsx
 * export: the Chinese headers the county expects, how each cell reads, and sheet names Excel accepts.
 */
import { describe, expect, it } from 'vitest';
import type { Statistics } from '../../../shared/api';
import type { StatTable } from '../../../renderer/src/components/stats/StatTableCard';
import { statTables } from '../../../renderer/src/pages/stats/stat-tables';

type Unit = Statistics['byUnit'][number];

function unit(unitId: number, unitName: string, figures: Partial<Unit> = {}): Unit {
  return {
    unitId,
    unitName,
    petitions: 0,
    warnings: 0,
    reports: 0,
    reportsOnTime: 0,
    reportsLate: 0,
    reportsMissed: 0,
    reportsConcealed: 0,
    reportOnTimeRate: null,
    petitionsDue: 0,
    petitionsOnTime: 0,
    petitionsLate: 0,
    petitionOnTimeRate: null,
    zeroReportsExpected: 0,
    zeroReportsOnTime: 0,
    zeroReportsLate: 0,
    zeroReportsMissing: 0,
    zeroReportOnTimeRate: null,
    ...figures,
  };
}

const STATS: Statistics = {
  from: Date.UTC(2025, 11, 1),
  to: Date.UTC(2026, 11, 1),
  byMonth: [
    { month: '2026-10', petitions: 1, reports: 0, warnings: 0 },
    { month: '2026-11', petitions: 2, reports: 3, warnings: 2 },
  ],
  byTopic: [{ topicId: 1, topicName: '征地拆迁', petitions: 2 }],
  byLevel: [
    { level: 'red', issued: 1, active: 1 },
    { level: 'yellow', issued: 1, active: 0 },
  ],
  byReportType: [{ type: 'dispute', reports: 2 }],
  byUnit: [
    unit(1, '东风村', { petitions: 2, reports: 2, reportsOnTime: 1, reportsLate: 1, reportOnTimeRate: 0.5, petitionsDue: 1, petitionsOnTime: 1, petitionOnTimeRate: 1 }),
    unit(2, '红旗村', { petitions: 1, reports: 1, reportsMissed: 1, reportsConcealed: 1, petitionsDue: 1, petitionsLate: 1, petitionOnTimeRate: 0 }),
  ],
};

/** A table as a person reads it: the header row, then each row's cells. */
function read<R>(table: StatTable<R>): (string | number | null)[][] {
  return [table.columns.map((c) => c.header), ...table.rows.map((r) => table.columns.map((c) => c.value(r)))];
}

describe('the statistics tables', () => {
  const tables = statTables(STATS);

  it('count petitions, reports and warnings by month, the month written 2026年11月', () => {
    expect(read(tables.month)).toEqual([
      ['月份', '信访事项（件）', '信息报告（条）', '预警（条）'],
      ['2026年10月', 1, 0, 0],
      ['2026年11月', 2, 3, 2],
    ]);
    expect(tables.month.totals).toBe(true);
  });

  it('name warning levels and report types in Chinese', () => {
    expect(read(tables.level)).toEqual([
      ['预警等级', '期内发布（条）', '当前生效（条）'],
      ['红色', 1, 1],
      ['黄色', 1, 0],
    ]);
    expect(read(tables.reportType)).toEqual([
      ['报告类型', '信息报告（条）'],
      ['矛盾纠纷', 2],
    ]);
    expect(read(tables.topic)[1]).toEqual(['征地拆迁', 2]);
  });

  it('add up each unit’s late, missed and concealed reports', () => {
    expect(read(tables.lapses)).toEqual([
      ['单位', '信息报告（条）', '迟报（条）', '漏报（条）', '瞒报（条）', '合计（条次）'],
      ['东风村', 2, 1, 0, 0, 1],
      ['红旗村', 1, 0, 1, 1, 2],
    ]);
  });

  it('give on-time rates as fractions shown as percentages, and no rate (not 0%) where nothing was due, with no total row', () => {
    const [header, dongfeng, hongqi] = read(tables.onTime);
    const rate = (name: string) => header?.indexOf(name) ?? -1;
    expect([dongfeng?.[rate('信访按期率')], dongfeng?.[rate('信息报告按时率')], dongfeng?.[rate('零报告按时率')]]).toEqual([1, 0.5, null]);
    expect(hongqi?.[rate('信访按期率')]).toBe(0);
    expect(tables.onTime.columns.filter((c) => c.format === 'percent').map((c) => c.header)).toEqual(['信访按期率', '信息报告按时率', '零报告按时率']);
    expect(tables.onTime.totals).toBeFalsy();
  });

  it('export each table to a sheet of its own whose name Excel accepts (at most 31 characters, none of []:*?/\\)', () => {
    const names = Object.values(tables).map((t) => t.sheetName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
