import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input } from '../../../design';
import { fieldError } from '../../../lib/api';
import { toMinorUnits } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { dealKeys, createDeal } from '../api/deals';
import type { Stage } from '../api/pipelines';

/** A two-field form at the top of a column: type a title (and a value), press Enter. */
export function QuickCreate({
  pipelineId,
  stage,
  itemLabel,
  currency,
  onDone,
}: {
  pipelineId: string;
  stage: Stage;
  itemLabel: string;
  currency: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('pipelines');
  const [title, setTitle] = useState('');
  const [value, setValue] = useState('');
  const create = useApiMutation({
    mutationFn: () =>
      createDeal({
        pipelineId,
        stageId: stage.id,
        title,
        valueMinor: value ? toMinorUnits(Number(value), currency) : 0,
      }),
    invalidate: [dealKeys.all],
    successMessage: () => t('quickCreate.created', { title }),
    onSuccess: () => {
      setTitle('');
      setValue('');
    },
  });
  const error =
    fieldError(create.error, 'title') ??
    fieldError(create.error, 'valueMinor') ??
    (create.error as Error | null)?.message;
  return (
    <form
      className="quick-create stack"
      aria-label={t('quickCreate.label', { stage: stage.name })}
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) create.mutate();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <Input
        size="sm"
        autoFocus
        placeholder={t('quickCreate.title', { label: itemLabel })}
        aria-label={t('quickCreate.title', { label: itemLabel })}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        isInvalid={Boolean(fieldError(create.error, 'title'))}
      />
      <Input
        size="sm"
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        placeholder={t('quickCreate.value', { currency })}
        aria-label={t('quickCreate.value', { currency })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {create.isError && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <Button size="sm" variant="primary" type="submit" isLoading={create.isPending} disabled={!title.trim()}>
          {t('quickCreate.add')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('common:cancel')}
        </Button>
      </div>
    </form>
  );
}
