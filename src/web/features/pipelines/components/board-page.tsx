import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, Drawer, FormError, Page, Skeleton } from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { boardKeys, fetchColumnPage, useBoard, type DealCard } from '../api/board';
import { dealKeys } from '../api/deals';
import { useBoardFilters } from '../hooks/use-board-filters';
import { useBoardMove } from '../hooks/use-board-move';
import { usePipelinePage } from '../hooks/use-pipeline-page';
import { columnKeyboardCoordinates } from '../lib/keyboard-columns';
import { BoardColumn } from './board-column';
import { BoardFilters } from './board-filters';
import { DealCardBody } from './deal-card';
import { DealPanel } from './deal-panel';
import { MoveDialog } from './move-dialog';
import { MoveToDialog } from './move-to-dialog';
import { NewDealDialog } from './new-deal-dialog';
import { PipelineHeader } from './pipeline-header';
import './pipelines.css';

// Pointer first (where the pointer is), else the column the dragged card overlaps most (keyboard drags).
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : rectIntersection(args);
};

interface MoreCards {
  cards: DealCard[];
  cursor: string | null;
  isLoading: boolean;
}

/** The kanban board of one pipeline: drag cards between stages, live as others move them. */
export function BoardPage() {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const { pipeline, pipelines, page } = usePipelinePage('board');
  const { filters, setFilters, count } = useBoardFilters();
  const board = useBoard(pipeline?.id ?? '', filters);
  const move = useBoardMove(pipeline, filters);
  const [params, setParams] = useSearchParams();
  const openDealId = params.get('deal');
  const [dragging, setDragging] = useState<DealCard | null>(null);
  const [more, setMore] = useState<Record<string, MoreCards>>({});
  const [isCreating, setCreating] = useState(false);
  const [choosing, setChoosing] = useState<DealCard | null>(null);
  const pendingRefresh = useRef(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  // extra pages belong to one board snapshot; a fresh board starts from the first pages again
  useEffect(() => setMore({}), [board.data]);

  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: boardKeys.all }), [queryClient]);
  useRealtime('deal.', () => {
    if (dragging) pendingRefresh.current = true;
    else refresh();
  });

  const openDeal = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('deal', id);
    else next.delete('deal');
    setParams(next, { replace: true });
  };

  if (page) return page;
  if (!pipeline) return null;
  const canEdit = can('deals.edit');

  const loadMore = async (stageId: string) => {
    const current = more[stageId];
    const cursor = current ? current.cursor : board.data?.columns.find((c) => c.stageId === stageId)?.nextCursor;
    if (!cursor) return;
    setMore((m) => ({ ...m, [stageId]: { cards: current?.cards ?? [], cursor, isLoading: true } }));
    const next = await fetchColumnPage(pipeline.id, stageId, filters, cursor).catch(() => null);
    setMore((m) => ({
      ...m,
      [stageId]: {
        cards: [...(m[stageId]?.cards ?? []), ...(next?.items ?? [])],
        cursor: next?.nextCursor ?? null,
        isLoading: false,
      },
    }));
  };

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as { card: DealCard }).card);
  const onDragEnd = (e: DragEndEvent) => {
    const card = (e.active.data.current as { card: DealCard }).card;
    setDragging(null);
    if (e.over && e.over.id !== card.stageId) move.requestMove(card, String(e.over.id));
    if (pendingRefresh.current) {
      pendingRefresh.current = false;
      refresh();
    }
  };

  const totals = board.data?.totals;
  return (
    <Page wide className="pipeline-page board-page">
      <PipelineHeader
        pipeline={pipeline}
        pipelines={pipelines}
        view="board"
        description={
          totals
            ? t('board.summary', {
                count: totals.count,
                value: format.money(totals.valueSum, pipeline.currency),
                weighted: format.money(totals.weightedValue, pipeline.currency),
                label: pipeline.itemLabel.toLowerCase(),
              })
            : undefined
        }
        actions={
          canEdit && (
            <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
              {t('board.new', { label: pipeline.itemLabel })}
            </Button>
          )
        }
      />
      <BoardFilters filters={filters} onChange={setFilters} count={count} />
      {board.isError && <FormError message={describeError(board.error, t)} />}
      <p className="visually-hidden" id="board-instructions">
        {t('board.instructions')}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ screenReaderInstructions: { draggable: t('board.instructions') } }}
      >
        <div
          className="board"
          role="region"
          aria-label={t('board.label', { name: pipeline.name })}
          aria-describedby="board-instructions"
        >
          {pipeline.stages.map((stage) => {
            const column = board.data?.columns.find((c) => c.stageId === stage.id);
            if (!column)
              return (
                <div key={stage.id} className="board-column">
                  <Skeleton height={120} />
                  <Skeleton height={90} />
                  <Skeleton height={90} />
                </div>
              );
            const extra = more[stage.id];
            return (
              <BoardColumn
                key={stage.id}
                stage={stage}
                column={column}
                moreCards={extra?.cards ?? []}
                hasMore={extra ? Boolean(extra.cursor) : Boolean(column.nextCursor)}
                isLoadingMore={Boolean(extra?.isLoading)}
                onLoadMore={() => void loadMore(stage.id)}
                currency={pipeline.currency}
                pipelineId={pipeline.id}
                itemLabel={pipeline.itemLabel}
                canEdit={canEdit}
                isFiltered={count > 0}
                onOpen={(c) => openDeal(c.id)}
                onChooseStage={setChoosing}
              />
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? (
            <div className="deal-card is-overlay">
              <DealCardBody card={dragging} currency={pipeline.currency} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {choosing && (
        <MoveToDialog
          card={choosing}
          stages={pipeline.stages}
          onClose={() => setChoosing(null)}
          onPick={(stageId) => {
            setChoosing(null);
            move.requestMove(choosing, stageId);
          }}
        />
      )}
      {move.prompt && (
        <MoveDialog
          prompt={move.prompt}
          currency={pipeline.currency}
          isPending={move.isPending}
          onConfirm={move.confirm}
          onCancel={move.cancel}
        />
      )}
      <Drawer
        open={Boolean(openDealId)}
        onClose={() => openDeal(null)}
        title={t('deal.title', { label: pipeline.itemLabel })}
      >
        {openDealId && (
          <DealPanel
            dealId={openDealId}
            pipeline={pipeline}
            onMove={(deal, stageId) => move.requestMove({ ...deal }, stageId)}
            onDeleted={() => openDeal(null)}
          />
        )}
      </Drawer>
      {isCreating && (
        <NewDealDialog
          pipeline={pipeline}
          onClose={() => setCreating(false)}
          onCreated={(d) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: dealKeys.all });
            openDeal(d.id);
          }}
        />
      )}
    </Page>
  );
}
