import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, Input } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { activityTypeKeys, createActivityType, updateActivityType, type ActivityType } from '../api/activities';

/** Add or change an activity type. */
export function ActivityTypeDialog({ type, onClose }: { type: ActivityType | null; onClose: () => void }) {
  const { t } = useTranslation('activities');
  const [name, setName] = useState(type?.name ?? '');
  const [icon, setIcon] = useState(type?.icon ?? '');
  const [color, setColor] = useState(type?.color ?? '#5a5bd4');
  const [hasDuration, setDuration] = useState(type?.hasDuration ?? false);
  const [hasOutcome, setOutcome] = useState(type?.hasOutcome ?? true);
  const body = { name: name.trim(), icon: icon.trim() || null, color, hasDuration, hasOutcome };
  const save = useApiMutation({
    mutationFn: () =>
      type ? updateActivityType(type.id, { ...body, version: type.version }) : createActivityType(body),
    invalidate: [activityTypeKeys.all],
    successMessage: type ? t('typesSettings.saved') : t('typesSettings.added'),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={type ? t('typesSettings.editTitle') : t('typesSettings.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="activity-type-form"
            isLoading={save.isPending}
            disabled={!name.trim()}
          >
            {t('common:save')}
          </Button>
        </>
      }
    >
      <form
        id="activity-type-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field
          label={t('typesSettings.name')}
          isRequired
          error={fieldError(save.error, 'name') ?? fieldError(save.error, 'key')}
        >
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus />
        </Field>
        <div className="form-grid">
          <Field
            label={t('typesSettings.icon')}
            hint={t('typesSettings.iconHint')}
            error={fieldError(save.error, 'icon')}
          >
            <Input value={icon} onChange={(e) => setIcon(e.target.value)} maxLength={16} />
          </Field>
          <Field label={t('typesSettings.color')} error={fieldError(save.error, 'color')}>
            <Input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          </Field>
        </div>
        <Checkbox
          label={t('typesSettings.hasDuration')}
          checked={hasDuration}
          onChange={(e) => setDuration(e.target.checked)}
        />
        <Checkbox
          label={t('typesSettings.hasOutcome')}
          checked={hasOutcome}
          onChange={(e) => setOutcome(e.target.checked)}
        />
      </form>
    </Dialog>
  );
}
