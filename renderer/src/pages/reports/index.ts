export { ReportDetailPage } from './ReportDetailPage';
export { ReportFormPage } from './ReportFormPage';
export { ReportListPage } from './ReportListPage';
export { ReportSettingsPage } from './ReportSettingsPage';
export { ZeroReportPage } from './ZeroReportPage';
