import { useState } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Checkbox, IconButton, Input, Select } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { REQUIRABLE_FIELDS, STAGE_KINDS } from '../lib/constants';
import { pipelineKeys, updateStage, type Pipeline, type Stage } from '../api/pipelines';

/** One stage in the settings: drag to reorder; name, colour, kind, probability, stale limit, required fields. */
export function StageRow({
  pipeline,
  stage,
  onDelete,
}: {
  pipeline: Pipeline;
  stage: Stage;
  onDelete: (stage: Stage) => void;
}) {
  const { t } = useTranslation('pipelines');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  const [draft, setDraft] = useState({
    name: stage.name,
    color: stage.color,
    probability: String(stage.probability),
    staleDays: stage.staleDays ? String(stage.staleDays) : '',
  });
  const save = useApiMutation({
    mutationFn: (patch: Parameters<typeof updateStage>[2]) => updateStage(pipeline.id, stage.id, patch),
    invalidate: [pipelineKeys.all],
    successMessage: t('settings.stageSaved', { name: stage.name }),
  });
  const err = (f: string) => fieldError(save.error, f);
  const commit = (patch: Parameters<typeof updateStage>[2]) => save.mutate(patch);
  const toggleField = (f: string, on: boolean) =>
    commit({ requiredFields: on ? [...stage.requiredFields, f] : stage.requiredFields.filter((x) => x !== f) });
  const customRequired = stage.requiredFields.filter((f) => f.startsWith('custom.'));
  return (
    <li
      ref={setNodeRef}
      className={`stage-row${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="stage-row"
    >
      <button
        type="button"
        className="stage-row-handle"
        {...attributes}
        {...listeners}
        aria-label={t('settings.dragStage', { name: stage.name })}
      >
        <GripVertical aria-hidden />
      </button>
      <input
        type="color"
        className="stage-color"
        aria-label={t('settings.color', { name: stage.name })}
        value={draft.color}
        onChange={(e) => setDraft({ ...draft, color: e.target.value })}
        onBlur={() => draft.color !== stage.color && commit({ color: draft.color })}
      />
      <div className="stage-row-fields">
        <div className="stage-row-main">
          <Input
            size="sm"
            aria-label={t('settings.stageName')}
            value={draft.name}
            isInvalid={Boolean(err('name'))}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            onBlur={() => draft.name.trim() && draft.name !== stage.name && commit({ name: draft.name.trim() })}
          />
          <Select
            size="sm"
            aria-label={t('settings.kind', { name: stage.name })}
            value={stage.kind}
            onChange={(e) => commit({ kind: e.target.value as Stage['kind'] })}
            options={STAGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <label className="stage-row-number">
            <Input
              size="sm"
              type="number"
              min={0}
              max={100}
              aria-label={t('settings.probability', { name: stage.name })}
              value={draft.probability}
              isInvalid={Boolean(err('probability'))}
              onChange={(e) => setDraft({ ...draft, probability: e.target.value })}
              onBlur={() =>
                draft.probability !== String(stage.probability) && commit({ probability: Number(draft.probability) })
              }
            />
            <span className="text-subtle">%</span>
          </label>
          <label className="stage-row-number">
            <Input
              size="sm"
              type="number"
              min={1}
              aria-label={t('settings.staleDays', { name: stage.name })}
              placeholder="—"
              value={draft.staleDays}
              onChange={(e) => setDraft({ ...draft, staleDays: e.target.value })}
              onBlur={() =>
                draft.staleDays !== (stage.staleDays ? String(stage.staleDays) : '') &&
                commit({ staleDays: draft.staleDays ? Number(draft.staleDays) : null })
              }
            />
            <span className="text-subtle">{t('settings.daysStale')}</span>
          </label>
          <IconButton
            size="sm"
            label={t('settings.deleteStage', { name: stage.name })}
            icon={<Trash2 />}
            onClick={() => onDelete(stage)}
          />
        </div>
        <div className="stage-row-required" role="group" aria-label={t('settings.requiredFor', { name: stage.name })}>
          <span className="text-subtle">{t('settings.requires')}</span>
          {REQUIRABLE_FIELDS.map((f) => (
            <Checkbox
              key={f}
              label={t(`requirable.${f}`)}
              checked={stage.requiredFields.includes(f)}
              onChange={(e) => toggleField(f, e.target.checked)}
            />
          ))}
          {customRequired.map((f) => (
            <Checkbox key={f} label={f.slice(7)} checked onChange={() => toggleField(f, false)} />
          ))}
        </div>
        {(err('name') || err('probability') || err('color') || err('requiredFields.0')) && (
          <p className="field-error" role="alert">
            {err('name') ?? err('probability') ?? err('color') ?? err('requiredFields.0')}
          </p>
        )}
      </div>
    </li>
  );
}
