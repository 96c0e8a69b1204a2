import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../shared/contracts/auth';
import type { Permission } from '../../shared/permissions';
import { api, isApiError, setCsrfToken } from './api';

export type { SessionInfo };

/** The signed-in session, or null when signed out (401). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const info = await api<SessionInfo>('/auth/session');
    setCsrfToken(info.csrfToken);
    return info;
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

/** The session's query (one key: invalidate `sessionKey` to refetch it, set it after sign-in). */
export const sessionQuery = queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: 5 * 60_000 });
export const sessionKey = sessionQuery.queryKey;

export function useSessionQuery() {
  return useQuery(sessionQuery);
}

// While signing out, the shell can render once more after the session is gone and before the
// redirect to /login takes over; it then gets the last session instead of crashing.
let lastSession: SessionInfo | null = null;

/** The session inside the signed-in app (the shell renders only with one). */
export function useSession(): SessionInfo {
  const { data } = useSessionQuery();
  if (data) lastSession = data;
  if (!lastSession) throw new Error('useSession is for pages inside the signed-in app');
  return data ?? lastSession;
}

/** Whether the signed-in user may do something; use it to hide or disable actions. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useSessionQuery();
  return (permission) => Boolean(data?.permissions.includes(permission));
}

/** Stores a fresh SessionInfo (after login, switching workspace, profile change) and its CSRF token. */
export function useSetSession(): (info: SessionInfo | null) => void {
  const queryClient = useQueryClient();
  return (info) => {
    setCsrfToken(info?.csrfToken ?? '');
    queryClient.setQueryData(sessionKey, info);
  };
}
