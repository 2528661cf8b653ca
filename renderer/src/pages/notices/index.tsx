import type { Route } from '../../app/router';
import { NoticeArchivePage } from './NoticeArchivePage';
import { NoticeCreatePage } from './NoticeCreatePage';
import { NoticeDetailPage } from './NoticeDetailPage';

/** Routes under /notices: the archive, /notices/new (draft from a record), /notices/:id. */
export function NoticeRoutes({ route }: { route: Route }) {
  const [, second] = route.parts;
  if (second === 'new') return <NoticeCreatePage query={route.query} />;
  const id = Number(second);
  if (second && Number.isInteger(id) && id > 0) return <NoticeDetailPage key={id} id={id} />;
  return <NoticeArchivePage />;
}
