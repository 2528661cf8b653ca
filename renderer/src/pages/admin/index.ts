export { AdminOnly } from './AdminOnly';
export { AuditPage } from './AuditPage';
export { BackupsPage } from './BackupsPage';
export { CalendarPage } from './CalendarPage';
export { OfficePage } from './OfficePage';
export { TopicsPage } from './TopicsPage';
export { UnitsPage } from './UnitsPage';
export { UsersPage } from './UsersPage';
