import { useQuery } from '@tanstack/react-query';
import type { CalendarItem } from '../../../../shared/contracts/activities-calendar';
import { http } from '../../../lib/api';

export type { CalendarItem };
export const calendarKey = (from: string, to: string, userId: string | undefined) =>
  ['activities', 'calendar', from, to, userId ?? 'me'] as const;
export const calendarFeedKey = ['activities', 'calendar-feed'] as const;

export function useCalendar(from: string, to: string, userId?: string) {
  return useQuery({
    queryKey: calendarKey(from, to, userId),
    queryFn: () => http.get<{ items: CalendarItem[] }>('/calendar', { from, to, userId }).then((r) => r.items),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarFeedKey,
    queryFn: () => http.get<{ active: boolean; createdAt: string | null; lastUsedAt: string | null }>('/calendar/feed'),
  });
}
export const createCalendarFeed = () => http.post<{ url: string; createdAt: string }>('/calendar/feed', {});
export const revokeCalendarFeed = () => http.delete<{ ok: true }>('/calendar/feed');
