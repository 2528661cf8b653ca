/**
 * The root: the query cache, the start-up gate, the session, the one subscriber that turns the core's pushes into stale reads,
 * and the router, whose root route is the gate (set-up, login, or the shell around the page).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from '../platform/query';
import { useEventInvalidation } from '../platform/pushes';
import { SessionProvider } from '../platform/session';
import { router } from './routes';
import { StartupGate } from './StartupGate';

function Pushes() {
  useEventInvalidation();
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <StartupGate>
        <Pushes />
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </StartupGate>
    </QueryClientProvider>
  );
}
