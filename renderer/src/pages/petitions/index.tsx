import type { Route } from '../../app/router';
import { PetitionDetailPage } from './PetitionDetailPage';
import { PetitionIntakePage } from './PetitionIntakePage';
import { PetitionListPage } from './PetitionListPage';

/** Routes under /petitions: the list ('?overdue=1', '?sort=due'), '/petitions/new' intake, '/petitions/:id' detail. */
export function PetitionRoutes({ route }: { route: Route }) {
  const second = route.parts[1];
  if (second === 'new') return <PetitionIntakePage />;
  const id = Number(second);
  if (second !== undefined && Number.isInteger(id) && id > 0) return <PetitionDetailPage key={id} id={id} />;
  // A new key per query string: the home page's tiles open the list with their own filters.
  return <PetitionListPage key={route.query.toString()} route={route} />;
}
