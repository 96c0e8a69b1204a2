import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Notification, NotificationSettings } from '../../../../shared/contracts/notifications';
import { http } from '../../../lib/api';

export type { Notification, NotificationSettings };

export const notificationsRootKey = ['notifications'] as const;
export const unreadCountKey = ['notifications', 'unread'] as const;
export const notificationSettingsKey = ['notifications', 'settings'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: () => http.get<{ count: number }>('/notifications/unread-count').then((r) => r.count),
    staleTime: 60_000,
  });
}

export function useNotifications(enabled: boolean, unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: ['notifications', 'list', unreadOnly],
    queryFn: ({ pageParam }) =>
      http.get<{ items: Notification[]; nextCursor: string | null }>('/notifications', {
        cursor: pageParam,
        limit: 20,
        unread: unreadOnly || undefined,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export const markRead = (id: string) => http.post<{ count: number }>(`/notifications/${id}/read`, {});
export const markAllRead = () => http.post<{ count: number }>('/notifications/read-all', {});

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationSettingsKey,
    queryFn: () => http.get<NotificationSettings>('/notifications/settings'),
  });
}
export const saveNotificationSettings = (input: Partial<NotificationSettings>) =>
  http.put<NotificationSettings>('/notifications/settings', input);
