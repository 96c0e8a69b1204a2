import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '../../../../shared/contracts/api-keys';
import { http } from '../../../lib/api';

export type { ApiKey };
export type NewApiKey = z.infer<typeof CreatedApiKey>;

export const fetchApiKeys = () => http.get<{ items: ApiKey[] }>('/api-keys').then((r) => r.items);
export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => queryOptions({ queryKey: [...apiKeyKeys.all, 'list'], queryFn: fetchApiKeys }),
};
export function useApiKeys() {
  return useQuery(apiKeyKeys.list());
}
export const createApiKey = (input: z.input<typeof CreateApiKeyBody>) => http.post<NewApiKey>('/api-keys', input);
export const revokeApiKey = (id: string) => http.delete<ApiKey>(`/api-keys/${encodeURIComponent(id)}`);
