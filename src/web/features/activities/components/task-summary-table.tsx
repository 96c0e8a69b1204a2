import { Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Badge, Card, DataTable, EmptyState, type Column } from '../../../design';
import { useTaskSummary, type TaskSummaryRow } from '../api/tasks';

/** Open, overdue and due-today counts per person; a row opens that person's tasks. */
export function TaskSummaryTable({ onPick }: { onPick: (assigneeId: string) => void }) {
  const { t } = useTranslation('activities');
  const summary = useTaskSummary();
  const columns: Column<TaskSummaryRow>[] = [
    {
      key: 'who',
      header: t('tasks.fields.assignee'),
      cell: (r) => (
        <span className="row act-nowrap">
          <Avatar name={r.assignee?.name ?? '?'} size="sm" />
          {r.assignee?.name ?? t('tasks.unassigned')}
        </span>
      ),
      sortValue: (r) => r.assignee?.name ?? '',
    },
    {
      key: 'open',
      header: t('tasks.summary.open'),
      width: 120,
      align: 'right',
      cell: (r) => r.open,
      sortValue: (r) => r.open,
    },
    {
      key: 'today',
      header: t('tasks.summary.dueToday'),
      width: 120,
      align: 'right',
      cell: (r) => r.dueToday,
      sortValue: (r) => r.dueToday,
    },
    {
      key: 'overdue',
      header: t('tasks.summary.overdue'),
      width: 120,
      align: 'right',
      cell: (r) => (r.overdue ? <Badge color="red">{r.overdue}</Badge> : 0),
      sortValue: (r) => r.overdue,
    },
  ];
  return (
    <Card flush>
      <DataTable
        label={t('tasks.tabs.by_assignee')}
        columns={columns}
        rows={summary.data ?? []}
        getRowId={(r) => r.assignee?.id ?? 'unassigned'}
        isLoading={summary.isPending}
        onRowActivate={(r) => r.assignee && onPick(r.assignee.id)}
        flush
        empty={
          <EmptyState compact icon={<Users />} title={t('tasks.summary.emptyTitle')}>
            {t('tasks.summary.emptyText')}
          </EmptyState>
        }
      />
    </Card>
  );
}
