import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { CalendarClock, Lock, Pencil, Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  Avatar,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FormError,
  Input,
  LoadMore,
  Page,
  Select,
  type Column,
} from '../../../design';
import { useFormat, zonedDayStart } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useCan, useSession } from '../../../lib/session';
import {
  activityKeys,
  deleteActivity,
  useActivities,
  useActivityTypes,
  type Activity,
  type ActivityFilters,
} from '../api/activities';
import { useMembers } from '../../settings';
import { OUTCOMES, OUTCOME_COLORS } from '../lib/activity-kinds';
import { ActivitiesHeader } from './activities-header';
import { LogActivityDialog } from './log-activity-dialog';
import './activities.css';
import { ImportExportActions } from '../../import-export';

interface FilterForm {
  typeId: string;
  outcome: string;
  status: string;
  userId: string;
  from: string;
  to: string;
}
const EMPTY: FilterForm = { typeId: '', outcome: '', status: '', userId: '', from: '', to: '' };

/** Every logged and scheduled activity, newest first, with filters. */
export function ActivitiesPage() {
  const { t } = useTranslation('activities');
  const format = useFormat();
  const can = useCan();
  const types = useActivityTypes(true).data ?? [];
  const members = useMembers().data ?? [];
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [isLogging, setLogging] = useState(false);
  const tz = format.settings.timeZone;
  const filters = useMemo<ActivityFilters>(
    () => ({
      typeId: form.typeId || undefined,
      outcome: (form.outcome || undefined) as ActivityFilters['outcome'],
      status: (form.status || undefined) as ActivityFilters['status'],
      userId: form.userId || undefined,
      from: form.from ? zonedDayStart(form.from, tz) : undefined,
      to: form.to ? zonedDayStart(form.to, tz, 1) : undefined,
    }),
    [form, tz],
  );
  const list = useActivities(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const isFiltered = Object.values(form).some(Boolean);
  const set = (k: keyof FilterForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  const columns: Column<Activity>[] = [
    {
      key: 'when',
      header: t('list.when'),
      width: 140,
      cell: (a) => <time dateTime={a.occurredAt}>{format.dateTime(a.occurredAt)}</time>,
    },
    {
      key: 'type',
      header: t('list.type'),
      width: 150,
      cell: (a) => (
        <span className="row act-nowrap">
          <span aria-hidden>{a.type.icon}</span>
          {a.type.name}
        </span>
      ),
    },
    {
      key: 'title',
      header: t('list.title'),
      cell: (a) => (
        <span className="row act-nowrap">
          <span className="truncate">{a.title}</span>
          {a.isConfidential && <Lock className="act-icon-subtle" aria-label={t('timeline.confidential')} />}
          {a.status === 'scheduled' && <Badge color="blue">{t('timeline.scheduled')}</Badge>}
        </span>
      ),
    },
    {
      key: 'contact',
      header: t('list.contact'),
      width: 160,
      cell: (a) =>
        a.contact ? (
          <Link to={`/contacts/${a.contactId}`} onClick={(e) => e.stopPropagation()}>
            {a.contact.name}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'outcome',
      header: t('list.outcome'),
      width: 140,
      cell: (a) =>
        a.outcome ? (
          <Badge color={OUTCOME_COLORS[a.outcome]}>
            {a.outcome === 'custom' && a.outcomeNote ? a.outcomeNote : t(`outcomes.${a.outcome}`)}
          </Badge>
        ) : (
          <span className="text-subtle">—</span>
        ),
    },
    {
      key: 'by',
      header: t('list.by'),
      width: 140,
      cell: (a) =>
        a.createdBy ? (
          <span className="row act-nowrap">
            <Avatar name={a.createdBy.name} size="sm" />
            <span className="truncate">{a.createdBy.name}</span>
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Page wide>
      <ActivitiesHeader
        actions={
          <>
            <ImportExportActions entity="activities" filter={filters} />
            {can('activities.edit') && (
              <Button variant="primary" icon={<Plus />} onClick={() => setLogging(true)}>
                {t('log.title')}
              </Button>
            )}
          </>
        }
      />
      <div className="act-filters" role="search" aria-label={t('list.filters')}>
        <Select
          size="sm"
          aria-label={t('list.type')}
          value={form.typeId}
          onChange={set('typeId')}
          options={[
            { value: '', label: t('list.allTypes') },
            ...types.map((x) => ({ value: x.id, label: `${x.icon ?? ''} ${x.name}`.trim() })),
          ]}
        />
        <Select
          size="sm"
          aria-label={t('list.outcome')}
          value={form.outcome}
          onChange={set('outcome')}
          options={[
            { value: '', label: t('list.anyOutcome') },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
          ]}
        />
        <Select
          size="sm"
          aria-label={t('list.status')}
          value={form.status}
          onChange={set('status')}
          options={[
            { value: '', label: t('list.anyStatus') },
            { value: 'done', label: t('list.done') },
            { value: 'scheduled', label: t('timeline.scheduled') },
          ]}
        />
        <Select
          size="sm"
          aria-label={t('list.by')}
          value={form.userId}
          onChange={set('userId')}
          options={[{ value: '', label: t('list.anyone') }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <Input size="sm" type="date" aria-label={t('list.from')} value={form.from} onChange={set('from')} />
        <Input size="sm" type="date" aria-label={t('list.to')} value={form.to} onChange={set('to')} />
        {isFiltered && (
          <Button size="sm" variant="ghost" onClick={() => setForm(EMPTY)}>
            {t('list.clear')}
          </Button>
        )}
      </div>
      <Card flush>
        {list.isError && (
          <div className="card-body">
            <FormError message={describeError(list.error, t)} />
          </div>
        )}
        <DataTable
          label={t('section.activities')}
          columns={columns}
          rows={rows}
          getRowId={(a) => a.id}
          isLoading={list.isPending}
          renderExpanded={(a) => <ActivityDetails activity={a} />}
          virtualize
          maxHeight="max(360px, calc(100dvh - 300px))"
          onReachEnd={() => list.hasNextPage && !list.isFetchingNextPage && void list.fetchNextPage()}
          flush
          empty={
            <EmptyState
              compact
              icon={<CalendarClock />}
              title={isFiltered ? t('list.noMatches') : t('list.emptyTitle')}
              action={
                !isFiltered && can('activities.edit') ? (
                  <Button icon={<Plus />} onClick={() => setLogging(true)}>
                    {t('log.title')}
                  </Button>
                ) : undefined
              }
            >
              {isFiltered ? t('list.noMatchesText') : t('list.emptyText')}
            </EmptyState>
          }
          footer={
            rows.length > 0 && (
              <LoadMore
                hasMore={Boolean(list.hasNextPage)}
                isLoading={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
                summary={total !== undefined ? t('list.shown', { shown: rows.length, total }) : undefined}
              />
            )
          }
        />
      </Card>
      {isLogging && <LogActivityDialog onClose={() => setLogging(false)} />}
    </Page>
  );
}

function ActivityDetails({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation('activities');
  const format = useFormat();
  const can = useCan();
  const session = useSession();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const remove = useApiMutation({
    mutationFn: () => deleteActivity(a.id),
    invalidate: [activityKeys.all],
    successMessage: t('list.deleted'),
    onSuccess: () => setDeleting(false),
  });
  const mayChange = can('activities.edit') && (a.createdBy?.id === session.user.id || can('activities.manage'));
  return (
    <div className="act-details-wrap">
      <dl className="act-details">
        {a.description && (
          <>
            <dt>{t('form.description')}</dt>
            <dd className="act-pre">{a.description}</dd>
          </>
        )}
        {a.durationMinutes !== null && (
          <>
            <dt>{t('form.duration')}</dt>
            <dd>{t('timeline.minutes', { count: a.durationMinutes })}</dd>
          </>
        )}
        {a.nextAction && (
          <>
            <dt>{t('form.nextAction')}</dt>
            <dd>
              {a.nextAction}
              {a.nextActionAt && ` · ${format.dateTime(a.nextActionAt)}`}
            </dd>
          </>
        )}
        {a.ip && (
          <>
            <dt>{t('list.ip')}</dt>
            <dd className="mono">{a.ip}</dd>
          </>
        )}
        {!a.description && !a.nextAction && a.durationMinutes === null && (
          <dd className="text-subtle">{t('list.noDetails')}</dd>
        )}
      </dl>
      {mayChange && (
        <div className="row">
          <Button size="sm" icon={<Pencil />} onClick={() => setEditing(true)}>
            {t('common:edit')}
          </Button>
          <Button size="sm" variant="ghost" icon={<Trash2 />} onClick={() => setDeleting(true)}>
            {t('common:delete')}
          </Button>
        </div>
      )}
      {isEditing && <LogActivityDialog activity={a} contact={a.contact} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        title={t('list.deleteTitle')}
        message={t('list.deleteText')}
        confirmLabel={t('common:delete')}
        isLoading={remove.isPending}
      />
    </div>
  );
}
