import { useQuery } from '@tanstack/react-query';
import type { Board, BoardColumn, DealCard } from '../../../../shared/contracts/deals';
import { http, type QueryValue } from '../../../lib/api';

export type { Board, BoardColumn, DealCard };

/** Board filters as the URL and the API spell them. */
export interface BoardFilters {
  ownerId?: string;
  source?: string;
  tags?: string;
  custom?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
}

export const boardsKey = ['deals', 'board'] as const;
export const boardKey = (pipelineId: string, filters: BoardFilters) => ['deals', 'board', pipelineId, filters] as const;

export const fetchBoard = (pipelineId: string, filters: BoardFilters) =>
  http.get<Board>(`/pipelines/${pipelineId}/board`, { ...filters, limit: 50 } as Record<string, QueryValue>);
export function useBoard(pipelineId: string, filters: BoardFilters) {
  return useQuery({
    queryKey: boardKey(pipelineId, filters),
    queryFn: () => fetchBoard(pipelineId, filters),
    placeholderData: (prev) => prev,
  });
}

/** The next page of one column. */
export const fetchColumnPage = (pipelineId: string, stageId: string, filters: BoardFilters, cursor: string) =>
  http.get<{ items: DealCard[]; nextCursor: string | null }>(`/pipelines/${pipelineId}/stages/${stageId}/cards`, {
    ...filters,
    cursor,
    limit: 100,
  } as Record<string, QueryValue>);
