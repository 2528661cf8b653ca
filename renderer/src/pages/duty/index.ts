export { DutyLogPage } from './DutyLogPage';
export { DutyTabs } from './DutyTabs';
export { HandoverPage } from './HandoverPage';
export { MonthPage } from './MonthPage';
export { RotationsPage } from './RotationsPage';
