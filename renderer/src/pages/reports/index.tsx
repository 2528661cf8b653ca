import type { Route } from '../../app/router';
import { ReportDetailPage } from './ReportDetailPage';
import { ReportFormPage } from './ReportFormPage';
import { ReportListPage } from './ReportListPage';
import { ReportSettingsPage } from './ReportSettingsPage';
import { ZeroReportPage } from './ZeroReportPage';

/**
 * Routes under /reports and /zero-reports: the list, '/reports/new' (with '?follow=<id>' for a follow-up),
 * '/reports/settings', '/reports/:id', and '/zero-reports?month=YYYY-MM'.
 */
export function ReportRoutes({ route }: { route: Route }) {
  if (route.parts[0] === 'zero-reports') return <ZeroReportPage route={route} />;
  const second = route.parts[1];
  if (second === 'new') {
    const follow = Number(route.query.get('follow'));
    const followOf = Number.isInteger(follow) && follow > 0 ? follow : null;
    return <ReportFormPage key={route.query.toString()} followOf={followOf} />;
  }
  if (second === 'settings') return <ReportSettingsPage />;
  const id = Number(second);
  if (second !== undefined && Number.isInteger(id) && id > 0) return <ReportDetailPage key={id} id={id} />;
  return <ReportListPage />;
}
