import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/** One client for the app: no retries on 4xx (they will not get better), a short stale time. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
