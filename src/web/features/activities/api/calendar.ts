import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarFeed,
  CalendarFeedStatus,
  CalendarItem,
  CalendarQuery,
  CalendarResult,
} from '../../../../shared/contracts/activities-calendar';
import { http } from '../../../lib/api';
import { activityKeys } from './activities';

export type { CalendarItem };

/** Under the activities key: logging or scheduling anything refreshes the calendar. */
export const calendarKeys = {
  all: [...activityKeys.all, 'calendar'] as const,
  range: (from: string, to: string, userId: z.input<typeof CalendarQuery>['userId']) =>
    queryOptions({
      queryKey: [...calendarKeys.all, 'range', from, to, userId ?? 'me'],
      queryFn: () => http.get<z.infer<typeof CalendarResult>>('/calendar', { from, to, userId }).then((r) => r.items),
    }),
};
export const calendarFeedKeys = {
  all: ['calendar-feed'] as const,
  status: () =>
    queryOptions({
      queryKey: [...calendarFeedKeys.all, 'status'],
      queryFn: () => http.get<z.infer<typeof CalendarFeedStatus>>('/calendar/feed'),
    }),
};

export function useCalendar(from: string, to: string, userId?: string) {
  return useQuery(calendarKeys.range(from, to, userId));
}

export function useCalendarFeed() {
  return useQuery(calendarFeedKeys.status());
}
export const createCalendarFeed = () => http.post<z.infer<typeof CalendarFeed>>('/calendar/feed', {});
export const revokeCalendarFeed = () => http.delete<{ ok: true }>('/calendar/feed');
