import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Activity,
  ActivityOutcome,
  ActivityPage,
  ActivityQuery,
  ActivitySettings,
  ActivityType,
  CreateActivityBody,
  CreateActivityTypeBody,
  UpdateActivityBody,
  UpdateActivitySettingsBody,
  UpdateActivityTypeBody,
} from '../../../../shared/contracts/activities';
import type { PageQuery } from '../../../../shared/contracts/common';
import { http } from '../../../lib/api';

export type { Activity, ActivityOutcome, ActivityType };

/** GET /activities filters (the query string without the paging fields). */
export type ActivityFilters = Omit<z.input<typeof ActivityQuery>, keyof z.input<typeof PageQuery>>;

/**
 * Everything activity-related refetches under `activityKeys.all` (lists, timelines, calendars, and
 * tasks made from next actions: taskKeys, timelineKeys and calendarKeys extend it).
 */
export const activityKeys = {
  all: ['activities'] as const,
  list: (filters: ActivityFilters) =>
    infiniteQueryOptions({
      queryKey: [...activityKeys.all, 'list', filters],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof ActivityPage>>('/activities', {
          ...filters,
          cursor: pageParam,
          limit: 50,
          includeTotal: !pageParam,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};

export const activityTypeKeys = {
  all: ['activity-types'] as const,
  list: (includeArchived: boolean) =>
    queryOptions({
      queryKey: [...activityTypeKeys.all, 'list', includeArchived],
      queryFn: () => http.get<{ items: ActivityType[] }>('/activity-types', { includeArchived }).then((r) => r.items),
      staleTime: 5 * 60_000,
    }),
};

export const activitySettingsKeys = {
  all: ['activity-settings'] as const,
  get: () =>
    queryOptions({
      queryKey: [...activitySettingsKeys.all, 'get'],
      queryFn: () => http.get<z.infer<typeof ActivitySettings>>('/activity-settings'),
    }),
};

export function useActivities(filters: ActivityFilters) {
  return useInfiniteQuery(activityKeys.list(filters));
}

export function useActivityTypes(includeArchived = false) {
  return useQuery(activityTypeKeys.list(includeArchived));
}

export const createActivity = (input: CreateActivityBody) => http.post<Activity>('/activities', input);
export const updateActivity = (id: string, patch: UpdateActivityBody) =>
  http.patch<Activity>(`/activities/${id}`, patch);
export const completeActivity = (id: string, body: { outcome?: ActivityOutcome | null; version?: number }) =>
  http.post<Activity>(`/activities/${id}/complete`, body);
export const deleteActivity = (id: string) => http.delete<{ ok: true }>(`/activities/${id}`);

export const createActivityType = (input: z.input<typeof CreateActivityTypeBody>) =>
  http.post<ActivityType>('/activity-types', input);
export const updateActivityType = (id: string, patch: z.input<typeof UpdateActivityTypeBody>) =>
  http.patch<ActivityType>(`/activity-types/${id}`, patch);
export const deleteActivityType = (id: string) => http.delete<{ ok: true }>(`/activity-types/${id}`);

export function useActivitySettings() {
  return useQuery(activitySettingsKeys.get());
}
export const updateActivitySettings = (input: z.input<typeof UpdateActivitySettingsBody>) =>
  http.put<z.infer<typeof ActivitySettings>>('/activity-settings', input);
