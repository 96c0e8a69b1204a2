import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Notification,
  NotificationPage,
  NotificationSettings,
  UnreadCount,
  UpdateNotificationSettingsBody,
} from '../../../../shared/contracts/notifications';
import { http } from '../../../lib/api';

export type { Notification, NotificationSettings };

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () =>
    queryOptions({
      queryKey: [...notificationKeys.all, 'unread'],
      queryFn: () => http.get<z.infer<typeof UnreadCount>>('/notifications/unread-count').then((r) => r.count),
      staleTime: 60_000,
    }),
  list: (unreadOnly: boolean) =>
    infiniteQueryOptions({
      queryKey: [...notificationKeys.all, 'list', unreadOnly],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof NotificationPage>>('/notifications', {
          cursor: pageParam,
          limit: 20,
          unread: unreadOnly || undefined,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
/** Apart from notificationKeys: reading a notification does not refetch the settings. */
export const notificationSettingsKeys = {
  all: ['notification-settings'] as const,
  get: () =>
    queryOptions({
      queryKey: [...notificationSettingsKeys.all, 'get'],
      queryFn: () => http.get<NotificationSettings>('/notifications/settings'),
    }),
};

export function useUnreadCount() {
  return useQuery(notificationKeys.unreadCount());
}

export function useNotifications(enabled: boolean, unreadOnly: boolean) {
  return useInfiniteQuery({ ...notificationKeys.list(unreadOnly), enabled });
}

export const markRead = (id: string) => http.post<z.infer<typeof UnreadCount>>(`/notifications/${id}/read`, {});
export const markAllRead = () => http.post<z.infer<typeof UnreadCount>>('/notifications/read-all', {});

export function useNotificationSettings() {
  return useQuery(notificationSettingsKeys.get());
}
export const saveNotificationSettings = (input: z.input<typeof UpdateNotificationSettingsBody>) =>
  http.put<NotificationSettings>('/notifications/settings', input);
