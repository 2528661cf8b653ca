export { createReport, FUTURE_TOLERANCE_MS, REPORT_NUMBER_FORMAT, type CreatedReport } from './intake';
export { transitionReport, linkReportPetition, flagReport, approveReportInTrx, returnReportInTrx, correctReport } from './transitions';
export { listReports, getReport } from './queries';
export { getReportSettings, saveReportSettings } from './settings';
export { reportLateness, reportLimitAt, limitAfter, DEFAULT_REPORT_SETTINGS, MAX_LIMIT_MINUTES, type Lateness } from './time-limits';
export { REPORT_TRANSITIONS, allowedReportActions, nextReportStatus, isReportFinished, isReportCorrectable } from './workflow';
