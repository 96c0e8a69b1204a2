import type { Board, DealCard } from '../api/board';
import type { Pipeline } from '../api/pipelines';

const weightOf = (card: DealCard, probability: number) => Math.floor((card.valueMinor * probability) / 100);

/** The board as it will look once the move lands: the card on top of its new column, numbers adjusted. */
export function boardAfterMove(board: Board, pipeline: Pipeline, card: DealCard, toStageId: string): Board {
  const to = pipeline.stages.find((s) => s.id === toStageId);
  if (!to) return board;
  const moved: DealCard = {
    ...card,
    stageId: toStageId,
    status: to.kind,
    effectiveProbability: card.probability ?? to.probability,
    stageEnteredAt: new Date().toISOString(),
    isStale: false,
  };
  return {
    ...board,
    columns: board.columns.map((col) => {
      if (col.stageId === card.stageId) {
        return {
          ...col,
          count: Math.max(0, col.count - 1),
          valueSum: col.valueSum - card.valueMinor,
          weightedValue: col.weightedValue - weightOf(card, card.effectiveProbability),
          cards: col.cards.filter((c) => c.id !== card.id),
        };
      }
      if (col.stageId === toStageId) {
        return {
          ...col,
          count: col.count + 1,
          valueSum: col.valueSum + card.valueMinor,
          weightedValue: col.weightedValue + weightOf(moved, moved.effectiveProbability),
          cards: [moved, ...col.cards.filter((c) => c.id !== card.id)],
        };
      }
      return col;
    }),
  };
}
