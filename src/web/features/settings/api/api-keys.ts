import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiKey, CreatedApiKey } from '../../../../shared/contracts/api-keys';
import type { Role } from '../../../../shared/permissions';
import { http } from '../../../lib/api';

export type { ApiKey };
export type NewApiKey = z.infer<typeof CreatedApiKey>;

export const apiKeysKey = ['api-keys'] as const;
export const fetchApiKeys = () => http.get<{ items: ApiKey[] }>('/api-keys').then((r) => r.items);
export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: fetchApiKeys });
}
export const createApiKey = (input: { name: string; role: Role }) => http.post<NewApiKey>('/api-keys', input);
export const revokeApiKey = (id: string) => http.delete<ApiKey>(`/api-keys/${encodeURIComponent(id)}`);
