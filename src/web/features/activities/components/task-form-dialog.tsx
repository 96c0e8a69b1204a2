import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, FormError, Input, Select, Textarea } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useSession } from '../../../lib/session';
import { activityKeys } from '../api/activities';
import { useMembers } from '../../settings';
import { createTask, updateTask, type Task } from '../api/tasks';
import { TASK_PRIORITIES, TASK_TYPES, fromLocalInput, toLocalInput } from '../lib/activity-kinds';
import { ContactPicker, type PickedContact } from './contact-picker';

export interface TaskFormDialogProps {
  task?: Task;
  contact?: PickedContact | null;
  dealId?: string | null;
  onClose: () => void;
}

/** Create or edit a task: what, for whom, when it is due and when to remind. */
export function TaskFormDialog({ task, contact: fixedContact, dealId, onClose }: TaskFormDialogProps) {
  const { t } = useTranslation('activities');
  const session = useSession();
  const members = useMembers().data ?? [];
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [type, setType] = useState<string>(task?.type ?? 'follow_up_call');
  const [priority, setPriority] = useState<string>(task?.priority ?? 'medium');
  const [dueAt, setDueAt] = useState(toLocalInput(task?.dueAt));
  const [reminderAt, setReminderAt] = useState(toLocalInput(task?.reminderAt));
  const [assigneeId, setAssigneeId] = useState(task?.assignee?.id ?? session.user.id);
  const [contact, setContact] = useState<PickedContact | null>(fixedContact ?? task?.contact ?? null);

  const fields = {
    title: title.trim(),
    description: description.trim() || null,
    type: type as Task['type'],
    priority: priority as Task['priority'],
    dueAt: fromLocalInput(dueAt) ?? null,
    reminderAt: fromLocalInput(reminderAt) ?? null,
    assigneeId: assigneeId || null,
    contactId: contact?.id ?? null,
  };
  const save = useApiMutation({
    mutationFn: () =>
      task
        ? updateTask(task.id, { ...fields, version: task.version })
        : createTask({ ...fields, dealId: dealId ?? undefined }),
    invalidate: [activityKeys.all],
    successMessage: task ? t('tasks.saved') : t('tasks.created'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(save.error, f);
  const generalError =
    save.error && !(isApiError(save.error) && save.error.hasFieldErrors) ? describeError(save.error, t) : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={task ? t('tasks.editTitle') : t('tasks.newTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="task-form" isLoading={save.isPending} disabled={!title.trim()}>
            {task ? t('common:saveChanges') : t('tasks.create')}
          </Button>
        </>
      }
    >
      <form
        id="task-form"
        className="stack act-log-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <FormError message={generalError} />
        <Field label={t('tasks.fields.title')} isRequired error={err('title')}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={255} autoFocus />
        </Field>
        <div className="form-grid">
          <Field label={t('tasks.fields.type')} error={err('type')}>
            <Select
              value={type}
              onChange={(e) => setType(e.target.value)}
              options={TASK_TYPES.map((x) => ({ value: x, label: t(`taskTypes.${x}`) }))}
            />
          </Field>
          <Field label={t('tasks.fields.priority')} error={err('priority')}>
            <Select
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
              options={TASK_PRIORITIES.map((x) => ({ value: x, label: t(`priorities.${x}`) }))}
            />
          </Field>
          <Field label={t('tasks.fields.dueAt')} error={err('dueAt')}>
            <Input type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          </Field>
          <Field label={t('tasks.fields.reminderAt')} error={err('reminderAt')} hint={t('tasks.reminderHint')}>
            <Input type="datetime-local" value={reminderAt} onChange={(e) => setReminderAt(e.target.value)} />
          </Field>
        </div>
        <Field label={t('tasks.fields.assignee')} error={err('assigneeId')}>
          <Select
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            options={[
              { value: '', label: t('tasks.unassigned') },
              ...members.map((m) => ({
                value: m.id,
                label: m.id === session.user.id ? `${m.name} (${t('common:you')})` : m.name,
              })),
            ]}
          />
        </Field>
        {!fixedContact && (
          <Field label={t('tasks.fields.contact')} error={err('contactId')}>
            <ContactPicker value={contact} onChange={setContact} />
          </Field>
        )}
        <Field label={t('tasks.fields.description')} error={err('description')}>
          <Textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
