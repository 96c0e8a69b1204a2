import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePipelineBody,
  CreateStageBody,
  Pipeline,
  PipelineList,
  Stage,
  UpdatePipelineBody,
  UpdateStageBody,
} from '../../../../shared/contracts/pipelines';
import { http } from '../../../lib/api';

export type { Pipeline, Stage };

export const fetchPipelines = () => http.get<z.infer<typeof PipelineList>>('/pipelines').then((r) => r.items);

export const pipelineKeys = {
  all: ['pipelines'] as const,
  /** Every pipeline with its stages (a short list, cached and shared: one pipeline is read from it). */
  list: () => queryOptions({ queryKey: [...pipelineKeys.all, 'list'], queryFn: fetchPipelines, staleTime: 30_000 }),
};
export function usePipelines() {
  return useQuery(pipelineKeys.list());
}

/** One pipeline from the list (the list is small and cached). */
export function usePipeline(id: string | undefined) {
  const list = usePipelines();
  return { ...list, data: list.data?.find((p) => p.id === id) };
}

export const createPipeline = (body: z.input<typeof CreatePipelineBody>) => http.post<Pipeline>('/pipelines', body);
export const updatePipeline = (id: string, body: z.input<typeof UpdatePipelineBody>) =>
  http.patch<Pipeline>(`/pipelines/${id}`, body);
export const deletePipeline = (id: string) => http.delete<{ ok: true }>(`/pipelines/${id}`);
export const addStage = (id: string, body: z.input<typeof CreateStageBody>) =>
  http.post<Pipeline>(`/pipelines/${id}/stages`, body);
export const updateStage = (id: string, stageId: string, body: z.input<typeof UpdateStageBody>) =>
  http.patch<Pipeline>(`/pipelines/${id}/stages/${stageId}`, body);
export const reorderStages = (id: string, stageIds: string[]) =>
  http.put<Pipeline>(`/pipelines/${id}/stages/order`, { stageIds });
export const deleteStage = (id: string, stageId: string, targetStageId?: string) =>
  http.delete<{ ok: true; movedItems: number }>(
    `/pipelines/${id}/stages/${stageId}${targetStageId ? `?targetStageId=${encodeURIComponent(targetStageId)}` : ''}`,
  );
