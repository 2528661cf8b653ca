import type { Route } from '../../app/router';

/** Routes under /alarms. */
export function AlarmRoutes({ route }: { route: Route }) {
  return <div>期限提醒（建设中） {route.path}</div>;
}
