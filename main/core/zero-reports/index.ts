export { submitZeroReport, submitZeroReportsBulk, ensureZeroReportDeadlines, ZERO_REPORT_HORIZON_MS, ZERO_REPORT_BULK_MAX_PERIODS, type ZeroReportSubmission, type ZeroReportBulkSubmission } from './actions';
export { zeroReportGrid, zeroReportState, zeroReportRows } from './grid';
export { getZeroReportSettings, saveZeroReportSettings } from './settings';
export { loadZeroReportContext, expectedPeriod, periodLabel, type ZeroReportContext } from './context';
export {
  DEFAULT_ZERO_REPORT_SETTINGS,
  monthlyPeriod,
  dailyPeriod,
  periodsOfMonth,
  periodsDueBetween,
  dailyPeriodsBetween,
  sensitiveOn,
  unitOwes,
  parsePeriod,
  isMonth,
  addMonths,
  monthOf,
  type ZeroReportPeriod,
  type SensitiveRange,
} from './periods';
