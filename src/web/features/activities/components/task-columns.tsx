import { Link } from 'react-router-dom';
import { Circle, CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Badge, IconButton, type Column } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { activityKeys } from '../api/activities';
import { completeTask, reopenTask, type Task } from '../api/tasks';
import { PRIORITY_COLORS } from '../lib/activity-kinds';

function DoneToggle({ task }: { task: Task }) {
  const { t } = useTranslation('activities');
  const can = useCan();
  const isDone = task.status === 'completed';
  const toggle = useApiMutation({
    mutationFn: () => (isDone ? reopenTask(task.id) : completeTask(task.id)),
    invalidate: [activityKeys.all],
    successMessage: isDone ? t('tasks.reopened') : t('tasks.completed'),
  });
  return (
    <IconButton
      size="sm"
      className="act-task-check"
      data-done={isDone}
      label={isDone ? t('tasks.reopen') : t('tasks.complete')}
      icon={isDone ? <CircleCheck /> : <Circle />}
      disabled={!can('activities.edit') || toggle.isPending}
      onClick={(e) => {
        e.stopPropagation();
        toggle.mutate();
      }}
    />
  );
}

/** The task table's columns: done toggle, title with overdue flag, due, priority, assignee, contact. */
export function useTaskColumns(): Column<Task>[] {
  const { t } = useTranslation('activities');
  const format = useFormat();
  return [
    {
      key: 'done',
      header: <span className="visually-hidden">{t('tasks.complete')}</span>,
      width: 44,
      cell: (task) => <DoneToggle task={task} />,
    },
    {
      key: 'title',
      header: t('tasks.fields.title'),
      cell: (task) => (
        <span className="row act-nowrap">
          <span className="truncate" data-done={task.status === 'completed'}>
            {task.title}
          </span>
          {task.isOverdue && <Badge color="red">{t('tasks.overdue')}</Badge>}
          {task.status === 'in_progress' && <Badge color="blue">{t('taskStatuses.in_progress')}</Badge>}
          {task.status === 'cancelled' && <Badge color="gray">{t('taskStatuses.cancelled')}</Badge>}
        </span>
      ),
    },
    {
      key: 'due',
      header: t('tasks.fields.dueAt'),
      width: 150,
      cell: (task) =>
        task.dueAt ? (
          <time dateTime={task.dueAt} className={task.isOverdue ? 'act-overdue' : undefined}>
            {format.dateTime(task.dueAt)}
          </time>
        ) : (
          <span className="text-subtle">—</span>
        ),
    },
    {
      key: 'priority',
      header: t('tasks.fields.priority'),
      width: 90,
      cell: (task) => <Badge color={PRIORITY_COLORS[task.priority]}>{t(`priorities.${task.priority}`)}</Badge>,
    },
    {
      key: 'type',
      header: t('tasks.fields.type'),
      width: 160,
      cell: (task) => <span className="text-muted truncate">{t(`taskTypes.${task.type}`)}</span>,
    },
    {
      key: 'assignee',
      header: t('tasks.fields.assignee'),
      width: 150,
      cell: (task) =>
        task.assignee ? (
          <span className="row act-nowrap">
            <Avatar name={task.assignee.name} size="sm" />
            <span className="truncate">{task.assignee.name}</span>
          </span>
        ) : (
          <span className="text-subtle">{t('tasks.unassigned')}</span>
        ),
    },
    {
      key: 'contact',
      header: t('tasks.fields.contact'),
      width: 150,
      cell: (task) =>
        task.contact ? (
          <Link to={`/contacts/${task.contact.id}`} onClick={(e) => e.stopPropagation()}>
            {task.contact.name}
          </Link>
        ) : (
          <span className="text-subtle">—</span>
        ),
    },
  ];
}
