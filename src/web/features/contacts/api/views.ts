import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateSavedViewBody, SavedView } from '../../../../shared/contracts/contacts-query';
import { http } from '../../../lib/api';

export type { SavedView };
export const savedViewKeys = {
  all: ['saved-views'] as const,
  list: (entity: SavedView['entity']) =>
    queryOptions({
      queryKey: [...savedViewKeys.all, 'list', entity],
      queryFn: () => http.get<{ items: SavedView[] }>('/saved-views', { entity }).then((r) => r.items),
    }),
};
export function useSavedViews() {
  return useQuery(savedViewKeys.list('contacts'));
}
export const createSavedView = (input: z.input<typeof CreateSavedViewBody>) =>
  http.post<SavedView>('/saved-views', input);
export const updateSavedView = (id: string, patch: Record<string, unknown> & { version: number }) =>
  http.patch<SavedView>(`/saved-views/${id}`, patch);
export const deleteSavedView = (id: string) => http.delete<{ ok: true }>(`/saved-views/${id}`);
