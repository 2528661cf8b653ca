import { Text } from '@mantine/core';
import type { Route } from '../../app/router';

/** Routes under /notices (being built). */
export function NoticeRoutes({ route }: { route: Route }) {
  return <Text c="dimmed">{route.path}</Text>;
}
