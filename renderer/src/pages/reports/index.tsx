import { Text } from '@mantine/core';
import type { Route } from '../../app/router';

/** Routes under /reports (being built). */
export function ReportRoutes({ route }: { route: Route }) {
  return <Text c="dimmed">{route.path}</Text>;
}
