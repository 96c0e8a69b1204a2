import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { CheckCircle2, Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Badge, Button } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useCan, useSession } from '../../../lib/session';
import { activityKeys, completeActivity, type Activity } from '../api/activities';
import type { TimelineItem } from '../api/timeline';
import { KIND_ICONS, OUTCOME_COLORS } from '../lib/activity-kinds';

type Snapshot = Omit<Activity, 'ip'>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What one entry says: an activity with its outcome and next action, a task, a stage move, a note, an edit. */
function describe(item: TimelineItem, t: TFunction): { title: ReactNode; body?: ReactNode } {
  const p = item.payload as Record<string, unknown>;
  if (item.kind === 'activity' && p.activity) {
    const a = p.activity as Snapshot;
    return {
      title: (
        <>
          <span className="act-timeline-type">{a.type.name}</span> {a.title}
        </>
      ),
      body: a.description,
    };
  }
  if (item.kind === 'task' && p.task) {
    const task = p.task as { id: string; title: string; assignee: { name: string } | null; dueAt: string | null };
    const label = t(`timeline.task.${item.eventType.split('.')[1]}`, { title: task.title, defaultValue: task.title });
    return {
      title: <Link to={`/activities/tasks?task=${task.id}`}>{label}</Link>,
      body: task.assignee ? t('timeline.assignedTo', { name: task.assignee.name }) : undefined,
    };
  }
  if (item.kind === 'stage_change') {
    const to = str(p.toStage) || str(p.toStageName);
    const from = str(p.fromStage) || str(p.fromStageName);
    const deal =
      item.entityType === 'deal' && item.entityId && str(p.title) ? (
        <Link to={`/deals/${item.entityId}`}>{str(p.title)}</Link>
      ) : (
        str(p.title)
      );
    return {
      title: (
        <>
          {deal && <strong>{deal}: </strong>}
          {from ? t('timeline.movedFromTo', { from, to }) : t('timeline.movedTo', { to })}
        </>
      ),
      body: str(p.reason) ? t('timeline.reason', { reason: str(p.reason) }) : undefined,
    };
  }
  if (item.kind === 'note')
    return {
      title: t(`timeline.note.${/updated/.test(item.eventType) ? 'updated' : 'added'}`),
      body: str(p.excerpt) || str(p.body),
    };
  return {
    title: t(`timeline.events.${item.eventType}`, { defaultValue: item.eventType.replace(/[._]/g, ' ') }),
    body: Array.isArray(p.changes) ? (p.changes as string[]).join(', ') : undefined,
  };
}

export function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation('activities');
  const format = useFormat();
  const Icon = KIND_ICONS[item.kind];
  const { title, body } = describe(item, t);
  const a = item.kind === 'activity' ? (item.payload.activity as Snapshot | undefined) : undefined;
  return (
    <li className="act-timeline-entry" data-kind={item.kind}>
      <span className="act-timeline-icon" style={a ? { color: a.type.color } : undefined} aria-hidden>
        {a?.type.icon ? <span className="act-timeline-emoji">{a.type.icon}</span> : <Icon />}
      </span>
      <div className="act-timeline-content">
        <div className="act-timeline-title">
          {title}
          {item.isPrivate && (
            <Badge color="gray" icon={<Lock />}>
              {t('timeline.confidential')}
            </Badge>
          )}
          {a?.status === 'scheduled' && <Badge color="blue">{t('timeline.scheduled')}</Badge>}
          {a?.outcome && (
            <Badge color={OUTCOME_COLORS[a.outcome]}>
              {a.outcome === 'custom' && a.outcomeNote ? a.outcomeNote : t(`outcomes.${a.outcome}`)}
            </Badge>
          )}
        </div>
        {body && <p className="act-timeline-body">{body}</p>}
        {a?.nextAction && (
          <p className="act-timeline-next">
            {t('timeline.next', { action: a.nextAction })}
            {a.nextActionAt && ` · ${format.dateTime(a.nextActionAt)}`}
          </p>
        )}
        <div className="act-timeline-meta text-subtle">
          <span>{item.actor?.name ?? t('timeline.system')}</span>
          <span aria-hidden>·</span>
          <time dateTime={item.occurredAt} title={format.dateTime(item.occurredAt)}>
            {a ? format.dateTime(item.occurredAt) : format.relative(item.occurredAt)}
          </time>
          {a?.durationMinutes ? (
            <>
              <span aria-hidden>·</span>
              <span>{t('timeline.minutes', { count: a.durationMinutes })}</span>
            </>
          ) : null}
        </div>
      </div>
      {a?.status === 'scheduled' && <MarkDone activity={a} />}
    </li>
  );
}

function MarkDone({ activity }: { activity: Snapshot }) {
  const { t } = useTranslation('activities');
  const can = useCan();
  const session = useSession();
  const done = useApiMutation({
    mutationFn: () => completeActivity(activity.id, { version: activity.version }),
    invalidate: [activityKeys.all],
    successMessage: t('timeline.markedDone'),
  });
  if (!can('activities.edit') || (activity.createdBy?.id !== session.user.id && !can('activities.manage'))) return null;
  return (
    <Button size="sm" variant="ghost" icon={<CheckCircle2 />} onClick={() => done.mutate()} isLoading={done.isPending}>
      {t('timeline.markDone')}
    </Button>
  );
}
