import type { Route } from '../../app/router';
import { AlarmBoard } from './AlarmBoard';
import { AlarmSettingsPage } from './AlarmSettingsPage';

/** Routes under /alarms: the board ('?tab=all' for the history) and the admin's settings. */
export function AlarmRoutes({ route }: { route: Route }) {
  if (route.parts[1] === 'settings') return <AlarmSettingsPage />;
  const tab = route.query.get('tab') === 'all' ? 'all' : 'open';
  return <AlarmBoard key={tab} tab={tab} />;
}
