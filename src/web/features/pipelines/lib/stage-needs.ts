import type { DealCard } from '../api/board';
import type { Pipeline, Stage } from '../api/pipelines';

/** What the move dialog can ask for. */
export type MoveNeed = 'reason' | 'closeReason' | 'value' | 'expectedCloseDate';

/** What a move into `to` needs that the card does not have yet (checked again by the server). */
export function movePrompts(
  pipeline: Pipeline,
  to: Stage,
  card: Pick<DealCard, 'valueMinor' | 'expectedCloseDate'>,
): MoveNeed[] {
  const out = new Set<MoveNeed>();
  if (pipeline.rules.reasonRequired || to.requiredFields.includes('reason')) out.add('reason');
  if (to.requiredFields.includes('closeReason')) out.add('closeReason');
  if (to.requiredFields.includes('value') && !(card.valueMinor > 0)) out.add('value');
  if (to.requiredFields.includes('expectedCloseDate') && !card.expectedCloseDate) out.add('expectedCloseDate');
  return [...out];
}
