import { useDraggable } from '@dnd-kit/core';
import { AlarmClock, ArrowRightLeft, GripVertical, User } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Badge, IconButton, cx } from '../../../design';
import { useFormat } from '../../../lib/format';
import type { DealCard as Card } from '../api/board';

export interface DealCardProps {
  card: Card;
  currency: string;
  canMove: boolean;
  onOpen: (card: Card) => void;
  /** Opens the "Move to" chooser (the keyboard- and touch-friendly way to move). */
  onChooseStage: (card: Card) => void;
}

function daysSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000));
}

/** The card's face (also drawn under the pointer while dragging). */
export function DealCardBody({ card, currency }: Pick<DealCardProps, 'card' | 'currency'>) {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const days = daysSince(card.stageEnteredAt);
  return (
    <>
      <div className="deal-card-title">{card.title}</div>
      {card.contact && card.contact.name !== card.title && (
        <div className="deal-card-contact text-muted">
          <User aria-hidden />
          {card.contact.name}
        </div>
      )}
      <div className="deal-card-meta">
        <span className="deal-card-value">
          {card.valueMinor ? (
            format.money(card.valueMinor, currency)
          ) : (
            <span className="text-subtle">{t('card.noValue')}</span>
          )}
        </span>
        <span className="text-subtle">{card.effectiveProbability}%</span>
        <span className="grow" />
        {card.isStale ? (
          <span title={t('card.staleTitle')}>
            <Badge color="amber" icon={<AlarmClock />}>
              {t('card.staleDays', { count: days })}
            </Badge>
          </span>
        ) : (
          <span className="text-subtle" title={t('card.inStageSince', { date: format.date(card.stageEnteredAt) })}>
            {days ? t('card.days', { count: days }) : t('card.today')}
          </span>
        )}
        {card.owner && <Avatar name={card.owner.name} size="sm" />}
      </div>
      {card.tags.length > 0 && (
        <div className="deal-card-tags">
          {card.tags.slice(0, 3).map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </div>
      )}
    </>
  );
}

/** A draggable card (pointer or keyboard); a click opens it; "Move to" offers the same without dragging. */
export function DealCard({ card, currency, canMove, onOpen, onChooseStage }: DealCardProps) {
  const { t } = useTranslation('pipelines');
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    disabled: !canMove,
  });
  return (
    <article
      ref={setNodeRef}
      className={cx('deal-card', isDragging && 'is-dragging', card.isStale && 'is-stale')}
      data-testid="deal-card"
      data-deal-id={card.id}
      aria-label={card.title}
    >
      {canMove && (
        <button
          type="button"
          className="deal-card-handle"
          {...attributes}
          {...listeners}
          aria-label={t('card.dragHandle', { title: card.title })}
        >
          <GripVertical aria-hidden />
        </button>
      )}
      <button type="button" className="deal-card-open" onClick={() => onOpen(card)}>
        <DealCardBody card={card} currency={currency} />
      </button>
      {canMove && (
        <IconButton
          className="deal-card-menu"
          size="sm"
          label={t('card.moveMenu', { title: card.title })}
          icon={<ArrowRightLeft />}
          onClick={() => onChooseStage(card)}
        />
      )}
    </article>
  );
}
