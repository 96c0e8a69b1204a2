import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateSavedViewBody, SavedView } from '../../../../shared/contracts/contacts-query';
import { http } from '../../../lib/api';

export type { SavedView };
export const savedViewsKey = ['saved-views', 'contacts'] as const;
export function useSavedViews() {
  return useQuery({
    queryKey: savedViewsKey,
    queryFn: () => http.get<{ items: SavedView[] }>('/saved-views', { entity: 'contacts' }).then((r) => r.items),
  });
}
export const createSavedView = (input: z.input<typeof CreateSavedViewBody>) =>
  http.post<SavedView>('/saved-views', input);
export const updateSavedView = (id: string, patch: Record<string, unknown> & { version: number }) =>
  http.patch<SavedView>(`/saved-views/${id}`, patch);
export const deleteSavedView = (id: string) => http.delete<{ ok: true }>(`/saved-views/${id}`);
