import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PageQuery } from '../../../../shared/contracts/common';
import type {
  BulkTaskBody,
  BulkTaskResult,
  CreateTaskBody,
  Task,
  TaskPage,
  TaskQuery,
  TaskSummary,
  TaskView,
  UpdateTaskBody,
} from '../../../../shared/contracts/tasks';
import { http } from '../../../lib/api';
import { activityKeys } from './activities';

export type { Task, TaskView };
/** GET /tasks filters (the query string without the paging fields); the page always names its view. */
export type TaskFilters = Omit<z.input<typeof TaskQuery>, keyof z.input<typeof PageQuery>> & { view: TaskView };
export type TaskSummaryRow = z.infer<typeof TaskSummary>['items'][number];
export type BulkTaskAction = z.input<typeof BulkTaskBody>['action'];

/** Under the activities key: a next action logged with an activity becomes a task. */
export const taskKeys = {
  all: [...activityKeys.all, 'tasks'] as const,
  list: (filters: TaskFilters) =>
    infiniteQueryOptions({
      queryKey: [...taskKeys.all, 'list', filters],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof TaskPage>>('/tasks', {
          ...filters,
          cursor: pageParam,
          limit: 50,
          includeTotal: !pageParam,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  summary: () =>
    queryOptions({
      queryKey: [...taskKeys.all, 'summary'],
      queryFn: () => http.get<z.infer<typeof TaskSummary>>('/tasks/summary').then((r) => r.items),
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...taskKeys.all, 'one', id], queryFn: () => http.get<Task>(`/tasks/${id}`) }),
};

export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery(taskKeys.list(filters));
}

export function useTaskSummary() {
  return useQuery(taskKeys.summary());
}

export function useTask(id: string | null) {
  return useQuery({ ...taskKeys.detail(id ?? ''), enabled: Boolean(id) });
}

export const createTask = (input: CreateTaskBody) => http.post<Task>('/tasks', input);
export const updateTask = (id: string, patch: UpdateTaskBody) => http.patch<Task>(`/tasks/${id}`, patch);
export const completeTask = (id: string) => http.post<Task>(`/tasks/${id}/complete`, {});
export const reopenTask = (id: string) => http.post<Task>(`/tasks/${id}/reopen`, {});
export const deleteTask = (id: string) => http.delete<{ ok: true }>(`/tasks/${id}`);
export const bulkTasks = (ids: string[], action: BulkTaskAction, assigneeId?: string) =>
  http.post<z.infer<typeof BulkTaskResult>>('/tasks/bulk', {
    ids,
    action,
    ...(assigneeId ? { assigneeId } : {}),
  });
