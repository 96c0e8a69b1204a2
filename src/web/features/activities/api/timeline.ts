import { useInfiniteQuery } from '@tanstack/react-query';
import type { TimelineItem, TimelineKind } from '../../../../shared/contracts/activities-timeline';
import { http } from '../../../lib/api';

export type { TimelineItem, TimelineKind };
export type TimelineSubject = 'contact' | 'deal' | 'company';

export const timelineKey = (subject: TimelineSubject, id: string, kinds: TimelineKind[]) =>
  ['activities', 'timeline', subject, id, kinds] as const;

/** One subject's stream, newest first, 25 entries a page. */
export function useTimeline(subject: TimelineSubject, id: string, kinds: TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: timelineKey(subject, id, kinds),
    queryFn: ({ pageParam }) =>
      http.get<{ items: TimelineItem[]; nextCursor: string | null }>(`/timeline/${subject}/${id}`, {
        cursor: pageParam,
        limit: 25,
        kinds: kinds.join(',') || undefined,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
