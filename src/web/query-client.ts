import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './data/client.js';
import { queryKeys } from './data/query-keys.js';

/** A 401 that means the session has ended (not a wrong password typed into a form). */
function sessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.problem?.code !== 'invalid_credentials';
}

/**
 * A 403 that means the session must first change its password or enrol a second factor (SEC-1),
 * e.g. after an administrator has just made the second factor required.
 */
function sessionHeld(error: unknown): boolean {
  const code = error instanceof ApiError && error.status === 403 ? error.problem?.code : undefined;
  return code === 'password_change_required' || code === 'mfa_enrolment_required';
}

/**
 * The app's query client: no retries on 4xx, an ended session sends everyone to sign in, and a
 * held one is read again so that the account page takes over.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (key?.[0] === queryKeys.session[0]) return;
    if (sessionEnded(error)) client.setQueryData(queryKeys.session, null);
    else if (sessionHeld(error)) void client.invalidateQueries({ queryKey: queryKeys.session });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
