import { useMemo, useState } from 'react';
import { History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Badge, Card, DataTable, EmptyState, FormError, LoadMore, type Column } from '../../../design';
import { useFormat, zonedDayStart } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAuditLog, type AuditEntry, type AuditFilters } from '../api/audit';
import { AuditChanges } from './audit-changes';
import { AuditFilterBar, EMPTY_FILTER_FORM, type AuditFilterForm } from './audit-filter-bar';
import { SectionHeader } from './section-header';

/** Who changed what, when and from where; filterable, newest first, one page at a time. */
export function AuditSettings() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER_FORM);
  const debounced = useDebouncedValue(form, 300);
  const tz = format.settings.timeZone;
  const filters = useMemo<AuditFilters>(
    () => ({
      action: debounced.action.trim() || undefined,
      entityType: debounced.entityType.trim() || undefined,
      actorId: debounced.actorId || undefined,
      from: debounced.from ? zonedDayStart(debounced.from, tz) : undefined,
      to: debounced.to ? zonedDayStart(debounced.to, tz, 1) : undefined,
    }),
    [debounced, tz],
  );
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const total = log.data?.pages[0]?.total;
  const isFiltered = Object.values(filters).some(Boolean);

  const columns: Column<AuditEntry>[] = [
    {
      key: 'when',
      header: t('audit.columns.when'),
      width: 170,
      cell: (e) => (
        <time dateTime={e.createdAt} title={e.createdAt}>
          {format.dateTime(e.createdAt)}
        </time>
      ),
    },
    {
      key: 'who',
      header: t('audit.columns.who'),
      width: 200,
      cell: (e) => (
        <span className="row" style={{ flexWrap: 'nowrap' }}>
          <Avatar name={e.actorName ?? e.actorType} size="sm" />
          <span className="truncate">
            {e.actorName ?? t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })}
          </span>
        </span>
      ),
    },
    {
      key: 'action',
      header: t('audit.columns.action'),
      cell: (e) => <Badge color={actionColor(e.action)}>{e.action}</Badge>,
    },
    {
      key: 'entity',
      header: t('audit.columns.entity'),
      cell: (e) => (
        <span className="text-muted">
          {e.entityType}
          {e.entityId && <code className="mono"> · {e.entityId.slice(-8)}</code>}
        </span>
      ),
    },
    {
      key: 'ip',
      header: t('audit.columns.ip'),
      width: 130,
      cell: (e) => <span className="mono text-subtle">{e.ip ?? '—'}</span>,
    },
  ];

  return (
    <>
      <SectionHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFilterBar value={form} onChange={setForm} entries={entries} />
      <Card flush>
        {log.isError && (
          <div className="card-body">
            <FormError message={describeError(log.error, t)} />
          </div>
        )}
        <DataTable
          label={t('audit.title')}
          columns={columns}
          rows={entries}
          getRowId={(e) => e.id}
          isLoading={log.isPending}
          renderExpanded={(e) => <AuditChanges entry={e} />}
          virtualize
          maxHeight="max(360px, calc(100dvh - 330px))"
          flush
          empty={
            <EmptyState
              compact
              icon={<History />}
              title={isFiltered ? t('audit.noMatchesTitle') : t('audit.emptyTitle')}
            >
              {isFiltered ? t('audit.noMatchesText') : t('audit.emptyText')}
            </EmptyState>
          }
          footer={
            entries.length > 0 && (
              <LoadMore
                hasMore={Boolean(log.hasNextPage)}
                isLoading={log.isFetchingNextPage}
                onLoadMore={() => void log.fetchNextPage()}
                summary={total !== undefined ? t('audit.shown', { shown: entries.length, total }) : undefined}
              />
            )
          }
        />
      </Card>
    </>
  );
}

function actionColor(action: string) {
  if (/deleted|revoked|deactivated|purged/.test(action)) return 'red' as const;
  if (/created|joined|invited|reactivated/.test(action)) return 'green' as const;
  if (/login|logout|session/.test(action)) return 'blue' as const;
  return 'gray' as const;
}
