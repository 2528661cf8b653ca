import { Text } from '@mantine/core';
import type { Route } from '../../app/router';

/** Routes under /stats (being built). */
export function StatsRoutes({ route }: { route: Route }) {
  return <Text c="dimmed">{route.path}</Text>;
}
