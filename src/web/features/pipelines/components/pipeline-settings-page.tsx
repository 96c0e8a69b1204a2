import { useState } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Checkbox, ConfirmDialog, Dialog, Field, Input, Page, Select, useToast } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useContactTypes } from '../../contacts';
import { useApiMutation } from '../../../lib/mutation';
import { PIPELINE_CATEGORIES } from '../lib/constants';
import {
  addStage,
  deletePipeline,
  deleteStage,
  pipelineKeys,
  reorderStages,
  updatePipeline,
  type Pipeline,
  type Stage,
} from '../api/pipelines';
import { dealKeys } from '../api/deals';
import { usePipelinePage } from '../hooks/use-pipeline-page';
import { moveErrorMessage } from '../lib/move-errors';
import { PipelineHeader } from './pipeline-header';
import { StageRow } from './stage-row';
import './pipelines.css';

/** Stages (drag to reorder, colours, kinds, probabilities, required fields), rules and conversion. */
export function PipelineSettingsPage() {
  const { t } = useTranslation('pipelines');
  const { pipeline, pipelines, page } = usePipelinePage('settings');
  if (page) return page;
  if (!pipeline) return null;
  return (
    <Page wide className="pipeline-page">
      <PipelineHeader
        pipeline={pipeline}
        pipelines={pipelines}
        view="settings"
        description={t('settings.description')}
      />
      <div className="settings-grid">
        <StagesCard key={pipeline.stages.map((s) => s.id).join()} pipeline={pipeline} />
        <div className="stack">
          <RulesCard key={`rules-${pipeline.version}`} pipeline={pipeline} />
          <GeneralCard key={`general-${pipeline.version}`} pipeline={pipeline} />
        </div>
      </div>
    </Page>
  );
}

function StagesCard({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('pipelines');
  const queryClient = useQueryClient();
  const toast = useToast();
  const [order, setOrder] = useState(pipeline.stages.map((s) => s.id));
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const [isAdding, setAdding] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(pipeline.stages.map((s) => [s.id, s]));
  const onDragEnd = async (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const next = arrayMove(order, order.indexOf(String(e.active.id)), order.indexOf(String(e.over.id)));
    setOrder(next);
    try {
      queryClient.setQueryData(pipelineKeys.list().queryKey, (list) =>
        list?.map((p) =>
          p.id === pipeline.id ? { ...p, stages: next.map((id, position) => ({ ...byId.get(id)!, position })) } : p,
        ),
      );
      await reorderStages(pipeline.id, next);
      toast.success(t('settings.reordered'));
    } catch (err) {
      setOrder(pipeline.stages.map((s) => s.id));
      toast.error(t('settings.reorderFailed'), moveErrorMessage(err, t));
    } finally {
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
    }
  };
  return (
    <Card
      title={t('settings.stages')}
      description={t('settings.stagesText')}
      actions={
        <Button size="sm" icon={<Plus />} onClick={() => setAdding(true)}>
          {t('settings.addStage')}
        </Button>
      }
    >
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={(e) => void onDragEnd(e)}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="stage-list" aria-label={t('settings.stages')}>
            {order
              .map((id) => byId.get(id))
              .filter((s): s is Stage => Boolean(s))
              .map((s) => (
                <StageRow
                  key={`${s.id}:${s.name}:${s.color}:${s.probability}:${s.staleDays}`}
                  pipeline={pipeline}
                  stage={s}
                  onDelete={setDeleting}
                />
              ))}
          </ol>
        </SortableContext>
      </DndContext>
      {isAdding && <AddStageDialog pipeline={pipeline} onClose={() => setAdding(false)} />}
      {deleting && (
        <DeleteStageDialog
          pipeline={pipeline}
          stage={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            void queryClient.invalidateQueries({ queryKey: dealKeys.all });
          }}
        />
      )}
    </Card>
  );
}

function AddStageDialog({ pipeline, onClose }: { pipeline: Pipeline; onClose: () => void }) {
  const { t } = useTranslation('pipelines');
  const [draft, setDraft] = useState({ name: '', color: '#64748b', kind: 'open' as Stage['kind'], probability: '' });
  const add = useApiMutation({
    mutationFn: () =>
      addStage(pipeline.id, {
        name: draft.name,
        color: draft.color,
        kind: draft.kind,
        ...(draft.probability ? { probability: Number(draft.probability) } : {}),
      }),
    invalidate: [pipelineKeys.all],
    successMessage: t('settings.stageAdded', { name: draft.name }),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('settings.addStage')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="add-stage-form" isLoading={add.isPending}>
            {t('settings.addStage')}
          </Button>
        </>
      }
    >
      <form
        id="add-stage-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field label={t('settings.stageName')} isRequired error={fieldError(add.error, 'name')}>
          <Input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <div className="form-grid">
          <Field label={t('settings.kindLabel')}>
            <Select
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as Stage['kind'] })}
              options={(['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Field>
          <Field label={t('settings.probabilityLabel')} error={fieldError(add.error, 'probability')}>
            <Input
              type="number"
              min={0}
              max={100}
              value={draft.probability}
              onChange={(e) => setDraft({ ...draft, probability: e.target.value })}
            />
          </Field>
          <Field label={t('settings.colorLabel')} error={fieldError(add.error, 'color')}>
            <Input type="color" value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
          </Field>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteStageDialog({
  pipeline,
  stage,
  onClose,
  onDeleted,
}: {
  pipeline: Pipeline;
  stage: Stage;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('pipelines');
  const others = pipeline.stages.filter((s) => s.id !== stage.id);
  const [target, setTarget] = useState(others.find((s) => s.kind === stage.kind)?.id ?? others[0]?.id ?? '');
  const remove = useApiMutation({
    mutationFn: () => deleteStage(pipeline.id, stage.id, target || undefined),
    invalidate: [pipelineKeys.all, dealKeys.all],
    successMessage: (r) => t('settings.stageDeleted', { name: stage.name, count: r.movedItems }),
    onSuccess: onDeleted,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('settings.deleteStageTitle', { name: stage.name })}
      description={t('settings.deleteStageText')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="danger" type="submit" form="delete-stage-form" isLoading={remove.isPending}>
            {t('settings.deleteStageConfirm')}
          </Button>
        </>
      }
    >
      <form
        id="delete-stage-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate();
        }}
      >
        <Field
          label={t('settings.moveItemsTo')}
          error={
            fieldError(remove.error, 'targetStageId') ?? (remove.error ? moveErrorMessage(remove.error, t) : undefined)
          }
        >
          <Select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            options={others.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Field>
      </form>
    </Dialog>
  );
}

function RulesCard({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('pipelines');
  const types = useContactTypes();
  const save = useApiMutation({
    mutationFn: (patch: Omit<Parameters<typeof updatePipeline>[1], 'version'>) =>
      updatePipeline(pipeline.id, { version: pipeline.version, ...patch }),
    invalidate: [pipelineKeys.all],
    successMessage: t('settings.rulesSaved'),
  });
  const rule = (key: keyof Pipeline['rules']) => (
    <Checkbox
      label={t(`rules.${key}`)}
      hint={t(`rules.${key}Hint`)}
      checked={pipeline.rules[key]}
      disabled={save.isPending}
      onChange={(e) => save.mutate({ rules: { [key]: e.target.checked } })}
    />
  );
  return (
    <Card title={t('settings.rules')} description={t('settings.rulesText')}>
      <div className="stack">
        {rule('allowBackward')}
        {rule('closedStagesTerminal')}
        {rule('reasonRequired')}
        <Field label={t('settings.conversion')} hint={t('settings.conversionHint')}>
          <Select
            value={pipeline.wonContactType ?? ''}
            onChange={(e) => save.mutate({ wonContactType: e.target.value || null })}
            options={[
              { value: '', label: t('settings.noConversion') },
              ...(types.data ?? []).map((ct) => ({ value: ct.key, label: ct.label })),
            ]}
          />
        </Field>
      </div>
    </Card>
  );
}

function GeneralCard({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('pipelines');
  const navigate = useNavigate();
  const [draft, setDraft] = useState({
    name: pipeline.name,
    category: pipeline.category,
    itemLabel: pipeline.itemLabel,
    currency: pipeline.currency,
  });
  const [isDeleting, setDeleting] = useState(false);
  const save = useApiMutation({
    mutationFn: (patch: Omit<Parameters<typeof updatePipeline>[1], 'version'>) =>
      updatePipeline(pipeline.id, { version: pipeline.version, ...patch }),
    invalidate: [pipelineKeys.all],
    successMessage: t('settings.saved'),
  });
  const remove = useApiMutation({
    mutationFn: () => deletePipeline(pipeline.id),
    invalidate: [pipelineKeys.all],
    successMessage: t('settings.deleted'),
    onSuccess: () => navigate('/pipelines'),
  });
  return (
    <Card title={t('settings.general')}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <Field label={t('settings.name')} error={fieldError(save.error, 'name')}>
          <Input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <div className="form-grid">
          <Field label={t('settings.category')}>
            <Select
              value={draft.category}
              onChange={(e) => setDraft({ ...draft, category: e.target.value as Pipeline['category'] })}
              options={PIPELINE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
          </Field>
          <Field label={t('settings.itemLabel')} error={fieldError(save.error, 'itemLabel')}>
            <Input value={draft.itemLabel} onChange={(e) => setDraft({ ...draft, itemLabel: e.target.value })} />
          </Field>
          <Field
            label={t('settings.currency')}
            hint={t('settings.currencyHint')}
            error={fieldError(save.error, 'currency')}
          >
            <Input
              value={draft.currency}
              maxLength={3}
              onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })}
            />
          </Field>
        </div>
        <div className="row">
          <Button type="submit" variant="primary" isLoading={save.isPending}>
            {t('common:saveChanges')}
          </Button>
          <span className="grow" />
          <Button variant="ghost" onClick={() => save.mutate({ isArchived: !pipeline.isArchived })}>
            {pipeline.isArchived ? t('settings.unarchive') : t('settings.archive')}
          </Button>
          <Button variant="ghost" onClick={() => setDeleting(true)}>
            {t('settings.delete')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        isLoading={remove.isPending}
        title={t('settings.deleteTitle', { name: pipeline.name })}
        message={t('settings.deleteText')}
        confirmLabel={t('settings.delete')}
      />
    </Card>
  );
}
