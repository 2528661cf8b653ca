/**
 * The desk opens once the core says it is ready. Until then nothing else is asked of it; after a second without
 * that answer (a safety backup, a migration of a large file) the start-up screen says what is happening.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useApiQuery } from '../platform/query';
import { StartupScreen } from '../pages/entry';

/** Starts quicker than this show no start-up screen (and no flash of one). */
const QUIET_MS = 1000;
const POLL_MS = 500;

export function StartupGate({ children }: { children: ReactNode }) {
  const [since] = useState(() => Date.now());
  const [quiet, setQuiet] = useState(true);
  const status = useApiQuery('startup.get', {}, { refetchInterval: (q) => (q.state.data?.phase === 'ready' ? false : POLL_MS) });
  useEffect(() => {
    const timer = window.setTimeout(() => setQuiet(false), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, []);
  if (status.data?.phase === 'ready') return <>{children}</>;
  if (quiet || !status.data) return null;
  return <StartupScreen progress={status.data} since={since} />;
}
