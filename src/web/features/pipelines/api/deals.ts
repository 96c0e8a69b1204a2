import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BulkMoveBody,
  BulkMoveResult,
  CreateDealBody,
  Deal,
  DealListQuery,
  DealPage,
  MoveDealBody,
  StageHistory,
  StageHistoryEntry,
  UpdateDealBody,
} from '../../../../shared/contracts/deals';
import { http, type QueryValue } from '../../../lib/api';
import type { PageQuery } from '../../../../shared/contracts/common';

export type { Deal, StageHistoryEntry };
export type BulkResult = z.infer<typeof BulkMoveResult>;

/** Every deal query (boards, lists, one deal, forecasts) starts with `dealKeys.all`. */
export const dealKeys = {
  all: ['deals'] as const,
  detail: (id: string) =>
    queryOptions({ queryKey: [...dealKeys.all, 'one', id], queryFn: () => http.get<Deal>(`/deals/${id}`) }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...dealKeys.all, 'history', id],
      queryFn: () => http.get<z.infer<typeof StageHistory>>(`/deals/${id}/history`).then((r) => r.items),
    }),
  list: (params: DealListParams) =>
    infiniteQueryOptions({
      queryKey: [...dealKeys.all, 'list', params],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof DealPage>>('/deals', {
          ...params,
          cursor: pageParam,
          limit: 100,
          includeTotal: !pageParam,
        } as Record<string, QueryValue>),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** Items of one contact (the contact page links to them). */
  ofContact: (contactId: string) =>
    queryOptions({
      queryKey: [...dealKeys.all, 'contact', contactId],
      queryFn: () => http.get<z.infer<typeof DealPage>>('/deals', { contactId, limit: 50 }).then((r) => r.items),
    }),
};

export function useDeal(id: string | undefined) {
  return useQuery({ ...dealKeys.detail(id ?? ''), enabled: Boolean(id) });
}
export function useDealHistory(id: string | undefined) {
  return useQuery({ ...dealKeys.history(id ?? ''), enabled: Boolean(id) });
}

/** GET /deals: the board's filters plus pipeline, stage, status and order (the paging fields aside). */
export type DealListParams = Omit<z.input<typeof DealListQuery>, keyof z.input<typeof PageQuery>> &
  Required<Pick<z.input<typeof DealListQuery>, 'sort' | 'order'>>;
export function useDealList(params: DealListParams) {
  return useInfiniteQuery(dealKeys.list(params));
}
export function useContactDeals(contactId: string) {
  return useQuery(dealKeys.ofContact(contactId));
}

export type DealInput = z.input<typeof CreateDealBody>;
export type DealPatch = z.input<typeof UpdateDealBody>;
export type MoveInput = z.input<typeof MoveDealBody>;
export const createDeal = (body: DealInput) => http.post<Deal>('/deals', body);
export const updateDeal = (id: string, body: DealPatch) => http.patch<Deal>(`/deals/${id}`, body);
export const deleteDeal = (id: string) => http.delete<{ ok: true }>(`/deals/${id}`);
export const moveDeal = (id: string, body: MoveInput) => http.post<Deal>(`/deals/${id}/move`, body);
export const bulkMove = (body: z.input<typeof BulkMoveBody>) => http.post<BulkResult>('/deals/bulk-move', body);
