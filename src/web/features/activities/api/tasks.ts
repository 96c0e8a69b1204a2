import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CreateTaskBody, Task, TaskView, UpdateTaskBody } from '../../../../shared/contracts/tasks';
import { http } from '../../../lib/api';

export type { Task, TaskView };
export interface TaskFilters {
  view: TaskView;
  assigneeId?: string;
  status?: string;
  contactId?: string;
  dealId?: string;
  priority?: string;
  type?: string;
}
interface TaskPage {
  items: Task[];
  nextCursor: string | null;
  total?: number;
}
export interface TaskSummaryRow {
  assignee: { id: string; name: string } | null;
  open: number;
  overdue: number;
  dueToday: number;
}

export const tasksRootKey = ['activities', 'tasks'] as const;
export const tasksKey = (filters: TaskFilters) => ['activities', 'tasks', 'list', filters] as const;

export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: tasksKey(filters),
    queryFn: ({ pageParam }) =>
      http.get<TaskPage>('/tasks', { ...filters, cursor: pageParam, limit: 50, includeTotal: !pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTaskSummary() {
  return useQuery({
    queryKey: ['activities', 'tasks', 'summary'],
    queryFn: () => http.get<{ items: TaskSummaryRow[] }>('/tasks/summary').then((r) => r.items),
  });
}

export function useTask(id: string | null) {
  return useQuery({
    queryKey: ['activities', 'tasks', 'one', id],
    queryFn: () => http.get<Task>(`/tasks/${id}`),
    enabled: Boolean(id),
  });
}

export const createTask = (input: CreateTaskBody) => http.post<Task>('/tasks', input);
export const updateTask = (id: string, patch: UpdateTaskBody) => http.patch<Task>(`/tasks/${id}`, patch);
export const completeTask = (id: string) => http.post<Task>(`/tasks/${id}/complete`, {});
export const reopenTask = (id: string) => http.post<Task>(`/tasks/${id}/reopen`, {});
export const deleteTask = (id: string) => http.delete<{ ok: true }>(`/tasks/${id}`);
export type BulkTaskAction = 'complete' | 'reopen' | 'reassign' | 'cancel' | 'delete';
export const bulkTasks = (ids: string[], action: BulkTaskAction, assigneeId?: string) =>
  http.post<{ results: Array<{ id: string; ok: boolean; code?: string; message?: string }> }>('/tasks/bulk', {
    ids,
    action,
    ...(assigneeId ? { assigneeId } : {}),
  });
