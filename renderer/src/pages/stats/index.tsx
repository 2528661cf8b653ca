import '@mantine/charts/styles.css';
import type { Route } from '../../app/router';
import { StatisticsPage } from './StatisticsPage';

/** Routes under /stats: one statistics page; the range and the section are chosen on it. */
export function StatsRoutes({ route }: { route: Route }) {
  void route;
  return <StatisticsPage />;
}
