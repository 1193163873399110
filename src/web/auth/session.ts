import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginResponse, Me, SessionResponse } from '../../shared/api/auth.schema.js';
import { fetchSession, isMfaChallenge, signIn, signInWithCode, signOut } from '../data/auth.api.js';
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

/** Starts a new session in the cache, dropping whatever the previous person had loaded. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (session: LoginResponse) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    const value: SessionResponse = session;
    queryClient.setQueryData(queryKeys.session, value);
  };
}

/**
 * Whether the person is held on the account page: a required password change (SEC-1) comes first,
 * then an administrator's required second factor.
 */
export function heldOnAccountPage(me: Me): boolean {
  return me.mustChangePassword || me.mustEnrolMfa;
}

/** Signs in with a password; when the account has a second factor the answer is a challenge. */
export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (body: LoginBody) => signIn(body),
    onSuccess: (result) => {
      if (!isMfaChallenge(result)) start(result);
    },
  });
}

/** Answers the challenge with a code from the authenticator app or a recovery code. */
export function useSignInWithCode() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) => signInWithCode(body),
    onSuccess: start,
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
