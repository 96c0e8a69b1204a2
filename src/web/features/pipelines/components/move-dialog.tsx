import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, FormError, Input, Textarea } from '../../../design';
import { fieldError } from '../../../lib/api';
import { fromMinorUnits, toMinorUnits } from '../../../lib/format';
import type { DealCard } from '../api/board';
import type { MoveInput } from '../api/deals';
import type { Stage } from '../api/pipelines';
import type { MoveNeed } from '../lib/stage-needs';

export interface MovePrompt {
  card: DealCard;
  to: Stage;
  needs: MoveNeed[];
  error?: unknown;
}

export type MoveExtras = Omit<MoveInput, 'stageId' | 'version'>;

/** Asks for what a move needs (a reason, why it was won or lost, a value, a close date), then moves. */
export function MoveDialog({
  prompt,
  currency,
  onConfirm,
  onCancel,
  isPending,
}: {
  prompt: MovePrompt;
  currency: string;
  onConfirm: (extras: MoveExtras) => void;
  onCancel: () => void;
  isPending: boolean;
}) {
  const { t } = useTranslation('pipelines');
  const { card, to, needs, error } = prompt;
  const [reason, setReason] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const [value, setValue] = useState(card.valueMinor ? String(fromMinorUnits(card.valueMinor, currency)) : '');
  const [date, setDate] = useState(card.expectedCloseDate ?? '');
  const closeLabel = to.kind === 'won' ? t('moveDialog.wonReason') : t('moveDialog.lostReason');
  const submit = () => {
    const fields: NonNullable<MoveExtras['fields']> = {};
    if (needs.includes('value') && value) fields.valueMinor = toMinorUnits(Number(value), currency);
    if (needs.includes('expectedCloseDate') && date) fields.expectedCloseDate = date;
    onConfirm({
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(closeReason.trim() ? { closeReason: closeReason.trim() } : {}),
      ...(Object.keys(fields).length ? { fields } : {}),
    });
  };
  return (
    <Dialog
      open
      onClose={onCancel}
      title={t('moveDialog.title', { title: card.title, stage: to.name })}
      description={t('moveDialog.description')}
      footer={
        <>
          <Button onClick={onCancel}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="move-dialog-form" isLoading={isPending}>
            {t('moveDialog.move')}
          </Button>
        </>
      }
    >
      <form
        id="move-dialog-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {needs.includes('closeReason') && (
          <Field label={closeLabel} isRequired error={fieldError(error, 'closeReason')}>
            <Input value={closeReason} onChange={(e) => setCloseReason(e.target.value)} maxLength={500} />
          </Field>
        )}
        {needs.includes('value') && (
          <Field label={t('fields.value', { currency })} isRequired error={fieldError(error, 'fields.valueMinor')}>
            <Input
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
        )}
        {needs.includes('expectedCloseDate') && (
          <Field label={t('fields.expectedCloseDate')} isRequired error={fieldError(error, 'fields.expectedCloseDate')}>
            <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        )}
        {needs.includes('reason') && (
          <Field label={t('moveDialog.reason')} isRequired error={fieldError(error, 'reason')}>
            <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Field>
        )}
        {!needs.includes('reason') && (
          <Field label={t('moveDialog.note')} hint={t('moveDialog.noteHint')}>
            <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Field>
        )}
        {error && !Object.keys((error as { fieldErrors?: object }).fieldErrors ?? {}).length ? (
          <FormError message={(error as Error).message} />
        ) : null}
      </form>
    </Dialog>
  );
}
