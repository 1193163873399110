import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './data/client.js';
import { queryKeys } from './data/query-keys.js';

/** A 401 that means the session has ended (not a wrong password typed into a form). */
function sessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.problem?.code !== 'invalid_credentials';
}

/** The app's query client: no retries on 4xx, and an ended session sends everyone to sign in. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== queryKeys.session[0] && sessionEnded(error)) {
          client.setQueryData(queryKeys.session, null);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (sessionEnded(error)) client.setQueryData(queryKeys.session, null);
      },
    }),
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
