import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TimelineItem,
  TimelineKind,
  TimelinePage,
  TimelineSubject as TimelineSubjectSchema,
} from '../../../../shared/contracts/activities-timeline';
import { http } from '../../../lib/api';
import { activityKeys } from './activities';

export type { TimelineItem, TimelineKind };
export type TimelineSubject = z.infer<typeof TimelineSubjectSchema>;

/** Under the activities key: anything logged refreshes the timelines. */
export const timelineKeys = {
  all: [...activityKeys.all, 'timeline'] as const,
  /** Prefix of one subject's stream (every kinds filter). */
  of: (subject: TimelineSubject, id: string) => [...timelineKeys.all, subject, id] as const,
  /** One subject's stream, newest first, 25 entries a page. */
  list: (subject: TimelineSubject, id: string, kinds: TimelineKind[]) =>
    infiniteQueryOptions({
      queryKey: [...timelineKeys.of(subject, id), kinds],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof TimelinePage>>(`/timeline/${subject}/${id}`, {
          cursor: pageParam,
          limit: 25,
          kinds: kinds.join(',') || undefined,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};

export function useTimeline(subject: TimelineSubject, id: string, kinds: TimelineKind[]) {
  return useInfiniteQuery(timelineKeys.list(subject, id, kinds));
}
