import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, FormError, LoadMore, SkeletonText } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { useRealtime, type RealtimeEvent } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { timelineKeys, useTimeline, type TimelineKind, type TimelineSubject } from '../api/timeline';
import { TIMELINE_KINDS } from '../lib/activity-kinds';
import type { PickedContact } from './contact-picker';
import { QuickLogBar } from './quick-log-bar';
import { TimelineEntry } from './timeline-entry';
import './activities.css';

export interface TimelineProps {
  subject: TimelineSubject;
  subjectId: string;
  /** Who quick-logged activities are with (a contact page: that contact; a deal: its contact). */
  contact?: PickedContact | null;
  dealId?: string | null;
  title?: string;
}

function concerns(event: RealtimeEvent, subject: TimelineSubject, id: string): boolean {
  const key = { contact: 'contactId', deal: 'dealId', company: 'companyId' }[subject];
  return event.entityId === id || event.payload[key] === id;
}

/** One stream of everything that happened with a contact, deal or company; quick log on top; live. */
export function Timeline({ subject, subjectId, contact, dealId, title }: TimelineProps) {
  const { t } = useTranslation('activities');
  const can = useCan();
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useTimeline(subject, subjectId, kinds);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = (event: RealtimeEvent) => {
    if (concerns(event, subject, subjectId))
      void queryClient.invalidateQueries({ queryKey: timelineKeys.of(subject, subjectId) });
  };
  useRealtime('activity.', refresh);
  useRealtime('task.', refresh);
  useRealtime('deal.', refresh);
  useRealtime('contact.', refresh);
  const toggle = (k: TimelineKind) =>
    setKinds((prev) => (prev.includes(k) ? prev.filter((x) => x !== k) : [...prev, k]));

  return (
    <Card title={title ?? t('timeline.title')} className="act-timeline-card">
      {contact && can('activities.edit') && <QuickLogBar contact={contact} dealId={dealId} />}
      <div className="act-timeline-filters" role="group" aria-label={t('timeline.filterLabel')}>
        {TIMELINE_KINDS.map((k) => (
          <button key={k} type="button" className="act-chip" aria-pressed={kinds.includes(k)} onClick={() => toggle(k)}>
            {t(`kinds.${k}`)}
          </button>
        ))}
      </div>
      {timeline.isError && <FormError message={describeError(timeline.error, t)} />}
      {timeline.isPending && <SkeletonText lines={4} label={t('common:loading')} />}
      {!timeline.isPending && !items.length && (
        <EmptyState
          compact
          icon={<History />}
          title={kinds.length ? t('timeline.noMatches') : t('timeline.emptyTitle')}
        >
          {kinds.length ? t('timeline.noMatchesText') : t('timeline.emptyText')}
        </EmptyState>
      )}
      <ol className="act-timeline" aria-label={title ?? t('timeline.title')}>
        {items.map((item) => (
          <TimelineEntry key={item.id} item={item} />
        ))}
      </ol>
      <LoadMore
        hasMore={Boolean(timeline.hasNextPage)}
        isLoading={timeline.isFetchingNextPage}
        onLoadMore={() => void timeline.fetchNextPage()}
      />
    </Card>
  );
}
