import type { Route } from '../../app/router';

/** Routes under /petitions. */
export function PetitionRoutes({ route }: { route: Route }) {
  return <div>信访事项（建设中） {route.path}</div>;
}
