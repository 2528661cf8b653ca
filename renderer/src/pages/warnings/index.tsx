import { Text } from '@mantine/core';
import type { Route } from '../../app/router';

/** Routes under /warnings (being built). */
export function WarningRoutes({ route }: { route: Route }) {
  return <Text c="dimmed">{route.path}</Text>;
}
