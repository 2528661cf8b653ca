/**
 * Who is logged in, and the office they work for. Pages read it with `useSession()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Office, User } from '../../../shared/api';
import type { Role } from '../../../shared/enums';
import { api, getSession, onUnauthenticated, setSession } from '../api/client';

export interface SessionState {
  readonly user: User | null;
  readonly office: Office | null;
  readonly ready: boolean;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  can(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [office, setOffice] = useState<Office | null>(null);
  const [ready, setReady] = useState(false);

  const load = useCallback(async () => {
    if (!getSession()) {
      setUser(null);
      setReady(true);
      return;
    }
    const r = await api.call('auth.get', {});
    if (r.ok) {
      setUser(r.value.user);
      setOffice(r.value.office);
    } else {
      setSession(null);
      setUser(null);
    }
    setReady(true);
  }, []);

  useEffect(() => {
    void load();
    return onUnauthenticated(() => {
      setSession(null);
      setUser(null);
    });
  }, [load]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      office,
      ready,
      async signIn(token) {
        setSession(token);
        await load();
      },
      async signOut() {
        await api.call('auth.logout', {});
        setSession(null);
        setUser(null);
      },
      can: (...roles) => user !== null && (user.role === 'admin' || roles.includes(user.role)),
    }),
    [user, office, ready, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
