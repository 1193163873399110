import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me, SessionResponse } from '../../shared/api/auth.schema.js';
import { fetchSession, signIn, signOut } from '../data/auth.api.js';
import { queryKeys } from '../data/query-keys.js';

/** The session as the server last told it: undefined while loading, null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The signed-in person; only call below <RequireSession>, which guarantees there is one. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() called without a session');
  return data.user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => signIn(body),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      const value: SessionResponse = session;
      queryClient.setQueryData(queryKeys.session, value);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}
