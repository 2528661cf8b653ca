/**
 * Who is logged in, the office they work for, and what they may do. A button asks whether the person may
 * call the procedure it calls (`session.may('petitions.transition')`), which the contract's `access` answers,
 * so the renderer keeps no role lists of its own.
 *
 * @example
 * const session = useSession();
 * {session.may('petitions.create') && <Button>信访登记</Button>}
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { contract, type Office, type ProcedureName, type User } from '../../../shared/api';
import type { Role } from '../../../shared/enums';
import { getSession, onUnauthenticated, setSession } from './api-client';
import { apiQueryKey, callApi, useApiQuery } from './query';

export interface SessionState {
  readonly user: User | null;
  readonly office: Office | null;
  readonly ready: boolean;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  /** Whether the contract lets this person call `name` (administrators may call everything but 'public'). */
  may(name: ProcedureName): boolean;
  /**
   * For the few rules the contract cannot state because the core decides them per step (only a leader signs
   * a notice or approves a report, though drafters and handlers call the same procedure): the person holds
   * `role`, or is an administrator.
   */
  holds(role: Role): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function mayCall(user: Pick<User, 'role'> | null, name: ProcedureName): boolean {
  const access = contract[name].access;
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'any' || user.role === 'admin' || access.includes(user.role);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [token, setToken] = useState(getSession);
  const me = useApiQuery('auth.get', token ? {} : null);

  // Another person's answers must never show: a change of session empties every cached answer (the screens
  // still open ask again, as the new person).
  const switchTo = useCallback(
    (next: string | null) => {
      // Requests still under way when a session ends come back refused one by one: once is enough.
      if (next === null && getSession() === null) return setToken(null);
      setSession(next);
      void client.resetQueries();
      setToken(next);
    },
    [client],
  );

  useEffect(() => onUnauthenticated(() => switchTo(null)), [switchTo]);
  useEffect(() => {
    if (me.isError) switchTo(null);
  }, [me.isError, switchTo]);

  const user = token ? (me.data?.user ?? null) : null;
  const office = token ? (me.data?.office ?? null) : null;
  const ready = !token || !me.isPending;

  const value = useMemo<SessionState>(
    () => ({
      user,
      office,
      ready,
      async signIn(next) {
        switchTo(next);
        // Resolves once the person is known, so the caller can go on to a page that needs them.
        await client.fetchQuery({ queryKey: apiQueryKey('auth.get', {}), queryFn: () => callApi('auth.get', {}) }).catch(() => undefined);
      },
      async signOut() {
        await callApi('auth.logout', {}).catch(() => undefined);
        switchTo(null);
      },
      may: (name) => mayCall(user, name),
      holds: (role) => user !== null && (user.role === 'admin' || user.role === role),
    }),
    [user, office, ready, switchTo, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
