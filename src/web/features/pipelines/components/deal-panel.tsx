import { useState } from 'react';
import { ExternalLink, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge, Button, ConfirmDialog, Field, FormError, Input, Select, SkeletonText } from '../../../design';
import { fieldError } from '../../../lib/api';
import { fromMinorUnits, toMinorUnits, useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { dealKeys, deleteDeal, updateDeal, useDeal, type Deal } from '../api/deals';
import { useMembers } from '../../settings';
import type { Pipeline } from '../api/pipelines';
import { StageHistoryList } from './stage-history';

/** An item's fields (editable), its stage (moves go through the rules), its history and its contact. */
export function DealPanel({
  dealId,
  pipeline,
  onMove,
  onDeleted,
}: {
  dealId: string;
  pipeline: Pipeline | undefined;
  onMove: (deal: Deal, stageId: string) => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation('pipelines');
  const deal = useDeal(dealId);
  if (deal.isPending) return <SkeletonText lines={8} />;
  if (deal.isError) return <FormError message={describeError(deal.error, t)} />;
  return (
    <DealForm
      key={`${deal.data.id}:${deal.data.version}`}
      deal={deal.data}
      pipeline={pipeline}
      onMove={onMove}
      onDeleted={onDeleted}
    />
  );
}

function DealForm({
  deal,
  pipeline,
  onMove,
  onDeleted,
}: {
  deal: Deal;
  pipeline: Pipeline | undefined;
  onMove: (deal: Deal, stageId: string) => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const can = useCan();
  const members = useMembers().data ?? [];
  const canEdit = can('deals.edit');
  const [draft, setDraft] = useState({
    title: deal.title,
    value: deal.valueMinor ? String(fromMinorUnits(deal.valueMinor, deal.currency)) : '',
    probability: deal.probability === null ? '' : String(deal.probability),
    expectedCloseDate: deal.expectedCloseDate ?? '',
    ownerId: deal.ownerId ?? '',
    source: deal.source ?? '',
    tags: deal.tags.join(', '),
    closeReason: deal.closeReason ?? '',
  });
  const [isDeleting, setDeleting] = useState(false);
  const save = useApiMutation({
    mutationFn: () =>
      updateDeal(deal.id, {
        version: deal.version,
        title: draft.title,
        valueMinor: draft.value ? toMinorUnits(Number(draft.value), deal.currency) : 0,
        probability: draft.probability === '' ? null : Number(draft.probability),
        expectedCloseDate: draft.expectedCloseDate || null,
        ownerId: draft.ownerId || null,
        source: draft.source.trim() || null,
        tags: draft.tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        ...(deal.status !== 'open' ? { closeReason: draft.closeReason.trim() || null } : {}),
      }),
    invalidate: [dealKeys.all],
    successMessage: t('deal.saved'),
  });
  const remove = useApiMutation({
    mutationFn: () => deleteDeal(deal.id),
    invalidate: [dealKeys.all],
    successMessage: t('deal.deleted'),
    onSuccess: () => onDeleted?.(),
  });
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const err = (f: string) => fieldError(save.error, f);
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  return (
    <div className="deal-panel stack">
      <div className="row deal-panel-summary">
        <Badge color={deal.status === 'won' ? 'green' : deal.status === 'lost' ? 'red' : 'blue'}>
          {stage?.name ?? deal.status}
        </Badge>
        <span className="text-muted">
          {format.money(deal.valueMinor, deal.currency)} · {deal.effectiveProbability}%
        </span>
        {deal.isStale && <Badge color="amber">{t('card.stale')}</Badge>}
        <span className="grow" />
        {deal.contact && (
          <Link to={`/contacts/${deal.contact.id}`} className="row deal-contact-link">
            <ExternalLink aria-hidden />
            {deal.contact.name}
          </Link>
        )}
      </div>
      {pipeline && canEdit && (
        <Field label={t('fields.stage')} hint={t('deal.stageHint')}>
          <Select
            value={deal.stageId}
            options={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(e) => onMove(deal, e.target.value)}
          />
        </Field>
      )}
      <form
        id={`deal-form-${deal.id}`}
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('fields.title')} isRequired error={err('title')}>
          <Input value={draft.title} onChange={set('title')} disabled={!canEdit} />
        </Field>
        <div className="form-grid">
          <Field label={t('fields.value', { currency: deal.currency })} error={err('valueMinor')}>
            <Input type="number" min={0} step="any" value={draft.value} onChange={set('value')} disabled={!canEdit} />
          </Field>
          <Field
            label={t('fields.probability')}
            hint={t('deal.probabilityHint', { value: stage?.probability ?? 0 })}
            error={err('probability')}
          >
            <Input
              type="number"
              min={0}
              max={100}
              value={draft.probability}
              onChange={set('probability')}
              disabled={!canEdit}
            />
          </Field>
          <Field label={t('fields.expectedCloseDate')} error={err('expectedCloseDate')}>
            <Input
              type="date"
              value={draft.expectedCloseDate}
              onChange={set('expectedCloseDate')}
              disabled={!canEdit}
            />
          </Field>
          <Field label={t('fields.owner')} error={err('ownerId')}>
            <Select
              value={draft.ownerId}
              onChange={set('ownerId')}
              disabled={!canEdit}
              options={[
                { value: '', label: t('filters.noOwner') },
                ...members.map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
          </Field>
          <Field label={t('fields.source')} error={err('source')}>
            <Input value={draft.source} onChange={set('source')} disabled={!canEdit} />
          </Field>
          <Field label={t('fields.tags')} hint={t('filters.tagsHint')} error={err('tags')}>
            <Input value={draft.tags} onChange={set('tags')} disabled={!canEdit} />
          </Field>
        </div>
        {deal.status !== 'open' && (
          <Field
            label={deal.status === 'won' ? t('moveDialog.wonReason') : t('moveDialog.lostReason')}
            error={err('closeReason')}
          >
            <Input value={draft.closeReason} onChange={set('closeReason')} disabled={!canEdit} />
          </Field>
        )}
        {Object.keys(deal.custom).length > 0 && (
          <dl className="deal-custom">
            {Object.entries(deal.custom).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>
        )}
        {save.isError && !err('title') && <FormError message={describeError(save.error, t)} />}
        {canEdit && (
          <div className="row">
            <Button type="submit" variant="primary" isLoading={save.isPending}>
              {t('common:saveChanges')}
            </Button>
            <span className="grow" />
            <Button variant="ghost" icon={<Trash2 />} onClick={() => setDeleting(true)}>
              {t('deal.delete')}
            </Button>
          </div>
        )}
      </form>
      <p className="text-subtle deal-meta">
        {t('deal.meta', { created: format.dateTime(deal.createdAt), updated: format.relative(deal.updatedAt) })}
      </p>
      <StageHistoryList dealId={deal.id} />
      <ConfirmDialog
        open={isDeleting}
        title={t('deal.deleteTitle', { title: deal.title })}
        message={t('deal.deleteText')}
        confirmLabel={t('deal.delete')}
        isLoading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </div>
  );
}
