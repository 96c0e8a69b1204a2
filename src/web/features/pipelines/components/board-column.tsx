import { useEffect, useRef, useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, IconButton, Skeleton, cx } from '../../../design';
import { useFormat } from '../../../lib/format';
import type { BoardColumn as Column, DealCard as Card } from '../api/board';
import type { Stage } from '../api/pipelines';
import { compactMoney } from '../lib/compact-money';
import { DealCard } from './deal-card';
import { QuickCreate } from './quick-create';

export interface BoardColumnProps {
  stage: Stage;
  column: Column;
  /** Cards loaded past the first page (by scrolling). */
  moreCards: Card[];
  hasMore: boolean;
  onLoadMore: () => void;
  isLoadingMore: boolean;
  currency: string;
  pipelineId: string;
  itemLabel: string;
  canEdit: boolean;
  isFiltered: boolean;
  onOpen: (card: Card) => void;
  onChooseStage: (card: Card) => void;
}

const CARD_HEIGHT = 104;

/** One stage: its numbers on top, then its cards in a virtualized list (thousands stay smooth). */
export function BoardColumn(props: BoardColumnProps) {
  const { stage, column, currency, canEdit } = props;
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const scrollRef = useRef<HTMLDivElement>(null);
  const [isCreating, setCreating] = useState(false);
  const cards = props.moreCards.length ? [...column.cards, ...props.moreCards] : column.cards;
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
    gap: 6,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index;

  useEffect(() => {
    if (last !== undefined && last >= cards.length - 5 && props.hasMore && !props.isLoadingMore) props.onLoadMore();
  }, [last, cards.length, props]);

  const conversion = column.conversionToNext === null ? null : Math.round(column.conversionToNext * 100);
  return (
    <section
      ref={setNodeRef}
      className={cx('board-column', isOver && 'is-over')}
      aria-label={t('column.label', { stage: stage.name, count: column.count })}
      data-testid="board-column"
      data-stage={stage.name}
    >
      <header className="board-column-header" style={{ ['--stage-color' as string]: stage.color }}>
        <div className="row board-column-title">
          <span className="stage-dot" aria-hidden />
          <h2>{stage.name}</h2>
          <Badge round>{format.number(column.count)}</Badge>
          {stage.kind !== 'open' && (
            <Badge color={stage.kind === 'won' ? 'green' : 'red'}>{t(`kinds.${stage.kind}`)}</Badge>
          )}
          <span className="grow" />
          {canEdit && (
            <IconButton
              size="sm"
              label={t('column.quickCreate', { stage: stage.name })}
              icon={<Plus />}
              onClick={() => setCreating(true)}
            />
          )}
        </div>
        <p
          className="board-column-metrics"
          title={t('column.valueTitle', {
            value: format.money(column.valueSum, currency),
            weighted: format.money(column.weightedValue, currency),
          })}
        >
          <span className="board-column-value">{compactMoney(column.valueSum, currency, format.settings.locale)}</span>
          <span className="text-subtle">
            {t('column.weightedShort', { value: compactMoney(column.weightedValue, currency, format.settings.locale) })}
          </span>
        </p>
        <p className="board-column-metrics text-subtle">
          <span title={t('column.avgDays')}>
            {column.avgDaysInStage === null ? '—' : t('column.avgDaysValue', { count: column.avgDaysInStage })}
          </span>
          {conversion !== null && (
            <span title={t('column.conversionTitle')}>{t('column.conversionValue', { value: conversion })}</span>
          )}
        </p>
        {column.staleCount ? (
          <p className="board-column-stale">
            {column.staleCountCapped
              ? t('column.staleMore', { count: column.staleCount })
              : t('column.stale', { count: column.staleCount })}
          </p>
        ) : null}
      </header>
      {isCreating && (
        <QuickCreate
          pipelineId={props.pipelineId}
          stage={stage}
          itemLabel={props.itemLabel}
          currency={currency}
          onDone={() => setCreating(false)}
        />
      )}
      <div ref={scrollRef} className="board-column-cards">
        {cards.length === 0 ? (
          <p className="board-column-empty text-subtle">
            {props.isFiltered ? t('column.emptyFiltered') : t('column.empty')}
          </p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const card = cards[item.index];
              return (
                <div
                  key={card.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="board-card-slot"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <DealCard
                    card={card}
                    currency={currency}
                    canMove={canEdit}
                    onOpen={props.onOpen}
                    onChooseStage={props.onChooseStage}
                  />
                </div>
              );
            })}
          </div>
        )}
        {props.isLoadingMore && <Skeleton height={CARD_HEIGHT - 10} />}
      </div>
    </section>
  );
}
