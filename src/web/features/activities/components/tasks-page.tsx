import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ListChecks, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Card, DataTable, EmptyState, FormError, LoadMore, Page, Select, Tabs } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { useMembers } from '../../settings';
import { taskKeys, useTask, useTasks, type Task, type TaskFilters, type TaskView } from '../api/tasks';
import { TASK_PRIORITIES } from '../lib/activity-kinds';
import { ActivitiesHeader } from './activities-header';
import { TaskBulkBar } from './task-bulk-bar';
import { TaskFormDialog } from './task-form-dialog';
import { useTaskColumns } from './task-columns';
import { TaskSummaryTable } from './task-summary-table';
import './activities.css';
import { ImportExportActions } from '../../import-export';

type Tab = TaskView | 'by_assignee';
const TABS: Tab[] = ['mine', 'today', 'overdue', 'all', 'by_assignee'];

/** My tasks, today, overdue, all, by assignee: complete, reopen, reassign, one at a time or in bulk. */
export function TasksPage() {
  const { t } = useTranslation('activities');
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.includes(params.get('view') as Tab) ? params.get('view') : 'mine') as Tab;
  const assigneeId = params.get('assignee') ?? undefined;
  const [status, setStatus] = useState('open');
  const [priority, setPriority] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [isCreating, setCreating] = useState(false);
  const members = useMembers().data ?? [];
  const filters: TaskFilters = {
    view: tab === 'by_assignee' ? 'all' : tab,
    assigneeId,
    status: tab === 'overdue' ? undefined : (status as TaskFilters['status']),
    priority: (priority || undefined) as TaskFilters['priority'],
  };
  const tasks = useTasks(filters);
  const rows = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const total = tasks.data?.pages[0]?.total;
  const openTaskId = params.get('task');
  const openTask = useTask(openTaskId).data;
  const columns = useTaskColumns();
  useRealtime('task.', () => void queryClient.invalidateQueries({ queryKey: taskKeys.all }));

  const go = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v === null) p.delete(k);
      else p.set(k, v);
    setParams(p, { replace: true });
    setSelected(new Set());
  };

  return (
    <Page wide>
      <ActivitiesHeader
        actions={
          <>
            <ImportExportActions entity="tasks" filter={filters} />
            {can('activities.edit') && (
              <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
                {t('tasks.new')}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        label={t('tasks.views')}
        value={tab}
        onChange={(k) => go({ view: k, assignee: null })}
        items={TABS.map((k) => ({ key: k, label: t(`tasks.tabs.${k}`) }))}
      />
      {tab === 'by_assignee' && !assigneeId ? (
        <TaskSummaryTable onPick={(id) => go({ view: 'all', assignee: id })} />
      ) : (
        <>
          <div className="act-filters">
            {tab !== 'overdue' && (
              <Select
                size="sm"
                aria-label={t('tasks.fields.status')}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
                options={['open', 'completed', 'cancelled', 'any'].map((s) => ({
                  value: s,
                  label: t(`tasks.statusFilter.${s}`),
                }))}
              />
            )}
            <Select
              size="sm"
              aria-label={t('tasks.fields.priority')}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
              options={[
                { value: '', label: t('tasks.anyPriority') },
                ...TASK_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) })),
              ]}
            />
            {(tab === 'all' || assigneeId) && (
              <Select
                size="sm"
                aria-label={t('tasks.fields.assignee')}
                value={assigneeId ?? ''}
                onChange={(e) => go({ assignee: e.target.value || null })}
                options={[
                  { value: '', label: t('tasks.everyone') },
                  ...members.map((m) => ({ value: m.id, label: m.name })),
                ]}
              />
            )}
          </div>
          {selected.size > 0 && can('activities.edit') && (
            <TaskBulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />
          )}
          <Card flush>
            {tasks.isError && (
              <div className="card-body">
                <FormError message={describeError(tasks.error, t)} />
              </div>
            )}
            <DataTable
              label={t(`tasks.tabs.${tab}`)}
              columns={columns}
              rows={rows}
              getRowId={(task) => task.id}
              isLoading={tasks.isPending}
              onRowActivate={(task) => go({ task: task.id })}
              selectedIds={can('activities.edit') ? selected : undefined}
              onSelectionChange={can('activities.edit') ? setSelected : undefined}
              virtualize
              maxHeight="max(360px, calc(100dvh - 330px))"
              onReachEnd={() => tasks.hasNextPage && !tasks.isFetchingNextPage && void tasks.fetchNextPage()}
              flush
              empty={
                <EmptyState compact icon={<ListChecks />} title={t(`tasks.empty.${tab}`)}>
                  {t('tasks.emptyText')}
                </EmptyState>
              }
              footer={
                rows.length > 0 && (
                  <LoadMore
                    hasMore={Boolean(tasks.hasNextPage)}
                    isLoading={tasks.isFetchingNextPage}
                    onLoadMore={() => void tasks.fetchNextPage()}
                    summary={total !== undefined ? t('list.shown', { shown: rows.length, total }) : undefined}
                  />
                )
              }
            />
          </Card>
        </>
      )}
      {isCreating && <TaskFormDialog onClose={() => setCreating(false)} />}
      {openTaskId && openTask && (
        <TaskFormDialog key={openTask.id} task={openTask as Task} onClose={() => go({ task: null })} />
      )}
    </Page>
  );
}
