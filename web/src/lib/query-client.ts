import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, retry: 1, refetchOnWindowFocus: false },
    // The server already retries upstream failures within a bound; retrying here would multiply them.
    mutations: { retry: false },
  },
});
