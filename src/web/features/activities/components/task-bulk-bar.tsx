import { useState } from 'react';
import { CheckCheck, RotateCcw, Trash2, UserRoundCog } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Select, useToast } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { activityKeys } from '../api/activities';
import { useMembers } from '../../settings';
import { bulkTasks, type BulkTaskAction } from '../api/tasks';

/** Actions on the selected tasks; each task succeeds or fails on its own and the toast says how many did. */
export function TaskBulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation('activities');
  const toast = useToast();
  const members = useMembers().data ?? [];
  const [assignee, setAssignee] = useState('');
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const run = useApiMutation({
    mutationFn: ({ action, assigneeId }: { action: BulkTaskAction; assigneeId?: string }) =>
      bulkTasks(ids, action, assigneeId),
    invalidate: [activityKeys.all],
    onSuccess: (res) => {
      const failed = res.results.filter((r) => !r.ok);
      if (failed.length)
        toast.error(
          t('bulk.partial', { ok: res.results.length - failed.length, failed: failed.length }),
          failed[0].message,
        );
      else toast.success(t('bulk.done', { count: res.results.length }));
      setConfirmingDelete(false);
      onDone();
    },
  });
  return (
    <div className="act-bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <strong>{t('bulk.selected', { count: ids.length })}</strong>
      <Button
        size="sm"
        icon={<CheckCheck />}
        onClick={() => run.mutate({ action: 'complete' })}
        disabled={run.isPending}
      >
        {t('bulk.complete')}
      </Button>
      <Button size="sm" icon={<RotateCcw />} onClick={() => run.mutate({ action: 'reopen' })} disabled={run.isPending}>
        {t('bulk.reopen')}
      </Button>
      <span className="row act-nowrap">
        <Select
          size="sm"
          aria-label={t('bulk.reassignTo')}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          options={[
            { value: '', label: t('bulk.reassignTo') },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <Button
          size="sm"
          icon={<UserRoundCog />}
          disabled={!assignee || run.isPending}
          onClick={() => run.mutate({ action: 'reassign', assigneeId: assignee })}
        >
          {t('bulk.reassign')}
        </Button>
      </span>
      <Button
        size="sm"
        variant="danger"
        icon={<Trash2 />}
        onClick={() => setConfirmingDelete(true)}
        disabled={run.isPending}
      >
        {t('bulk.delete')}
      </Button>
      <ConfirmDialog
        open={isConfirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() => run.mutate({ action: 'delete' })}
        title={t('bulk.deleteTitle', { count: ids.length })}
        message={t('bulk.deleteText')}
        confirmLabel={t('bulk.delete')}
        isLoading={run.isPending}
      />
    </div>
  );
}
