import type { Route } from '../../app/router';
import { WarningBoardPage } from './WarningBoardPage';
import { WarningDetailPage } from './WarningDetailPage';
import { WarningIssuePage } from './WarningIssuePage';
import { WarningSettingsPage } from './WarningSettingsPage';

/** Routes under /warnings: the board, '/warnings/new' ('?report=' or '?petition=' to raise from one), '/warnings/settings', '/warnings/:id'. */
export function WarningRoutes({ route }: { route: Route }) {
  const second = route.parts[1];
  if (second === 'new') return <WarningIssuePage key={route.query.toString()} route={route} />;
  if (second === 'settings') return <WarningSettingsPage />;
  const id = Number(second);
  if (second !== undefined && Number.isInteger(id) && id > 0) return <WarningDetailPage key={id} id={id} />;
  return <WarningBoardPage />;
}
