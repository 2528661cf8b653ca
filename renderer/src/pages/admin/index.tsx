import type { Route } from '../../app/router';

/** Routes under /admin. */
export function AdminRoutes({ route }: { route: Route }) {
  return <div>系统管理（建设中） {route.path}</div>;
}
