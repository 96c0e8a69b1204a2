import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Activity,
  ActivityType,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../../shared/contracts/activities';
import { http } from '../../../lib/api';

export type { Activity, ActivityType };
export type ActivityOutcome = NonNullable<Activity['outcome']>;

export interface ActivityFilters {
  contactId?: string;
  dealId?: string;
  /** Comma-separated type ids or keys. */
  typeId?: string;
  userId?: string;
  outcome?: string;
  status?: 'done' | 'scheduled';
  from?: string;
  to?: string;
}
interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
  total?: number;
}

/** Everything activity-related refetches under this prefix (lists, timelines, tasks made from next actions). */
export const activitiesRootKey = ['activities'] as const;
export const activitiesKey = (filters: ActivityFilters) => ['activities', 'list', filters] as const;
export const activityTypesKey = ['activities', 'types'] as const;
export const activitySettingsKey = ['activities', 'settings'] as const;

export function useActivities(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activitiesKey(filters),
    queryFn: ({ pageParam }) =>
      http.get<ActivityPage>('/activities', { ...filters, cursor: pageParam, limit: 50, includeTotal: !pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useActivityTypes(includeArchived = false) {
  return useQuery({
    queryKey: [...activityTypesKey, includeArchived],
    queryFn: () => http.get<{ items: ActivityType[] }>('/activity-types', { includeArchived }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export const createActivity = (input: CreateActivityBody) => http.post<Activity>('/activities', input);
export const updateActivity = (id: string, patch: UpdateActivityBody) =>
  http.patch<Activity>(`/activities/${id}`, patch);
export const completeActivity = (id: string, body: { outcome?: ActivityOutcome | null; version?: number }) =>
  http.post<Activity>(`/activities/${id}/complete`, body);
export const deleteActivity = (id: string) => http.delete<{ ok: true }>(`/activities/${id}`);

export const createActivityType = (input: {
  name: string;
  icon?: string | null;
  color: string;
  hasDuration: boolean;
  hasOutcome: boolean;
}) => http.post<ActivityType>('/activity-types', input);
export const updateActivityType = (
  id: string,
  patch: Partial<
    Pick<ActivityType, 'name' | 'icon' | 'color' | 'hasDuration' | 'hasOutcome' | 'isArchived' | 'position'>
  > & { version: number },
) => http.patch<ActivityType>(`/activity-types/${id}`, patch);
export const deleteActivityType = (id: string) => http.delete<{ ok: true }>(`/activity-types/${id}`);

export function useActivitySettings() {
  return useQuery({
    queryKey: activitySettingsKey,
    queryFn: () => http.get<{ nextActionCreatesTask: boolean }>('/activity-settings'),
  });
}
export const updateActivitySettings = (input: { nextActionCreatesTask: boolean }) =>
  http.put<{ nextActionCreatesTask: boolean }>('/activity-settings', input);
