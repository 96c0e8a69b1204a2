import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BulkMoveBody,
  BulkMoveResult,
  CreateDealBody,
  Deal,
  DealPage,
  MoveDealBody,
  StageHistoryEntry,
  UpdateDealBody,
} from '../../../../shared/contracts/deals';
import { http, type QueryValue } from '../../../lib/api';
import type { BoardFilters } from './board';

export type { Deal, StageHistoryEntry };
export type BulkResult = z.infer<typeof BulkMoveResult>;

export const dealsKey = ['deals'] as const;
export const dealKey = (id: string) => ['deals', 'one', id] as const;
export const dealHistoryKey = (id: string) => ['deals', 'history', id] as const;

export function useDeal(id: string | undefined) {
  return useQuery({ queryKey: dealKey(id ?? ''), queryFn: () => http.get<Deal>(`/deals/${id}`), enabled: Boolean(id) });
}
export function useDealHistory(id: string | undefined) {
  return useQuery({
    queryKey: dealHistoryKey(id ?? ''),
    queryFn: () => http.get<{ items: StageHistoryEntry[] }>(`/deals/${id}/history`).then((r) => r.items),
    enabled: Boolean(id),
  });
}

export interface DealListParams extends BoardFilters {
  pipelineId?: string;
  stageId?: string;
  status?: string;
  sort: 'createdAt' | 'updatedAt' | 'value' | 'title';
  order: 'asc' | 'desc';
}
export function useDealList(params: DealListParams) {
  return useInfiniteQuery({
    queryKey: ['deals', 'list', params],
    queryFn: ({ pageParam }) =>
      http.get<z.infer<typeof DealPage>>('/deals', {
        ...params,
        cursor: pageParam,
        limit: 100,
        includeTotal: !pageParam,
      } as Record<string, QueryValue>),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Items of one contact (the contact page links to them). */
export function useContactDeals(contactId: string) {
  return useQuery({
    queryKey: ['deals', 'contact', contactId],
    queryFn: () => http.get<z.infer<typeof DealPage>>('/deals', { contactId, limit: 50 }).then((r) => r.items),
  });
}

export type DealInput = z.input<typeof CreateDealBody>;
export type DealPatch = z.input<typeof UpdateDealBody>;
export type MoveInput = z.input<typeof MoveDealBody>;
export const createDeal = (body: DealInput) => http.post<Deal>('/deals', body);
export const updateDeal = (id: string, body: DealPatch) => http.patch<Deal>(`/deals/${id}`, body);
export const deleteDeal = (id: string) => http.delete<{ ok: true }>(`/deals/${id}`);
export const moveDeal = (id: string, body: MoveInput) => http.post<Deal>(`/deals/${id}/move`, body);
export const bulkMove = (body: z.input<typeof BulkMoveBody>) => http.post<BulkResult>('/deals/bulk-move', body);
