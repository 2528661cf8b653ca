export { WarningBoardPage } from './WarningBoardPage';
export { WarningDetailPage } from './WarningDetailPage';
export { WarningIssuePage } from './WarningIssuePage';
export { WarningSettingsPage } from './WarningSettingsPage';
