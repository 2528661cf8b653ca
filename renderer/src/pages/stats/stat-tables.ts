/**
 * The statistics tables, each described once: its Chinese column headers and how each cell is read from the
 * core's figures. The screen and the .xlsx export both come from these.
 *
 * @example
 * const tables = statTables(stats);
 * tables.unit.rows.length // one row per unit
 */
import type { Statistics } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import type { StatTable } from '../../components/stats/StatTableCard';
import { monthLabel } from './range';

type Month = Statistics['byMonth'][number];
type Unit = Statistics['byUnit'][number];
type Topic = Statistics['byTopic'][number];
type Level = Statistics['byLevel'][number];
type ReportType = Statistics['byReportType'][number];

export interface StatTables {
  readonly month: StatTable<Month>;
  readonly unit: StatTable<Unit>;
  readonly topic: StatTable<Topic>;
  readonly reportType: StatTable<ReportType>;
  readonly level: StatTable<Level>;
  readonly onTime: StatTable<Unit>;
  readonly lapses: StatTable<Unit>;
}

export function statTables(s: Statistics): StatTables {
  return {
    month: {
      key: 'month',
      title: t('stats.section.month'),
      sheetName: t('stats.tabs.month'),
      totals: true,
      note: t('stats.page.repeatNote'),
      rows: s.byMonth,
      columns: [
        { header: t('stats.col.month'), format: 'text', value: (r) => monthLabel(r.month) },
        { header: t('stats.col.petitions'), value: (r) => r.petitions },
        { header: t('stats.col.reports'), value: (r) => r.reports },
        { header: t('stats.col.warnings'), value: (r) => r.warnings },
      ],
    },
    unit: {
      key: 'unit',
      title: t('stats.section.unit'),
      sheetName: t('stats.tabs.unit'),
      totals: true,
      rows: s.byUnit,
      columns: [
        { header: t('stats.col.unit'), format: 'text', value: (r) => r.unitName },
        { header: t('stats.col.petitions'), value: (r) => r.petitions },
        { header: t('stats.col.reports'), value: (r) => r.reports },
        { header: t('stats.col.warnings'), value: (r) => r.warnings },
      ],
    },
    topic: {
      key: 'topic',
      title: t('stats.section.topic'),
      sheetName: t('stats.tabs.topic'),
      totals: true,
      rows: s.byTopic,
      columns: [
        { header: t('stats.col.topic'), format: 'text', value: (r) => r.topicName },
        { header: t('stats.col.petitions'), value: (r) => r.petitions },
      ],
    },
    reportType: {
      key: 'reportType',
      title: t('stats.section.reportType'),
      sheetName: t('stats.col.reportType'),
      totals: true,
      rows: s.byReportType,
      columns: [
        { header: t('stats.col.reportType'), format: 'text', value: (r) => enumLabel('reportType', r.type) },
        { header: t('stats.col.reports'), value: (r) => r.reports },
      ],
    },
    level: {
      key: 'level',
      title: t('stats.section.level'),
      sheetName: t('stats.tabs.level'),
      totals: true,
      note: t('stats.notes.level'),
      rows: s.byLevel,
      columns: [
        { header: t('stats.col.level'), format: 'text', value: (r) => enumLabel('warningLevel', r.level) },
        { header: t('stats.col.issued'), value: (r) => r.issued },
        { header: t('stats.col.active'), value: (r) => r.active },
      ],
    },
    onTime: {
      key: 'onTime',
      title: t('stats.section.onTime'),
      sheetName: t('stats.tabs.onTime'),
      note: t('stats.notes.onTime'),
      rows: s.byUnit,
      columns: [
        { header: t('stats.col.unit'), format: 'text', value: (r) => r.unitName },
        { header: t('stats.col.petitionsDue'), value: (r) => r.petitionsDue },
        { header: t('stats.col.petitionsOnTime'), value: (r) => r.petitionsOnTime },
        { header: t('stats.col.petitionsLate'), value: (r) => r.petitionsLate },
        { header: t('stats.col.petitionRate'), format: 'percent', value: (r) => r.petitionOnTimeRate },
        { header: t('stats.col.reports'), value: (r) => r.reports },
        { header: t('stats.col.reportsOnTime'), value: (r) => r.reportsOnTime },
        { header: t('stats.col.reportRate'), format: 'percent', value: (r) => r.reportOnTimeRate },
        { header: t('stats.col.zeroExpected'), value: (r) => r.zeroReportsExpected },
        { header: t('stats.col.zeroOnTime'), value: (r) => r.zeroReportsOnTime },
        { header: t('stats.col.zeroLate'), value: (r) => r.zeroReportsLate },
        { header: t('stats.col.zeroMissing'), value: (r) => r.zeroReportsMissing },
        { header: t('stats.col.zeroRate'), format: 'percent', value: (r) => r.zeroReportOnTimeRate },
      ],
    },
    lapses: {
      key: 'lapses',
      title: t('stats.section.lapses'),
      sheetName: t('stats.tabs.lapses'),
      totals: true,
      note: t('stats.notes.lapses'),
      rows: s.byUnit,
      columns: [
        { header: t('stats.col.unit'), format: 'text', value: (r) => r.unitName },
        { header: t('stats.col.reports'), value: (r) => r.reports },
        { header: t('stats.col.late'), value: (r) => r.reportsLate },
        { header: t('stats.col.missed'), value: (r) => r.reportsMissed },
        { header: t('stats.col.concealed'), value: (r) => r.reportsConcealed },
        { header: t('stats.col.lapses'), value: (r) => r.reportsLate + r.reportsMissed + r.reportsConcealed },
      ],
    },
  };
}
