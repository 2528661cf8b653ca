import type { Route } from '../../app/router';

/** Routes under /duty and /handover. */
export function DutyRoutes({ route }: { route: Route }) {
  return <div>值班（建设中） {route.path}</div>;
}
