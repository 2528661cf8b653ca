export { AlarmBoard } from './AlarmBoard';
export { AlarmSettingsPage } from './AlarmSettingsPage';
