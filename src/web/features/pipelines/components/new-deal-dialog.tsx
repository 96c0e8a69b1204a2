import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, FormError, Input, Select } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { toMinorUnits } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { createDeal, dealKeys, type Deal } from '../api/deals';
import type { Pipeline } from '../api/pipelines';
import { ContactPicker } from './contact-picker';

/** A new item with its contact, value, stage and expected close date. */
export function NewDealDialog({
  pipeline,
  onClose,
  onCreated,
}: {
  pipeline: Pipeline;
  onClose: () => void;
  onCreated: (d: Deal) => void;
}) {
  const { t } = useTranslation('pipelines');
  const firstOpen = pipeline.stages.find((s) => s.kind === 'open');
  const [draft, setDraft] = useState({
    title: '',
    value: '',
    stageId: firstOpen?.id ?? '',
    expectedCloseDate: '',
    closeReason: '',
  });
  const [contact, setContact] = useState<{ id: string; name: string } | null>(null);
  const stage = pipeline.stages.find((s) => s.id === draft.stageId);
  const create = useApiMutation({
    mutationFn: () =>
      createDeal({
        pipelineId: pipeline.id,
        stageId: draft.stageId,
        title: draft.title || contact?.name || '',
        valueMinor: draft.value ? toMinorUnits(Number(draft.value), pipeline.currency) : 0,
        expectedCloseDate: draft.expectedCloseDate || null,
        contactId: contact?.id ?? null,
        ...(draft.closeReason ? { closeReason: draft.closeReason } : {}),
      }),
    invalidate: [dealKeys.all],
    successMessage: (d) => t('newDeal.created', { title: d.title }),
    onSuccess: onCreated,
  });
  const err = (f: string) => fieldError(create.error, f);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('newDeal.title', { label: pipeline.itemLabel })}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="new-deal-form" isLoading={create.isPending}>
            {t('newDeal.create')}
          </Button>
        </>
      }
    >
      <form
        id="new-deal-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label={t('fields.contact')} error={err('contactId')}>
          <ContactPicker value={contact} onChange={setContact} />
        </Field>
        <Field label={t('fields.title')} hint={t('newDeal.titleHint')} error={err('title')}>
          <Input value={draft.title} onChange={set('title')} placeholder={contact?.name} />
        </Field>
        <div className="form-grid">
          <Field label={t('fields.value', { currency: pipeline.currency })} error={err('valueMinor')}>
            <Input type="number" min={0} step="any" value={draft.value} onChange={set('value')} />
          </Field>
          <Field label={t('fields.stage')} error={err('stageId')}>
            <Select
              value={draft.stageId}
              onChange={set('stageId')}
              options={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Field>
          <Field label={t('fields.expectedCloseDate')} error={err('expectedCloseDate')}>
            <Input type="date" value={draft.expectedCloseDate} onChange={set('expectedCloseDate')} />
          </Field>
          {stage?.requiredFields.includes('closeReason') && (
            <Field
              label={stage.kind === 'won' ? t('moveDialog.wonReason') : t('moveDialog.lostReason')}
              isRequired
              error={err('closeReason')}
            >
              <Input value={draft.closeReason} onChange={set('closeReason')} />
            </Field>
          )}
        </div>
        {create.isError && !(isApiError(create.error) && create.error.hasFieldErrors) && (
          <FormError message={describeError(create.error, t)} />
        )}
      </form>
    </Dialog>
  );
}
