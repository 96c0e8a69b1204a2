import { useState } from 'react';
import { ListPlus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../design';
import { useActivityTypes } from '../api/activities';
import { QUICK_LOG } from '../lib/activity-kinds';
import type { PickedContact } from './contact-picker';
import { LogActivityDialog } from './log-activity-dialog';
import { TaskFormDialog } from './task-form-dialog';

/** Call, WhatsApp, email, meeting, note (whichever the workspace has), another type, or a task. */
export function QuickLogBar({ contact, dealId }: { contact: PickedContact; dealId?: string | null }) {
  const { t } = useTranslation('activities');
  const types = useActivityTypes().data ?? [];
  const [typeKey, setTypeKey] = useState<string | null>(null);
  const [isAddingTask, setAddingTask] = useState(false);
  const available = QUICK_LOG.filter((q) => types.some((x) => x.key === q.key));
  return (
    <div className="act-quick-log" role="toolbar" aria-label={t('quickLog.label')}>
      {available.map(({ key, icon: Icon }) => (
        <Button key={key} size="sm" icon={<Icon />} onClick={() => setTypeKey(key)}>
          {t(`quickLog.${key}`)}
        </Button>
      ))}
      <Button size="sm" variant="ghost" icon={<Plus />} onClick={() => setTypeKey('')}>
        {t('quickLog.other')}
      </Button>
      <Button size="sm" variant="ghost" icon={<ListPlus />} onClick={() => setAddingTask(true)}>
        {t('quickLog.task')}
      </Button>
      {typeKey !== null && (
        <LogActivityDialog
          contact={contact}
          dealId={dealId}
          typeKey={typeKey || undefined}
          onClose={() => setTypeKey(null)}
        />
      )}
      {isAddingTask && <TaskFormDialog contact={contact} dealId={dealId} onClose={() => setAddingTask(false)} />}
    </div>
  );
}
