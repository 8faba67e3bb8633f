import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { notifyError } from '../lib/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    mutationMeta: {
      /** The page shows this mutation's errors itself (inline, next to the form); no toast. */
      inlineErrors?: boolean;
    };
  }
}

export const ME_KEY = ['auth', 'me'] as const;
export const SETUP_KEY = ['setup'] as const;

/** A request that the server refused because the session ended: forget the user, the guard redirects. */
function onUnauthenticated(err: unknown) {
  if (err instanceof ApiError && err.status === 401 && err.code === 'auth.unauthenticated') {
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      onUnauthenticated(err);
      if (!mutation.meta?.inlineErrors) notifyError(err);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves; network and server errors may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
