import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Board, BoardColumn, CardPage, DealCard, DealFilter } from '../../../../shared/contracts/deals';
import { http, type QueryValue } from '../../../lib/api';
import { dealKeys } from './deals';

export type { Board, BoardColumn, DealCard };

/** The board's filters (GET /pipelines/:id/board), each one string as the URL keeps it. */
export type BoardFilters = { [K in Exclude<keyof z.input<typeof DealFilter>, 'contactId'>]?: string };

export const fetchBoard = (pipelineId: string, filters: BoardFilters) =>
  http.get<Board>(`/pipelines/${pipelineId}/board`, { ...filters, limit: 50 } as Record<string, QueryValue>);

/** Under the deals key: any deal change refreshes the boards. */
export const boardKeys = {
  all: [...dealKeys.all, 'board'] as const,
  detail: (pipelineId: string, filters: BoardFilters) =>
    queryOptions({
      queryKey: [...boardKeys.all, pipelineId, filters],
      queryFn: () => fetchBoard(pipelineId, filters),
      placeholderData: (prev: Board | undefined) => prev,
    }),
};

export function useBoard(pipelineId: string, filters: BoardFilters) {
  return useQuery(boardKeys.detail(pipelineId, filters));
}

/** The next page of one column (appended to the board in the page's state, not cached on its own). */
export const fetchColumnPage = (pipelineId: string, stageId: string, filters: BoardFilters, cursor: string) =>
  http.get<z.infer<typeof CardPage>>(`/pipelines/${pipelineId}/stages/${stageId}/cards`, {
    ...filters,
    cursor,
    limit: 100,
  } as Record<string, QueryValue>);
