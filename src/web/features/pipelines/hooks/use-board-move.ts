import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../design';
import { isApiError } from '../../../lib/api';
import { boardKeys, type Board, type BoardFilters, type DealCard } from '../api/board';
import { dealKeys, moveDeal } from '../api/deals';
import type { Pipeline } from '../api/pipelines';
import type { MoveExtras, MovePrompt } from '../components/move-dialog';
import { moveErrorMessage, needsMoveDialog } from '../lib/move-errors';
import { boardAfterMove } from '../lib/optimistic';
import { movePrompts, type MoveNeed } from '../lib/stage-needs';

/** Which dialog fields a refusal's field errors ask for. */
function needsFromError(err: unknown): MoveNeed[] {
  if (!isApiError(err)) return [];
  const map: Record<string, MoveNeed> = {
    reason: 'reason',
    closeReason: 'closeReason',
    'fields.valueMinor': 'value',
    'fields.expectedCloseDate': 'expectedCloseDate',
  };
  return Object.keys(err.fieldErrors)
    .map((f) => map[f])
    .filter((x): x is MoveNeed => Boolean(x));
}

/**
 * Moving cards on the board: optimistic (the card jumps at once), rolled back with the refusing
 * rule's message when the server says no; a reason/fields dialog first when the target needs one.
 */
export function useBoardMove(pipeline: Pipeline | undefined, filters: BoardFilters) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation('pipelines');
  const [prompt, setPrompt] = useState<MovePrompt | null>(null);
  const [isPending, setPending] = useState(false);

  async function perform(card: DealCard, toStageId: string, extras: MoveExtras) {
    if (!pipeline) return;
    const key = boardKeys.detail(pipeline.id, filters).queryKey;
    await queryClient.cancelQueries({ queryKey: key });
    const before = queryClient.getQueryData<Board>(key);
    if (before) queryClient.setQueryData<Board>(key, boardAfterMove(before, pipeline, card, toStageId));
    setPending(true);
    try {
      await moveDeal(card.id, { stageId: toStageId, version: card.version, ...extras });
      setPrompt(null);
      toast.success(
        t('move.moved', { title: card.title, stage: pipeline.stages.find((s) => s.id === toStageId)?.name ?? '' }),
      );
    } catch (err) {
      if (before) queryClient.setQueryData<Board>(key, before);
      const to = pipeline.stages.find((s) => s.id === toStageId);
      const needs = needsFromError(err);
      if (to && needsMoveDialog(err) && needs.length)
        setPrompt({ card, to, needs: [...new Set([...(prompt?.needs ?? []), ...needs])], error: err });
      else {
        setPrompt(null);
        toast.error(t('move.refused'), moveErrorMessage(err, t));
      }
    } finally {
      setPending(false);
      void queryClient.invalidateQueries({ queryKey: dealKeys.all });
    }
  }

  function requestMove(card: DealCard, toStageId: string) {
    if (!pipeline || card.stageId === toStageId) return;
    const to = pipeline.stages.find((s) => s.id === toStageId);
    if (!to) return;
    const needs = movePrompts(pipeline, to, card);
    if (needs.length) setPrompt({ card, to, needs });
    else void perform(card, toStageId, {});
  }

  return {
    requestMove,
    prompt,
    isPending,
    confirm: (extras: MoveExtras) => prompt && void perform(prompt.card, prompt.to.id, extras),
    cancel: () => setPrompt(null),
  };
}
