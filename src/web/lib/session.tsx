/**
 * The signed-in user, shared by the whole app. Loads /api/auth/me once, keeps the CSRF token in the API
 * client, and reacts to the server saying the session is gone (back to the login page) or that the
 * password must be changed first. Permissions here only hide what the server would refuse anyway.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CurrentUser, LoginInput } from '../../shared/auth/auth.schema';
import type { Permission } from '../../shared/permissions';
import { api, ApiError, onApiError, setCsrfToken } from './api';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: ApiError }
  | { status: 'signed-in'; user: CurrentUser };

interface SessionValue {
  state: SessionState;
  login(input: LoginInput): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Re-reads /api/auth/me (after a password change, for instance). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

const SESSION_LOST = new Set(['AUTH.REQUIRED', 'AUTH.SESSION_EXPIRED']);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((user: CurrentUser) => {
    setCsrfToken(user.csrfToken);
    setState({ status: 'signed-in', user });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.get<CurrentUser>('/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && SESSION_LOST.has(error.code)) {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      } else if (error instanceof ApiError) {
        setState({ status: 'error', error });
      } else {
        throw error;
      }
    }
  }, [signedIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onApiError((error) => {
        if (SESSION_LOST.has(error.code)) {
          setCsrfToken(null);
          setState((s) => (s.status === 'signed-in' ? { status: 'anonymous' } : s));
        } else if (error.code === 'AUTH.PASSWORD_CHANGE_REQUIRED') {
          setState((s) =>
            s.status === 'signed-in' && !s.user.mustChangePassword
              ? { status: 'signed-in', user: { ...s.user, mustChangePassword: true } }
              : s,
          );
        }
      }),
    [],
  );

  const login = useCallback(
    async (input: LoginInput) => {
      const user = await api.post<CurrentUser>('/auth/login', input);
      signedIn(user);
      return user;
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch (error) {
      // Already signed out on the server: nothing left to do but forget it here.
      if (!(error instanceof ApiError && SESSION_LOST.has(error.code))) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}

export function hasAny(user: Pick<CurrentUser, 'permissions'>, ...permissions: Permission[]): boolean {
  return permissions.some((p) => user.permissions.includes(p));
}

/** Whether the current user holds any of the permissions (to hide buttons; the server still decides). */
export function useCan(...permissions: Permission[]): boolean {
  return hasAny(useCurrentUser(), ...permissions);
}
