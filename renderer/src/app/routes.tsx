/**
 * Every screen's address, as one typed route tree (TanStack Router over hash history: the desktop app has no
 * server routes, and '#/petitions/12' works the same under app:// and http://127.0.0.1). Links elsewhere are
 * checked against this tree when the renderer compiles, so a link to a screen that does not exist, or without
 * the id its screen needs, does not build.
 *
 * Addresses: '#/', '#/petitions' ('?overdue=1', '?sort=due'), '#/petitions/new', '#/petitions/import', '#/petitions/12', '#/admin/…',
 * '#/duty' ('?month=2026-03'), '#/duty/rotations', '#/duty/log', '#/handover', '#/alarms' ('?tab=all'),
 * '#/alarms/settings', '#/reports', '#/reports/new' ('?follow=3'), '#/reports/settings', '#/reports/3',
 * '#/zero-reports' ('?month='), '#/warnings', '#/warnings/new' ('?report=' or '?petition='),
 * '#/warnings/settings', '#/warnings/4', '#/stats', '#/notices', '#/notices/new' ('?kind=…&warning=…'),
 * '#/notices/7'. Anything else shows the home page.
 */
import { createHashHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { NOTICE_KINDS, type NoticeKind } from '../../../shared/enums';
import { Gate } from './Gate';
import { HomePage } from '../pages/home';
import { PetitionDetailPage, PetitionIntakePage, PetitionListPage } from '../pages/petitions';
import { ApprovalsPage } from '../pages/approvals';
import { LedgerImportPage } from '../pages/ledger';
import { AdminOnly, AuditPage, BackupsPage, CalendarPage, OfficePage, TopicsPage, UnitsPage, UsersPage } from '../pages/admin';
import { DutyLogPage, DutyTabs, HandoverPage, MonthPage, RotationsPage } from '../pages/duty';
import { AlarmBoard, AlarmSettingsPage } from '../pages/alarms';
import { ReportDetailPage, ReportFormPage, ReportListPage, ReportSettingsPage, ZeroReportPage } from '../pages/reports';
import { WarningBoardPage, WarningDetailPage, WarningIssuePage, WarningSettingsPage } from '../pages/warnings';
import { StatisticsPage } from '../pages/stats';
import { NoticeArchivePage, NoticeCreatePage, NoticeDetailPage } from '../pages/notices';

type Search = Record<string, unknown>;

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function month(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;
}

/** '?month=2026-03', for the screens that show one month. */
function monthSearch(s: Search): { month?: string } {
  const m = month(s.month);
  return m ? { month: m } : {};
}

/** '$id' is a positive whole number; anything else is not this route. */
const idParam = {
  parse: ({ id }: { id: string }) => {
    const n = positiveInt(id);
    return n === undefined ? false : { id: n };
  },
  stringify: ({ id }: { id: number }) => ({ id: String(id) }),
};

const rootRoute = createRootRoute({ component: Gate });

const page = <P extends string>(path: P) => ({ getParentRoute: () => rootRoute, path }) as const;

const homeRoute = createRoute({ ...page('/'), component: HomePage });
const elsewhereRoute = createRoute({ ...page('$'), component: HomePage });

const petitionListRoute = createRoute({
  ...page('/petitions'),
  validateSearch: (s: Search): { overdue?: 1; sort?: 'due' } => ({
    ...(positiveInt(s.overdue) === 1 ? { overdue: 1 as const } : {}),
    ...(s.sort === 'due' ? { sort: 'due' as const } : {}),
  }),
  component: function PetitionListRoute() {
    const search = petitionListRoute.useSearch();
    // A new list per preset: the home page's tiles open the list with their own filters.
    return <PetitionListPage key={`${search.overdue ?? ''}:${search.sort ?? ''}`} overdueOnly={search.overdue === 1} soonestDueFirst={search.sort === 'due'} />;
  },
});
const approvalsRoute = createRoute({ ...page('/approvals'), component: ApprovalsPage });
const petitionIntakeRoute = createRoute({ ...page('/petitions/new'), component: PetitionIntakePage });
const ledgerImportRoute = createRoute({ ...page('/petitions/import'), component: LedgerImportPage });
const petitionRoute = createRoute({
  ...page('/petitions/$id'),
  params: idParam,
  component: function PetitionRoute() {
    const { id } = petitionRoute.useParams();
    return <PetitionDetailPage key={id} id={id} />;
  },
});

function adminRoute<P extends string>(path: P, Page: () => React.ReactNode, guard: Parameters<typeof AdminOnly>[0]['procedure']) {
  return createRoute({
    ...page(path),
    component: () => (
      <AdminOnly procedure={guard}>
        <Page />
      </AdminOnly>
    ),
  });
}

const adminRoutes = [
  adminRoute('/admin/users', UsersPage, 'users.create'),
  adminRoute('/admin/units', UnitsPage, 'units.create'),
  adminRoute('/admin/topics', TopicsPage, 'topics.create'),
  adminRoute('/admin/calendar', CalendarPage, 'calendar.import'),
  adminRoute('/admin/office', OfficePage, 'office.update'),
  adminRoute('/admin/backups', BackupsPage, 'backups.settings.update'),
  adminRoute('/admin/audit', AuditPage, 'audit.list'),
] as const;

/** The roster, rotations, log and handover share one row of tabs. */
const dutyTabsRoute = createRoute({ getParentRoute: () => rootRoute, id: 'duty-tabs', component: DutyTabs });
const dutyRoute = createRoute({
  getParentRoute: () => dutyTabsRoute,
  path: '/duty',
  validateSearch: monthSearch,
  component: function DutyRoute() {
    const search = dutyRoute.useSearch();
    return <MonthPage month={search.month ?? null} />;
  },
});
const rotationsRoute = createRoute({ getParentRoute: () => dutyTabsRoute, path: '/duty/rotations', component: RotationsPage });
const dutyLogRoute = createRoute({ getParentRoute: () => dutyTabsRoute, path: '/duty/log', component: DutyLogPage });
const handoverRoute = createRoute({ getParentRoute: () => dutyTabsRoute, path: '/handover', component: HandoverPage });

const alarmsRoute = createRoute({
  ...page('/alarms'),
  validateSearch: (s: Search): { tab?: 'all' } => (s.tab === 'all' ? { tab: 'all' } : {}),
  component: function AlarmsRoute() {
    const tab = alarmsRoute.useSearch().tab === 'all' ? 'all' : 'open';
    return <AlarmBoard key={tab} tab={tab} />;
  },
});
const alarmSettingsRoute = createRoute({ ...page('/alarms/settings'), component: AlarmSettingsPage });

const reportListRoute = createRoute({ ...page('/reports'), component: ReportListPage });
const reportFormRoute = createRoute({
  ...page('/reports/new'),
  validateSearch: (s: Search): { follow?: number } => {
    const follow = positiveInt(s.follow);
    return follow === undefined ? {} : { follow };
  },
  component: function ReportFormRoute() {
    const follow = reportFormRoute.useSearch().follow ?? null;
    return <ReportFormPage key={String(follow)} followOf={follow} />;
  },
});
const reportSettingsRoute = createRoute({ ...page('/reports/settings'), component: ReportSettingsPage });
const reportRoute = createRoute({
  ...page('/reports/$id'),
  params: idParam,
  component: function ReportRoute() {
    const { id } = reportRoute.useParams();
    return <ReportDetailPage key={id} id={id} />;
  },
});
const zeroReportsRoute = createRoute({
  ...page('/zero-reports'),
  validateSearch: monthSearch,
  component: function ZeroReportsRoute() {
    return <ZeroReportPage month={zeroReportsRoute.useSearch().month ?? null} />;
  },
});

const warningBoardRoute = createRoute({ ...page('/warnings'), component: WarningBoardPage });
const warningIssueRoute = createRoute({
  ...page('/warnings/new'),
  validateSearch: (s: Search): { report?: number; petition?: number } => {
    const report = positiveInt(s.report);
    const petition = positiveInt(s.petition);
    return report !== undefined ? { report } : petition !== undefined ? { petition } : {};
  },
  component: function WarningIssueRoute() {
    const search = warningIssueRoute.useSearch();
    return <WarningIssuePage key={`${search.report ?? ''}:${search.petition ?? ''}`} reportId={search.report ?? null} petitionId={search.petition ?? null} />;
  },
});
const warningSettingsRoute = createRoute({ ...page('/warnings/settings'), component: WarningSettingsPage });
const warningRoute = createRoute({
  ...page('/warnings/$id'),
  params: idParam,
  component: function WarningRoute() {
    const { id } = warningRoute.useParams();
    return <WarningDetailPage key={id} id={id} />;
  },
});

const statsRoute = createRoute({ ...page('/stats'), component: StatisticsPage });

const noticeArchiveRoute = createRoute({ ...page('/notices'), component: NoticeArchivePage });
const noticeCreateRoute = createRoute({
  ...page('/notices/new'),
  validateSearch: (s: Search): { kind?: NoticeKind; warning?: number; petition?: number; report?: number; month?: string } => {
    const kind = typeof s.kind === 'string' && (NOTICE_KINDS as readonly string[]).includes(s.kind) ? (s.kind as NoticeKind) : undefined;
    const warning = positiveInt(s.warning);
    const petition = positiveInt(s.petition);
    const report = positiveInt(s.report);
    return {
      ...(kind ? { kind } : {}),
      ...(warning !== undefined ? { warning } : {}),
      ...(petition !== undefined ? { petition } : {}),
      ...(report !== undefined ? { report } : {}),
      ...monthSearch(s),
    };
  },
  component: function NoticeCreateRoute() {
    return <NoticeCreatePage request={noticeCreateRoute.useSearch()} />;
  },
});
const noticeRoute = createRoute({
  ...page('/notices/$id'),
  params: idParam,
  component: function NoticeRoute() {
    const { id } = noticeRoute.useParams();
    return <NoticeDetailPage key={id} id={id} />;
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  petitionListRoute,
  petitionIntakeRoute,
  ledgerImportRoute,
  petitionRoute,
  approvalsRoute,
  ...adminRoutes,
  dutyTabsRoute.addChildren([dutyRoute, rotationsRoute, dutyLogRoute, handoverRoute]),
  alarmsRoute,
  alarmSettingsRoute,
  reportListRoute,
  reportFormRoute,
  reportSettingsRoute,
  reportRoute,
  zeroReportsRoute,
  warningBoardRoute,
  warningIssueRoute,
  warningSettingsRoute,
  warningRoute,
  statsRoute,
  noticeArchiveRoute,
  noticeCreateRoute,
  noticeRoute,
  elsewhereRoute,
]);

/** Hash history; links are written relative to the page ('#/petitions/12'), the same under app:// and http://. */
function hashHistory() {
  const history = createHashHistory();
  history.createHref = (href) => `#${href}`;
  return history;
}

export const router = createRouter({ routeTree, history: hashHistory() });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
