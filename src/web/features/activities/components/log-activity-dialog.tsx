import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, FormError, Input, Select, Textarea } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import {
  activityKeys,
  createActivity,
  updateActivity,
  useActivityTypes,
  type Activity,
  type ActivityOutcome,
} from '../api/activities';
import { taskKeys } from '../api/tasks';
import { OUTCOMES, fromLocalInput, toLocalInput } from '../lib/activity-kinds';
import { ContactPicker, type PickedContact } from './contact-picker';

export interface LogActivityDialogProps {
  /** Fixed contact (from a contact page); otherwise the form asks for one. */
  contact?: PickedContact | null;
  dealId?: string | null;
  /** Preselected type key (a quick-log button). */
  typeKey?: string;
  /** Edit this activity instead of logging a new one. */
  activity?: Activity;
  onClose: () => void;
}

/** The short form behind the quick-log buttons and "Log activity": what, when, how it went, what next. */
export function LogActivityDialog({
  contact: fixedContact,
  dealId,
  typeKey,
  activity,
  onClose,
}: LogActivityDialogProps) {
  const { t } = useTranslation('activities');
  const types = (useActivityTypes(Boolean(activity)).data ?? []).filter(
    (x) => !x.isArchived || x.id === activity?.typeId,
  );
  const initialType = types.find((x) => (activity ? x.id === activity.typeId : x.key === typeKey)) ?? types[0];
  const [typeId, setTypeId] = useState<string | undefined>(initialType?.id);
  const type = types.find((x) => x.id === typeId) ?? initialType;
  const [contact, setContact] = useState<PickedContact | null>(fixedContact ?? activity?.contact ?? null);
  const [title, setTitle] = useState(activity?.title ?? '');
  const [when, setWhen] = useState(() => toLocalInput(activity?.occurredAt ?? new Date().toISOString()));
  // Untouched, "when" means now: the server stamps the exact time (the input only has minutes).
  const [isWhenEdited, setWhenEdited] = useState(false);
  const [isScheduled, setScheduled] = useState(activity?.status === 'scheduled');
  const [duration, setDuration] = useState(activity?.durationMinutes?.toString() ?? '');
  const [outcome, setOutcome] = useState<ActivityOutcome | ''>(activity?.outcome ?? '');
  const [outcomeNote, setOutcomeNote] = useState(activity?.outcomeNote ?? '');
  const [description, setDescription] = useState(activity?.description ?? '');
  const [nextAction, setNextAction] = useState(activity?.nextAction ?? '');
  const [nextActionAt, setNextActionAt] = useState(toLocalInput(activity?.nextActionAt));
  const [isConfidential, setConfidential] = useState(activity?.isConfidential ?? false);

  const fields = {
    typeId: type?.id ?? '',
    contactId: contact?.id ?? '',
    title: title.trim() || type?.name || '',
    description: description.trim() || null,
    status: isScheduled ? ('scheduled' as const) : ('done' as const),
    occurredAt: isWhenEdited || isScheduled || activity ? fromLocalInput(when) : undefined,
    durationMinutes: duration ? Number(duration) : null,
    outcome: outcome || null,
    outcomeNote: outcome === 'custom' ? outcomeNote.trim() || null : null,
    nextAction: nextAction.trim() || null,
    nextActionAt: fromLocalInput(nextActionAt) ?? null,
    isConfidential,
  };
  const save = useApiMutation({
    mutationFn: () =>
      activity
        ? updateActivity(activity.id, { ...fields, version: activity.version })
        : createActivity({ ...fields, dealId: dealId ?? undefined }),
    invalidate: [activityKeys.all, taskKeys.all],
    successMessage: (a) =>
      activity ? t('log.saved') : a.status === 'scheduled' ? t('log.scheduled') : t('log.logged'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(save.error, f);
  const typeOptions = useMemo(
    () => types.map((x) => ({ value: x.id, label: `${x.icon ?? ''} ${x.name}`.trim() })),
    [types],
  );
  const generalError =
    save.error && !(isApiError(save.error) && save.error.hasFieldErrors) ? describeError(save.error, t) : null;

  return (
    <Dialog
      open
      onClose={onClose}
      title={activity ? t('log.editTitle') : type ? t('log.titleWithType', { type: type.name }) : t('log.title')}
      description={fixedContact?.name || undefined}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="log-activity-form"
            isLoading={save.isPending}
            disabled={!type || !contact}
          >
            {activity ? t('common:saveChanges') : isScheduled ? t('log.schedule') : t('log.save')}
          </Button>
        </>
      }
    >
      <form
        id="log-activity-form"
        className="stack act-log-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <FormError message={generalError} />
        {!fixedContact && (
          <Field label={t('form.contact')} isRequired error={err('contactId')}>
            <ContactPicker value={contact} onChange={setContact} />
          </Field>
        )}
        <div className="form-grid">
          <Field label={t('form.type')} error={err('typeId')}>
            <Select value={type?.id ?? ''} onChange={(e) => setTypeId(e.target.value)} options={typeOptions} />
          </Field>
          <Field label={isScheduled ? t('form.plannedFor') : t('form.when')} error={err('occurredAt')}>
            <Input
              type="datetime-local"
              value={when}
              onChange={(e) => {
                setWhen(e.target.value);
                setWhenEdited(true);
              }}
            />
          </Field>
        </div>
        <Field label={t('form.title')} error={err('title')} hint={t('form.titleHint')}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={type?.name}
            maxLength={255}
            autoFocus
          />
        </Field>
        <Checkbox
          label={t('form.scheduleLater')}
          checked={isScheduled}
          onChange={(e) => setScheduled(e.target.checked)}
        />
        {(type?.hasOutcome || type?.hasDuration) && !isScheduled && (
          <div className="form-grid">
            {type.hasOutcome && (
              <Field label={t('form.outcome')} error={err('outcome')}>
                <Select
                  value={outcome}
                  onChange={(e) => setOutcome(e.target.value as ActivityOutcome | '')}
                  options={[
                    { value: '', label: '—' },
                    ...OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
                  ]}
                />
              </Field>
            )}
            {type.hasDuration && (
              <Field label={t('form.duration')} error={err('durationMinutes')}>
                <Input
                  type="number"
                  min={0}
                  max={1440}
                  inputMode="numeric"
                  value={duration}
                  onChange={(e) => setDuration(e.target.value)}
                  placeholder="15"
                />
              </Field>
            )}
          </div>
        )}
        {outcome === 'custom' && (
          <Field label={t('form.outcomeNote')} error={err('outcomeNote')}>
            <Input value={outcomeNote} onChange={(e) => setOutcomeNote(e.target.value)} maxLength={255} />
          </Field>
        )}
        <Field label={t('form.description')} error={err('description')} hint={t('form.mentionHint')}>
          <Textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="form-grid">
          <Field label={t('form.nextAction')} error={err('nextAction')}>
            <Input
              value={nextAction}
              onChange={(e) => setNextAction(e.target.value)}
              placeholder={t('form.nextActionPlaceholder')}
              maxLength={500}
            />
          </Field>
          <Field label={t('form.nextActionAt')} error={err('nextActionAt')}>
            <Input type="datetime-local" value={nextActionAt} onChange={(e) => setNextActionAt(e.target.value)} />
          </Field>
        </div>
        <Checkbox
          label={t('form.confidential')}
          hint={t('form.confidentialHint')}
          checked={isConfidential}
          onChange={(e) => setConfidential(e.target.checked)}
        />
      </form>
    </Dialog>
  );
}
