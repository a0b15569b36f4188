import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { EffectiveGrant, Me, User } from '../api/types';
import { canWriteSomewhere, isAdmin } from './rights';

interface Session {
  user: User | null;
  /** The roles in force today, each on a territory (explicit grants and, where enabled, mandates). */
  grants: readonly EffectiveGrant[];
  /** False until the first `/api/auth/me` answer. */
  isKnown: boolean;
  /** Officers and administrators write on their territories; readers and visitors only read. */
  canWriteSomewhere: boolean;
  /** Administrators manage users, grants and the organization's settings. */
  isAdmin: boolean;
  /** Administrators and officers read the audit log (of their territories for officers). */
  canReadAudit: boolean;
  /** The territory the user is in charge of, where their pages start: the whole country when none. */
  homeCode: string;
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const NO_GRANTS: readonly EffectiveGrant[] = [];

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [isKnown, setIsKnown] = useState(false);

  const loadMe = useCallback((isCurrent: () => boolean) => {
    api.me().then(
      ({ user }) => {
        if (!isCurrent()) return;
        setMe(user);
        setIsKnown(true);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        // 401 means a visitor; any other failure also leaves the public pages usable.
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('session check failed', error);
        setMe(null);
        setIsKnown(true);
      },
    );
  }, []);

  useEffect(() => {
    let isCurrent = true;
    loadMe(() => isCurrent);
    return () => {
      isCurrent = false;
    };
  }, [loadMe]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, []);

  const signedIn = useCallback(
    (user: User) => {
      // Signing in answers the user without their roles: keep what is known, then ask for the roles.
      setMe((current) => ({ ...user, grants: current?.id === user.id ? current.grants : [] }));
      setIsKnown(true);
      loadMe(() => true);
    },
    [loadMe],
  );

  const value = useMemo<Session>(() => {
    const grants = me?.grants ?? NO_GRANTS;
    const writes = canWriteSomewhere(grants);
    return {
      user: me,
      grants,
      isKnown,
      canWriteSomewhere: writes,
      isAdmin: isAdmin(grants),
      canReadAudit: writes,
      homeCode: me?.scopeCode ?? 'MA',
      signedIn,
      signOut,
    };
  }, [me, isKnown, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
