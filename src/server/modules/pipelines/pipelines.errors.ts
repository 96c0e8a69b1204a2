import type { ErrorCatalog } from '../../http/error-types.js';

/** Pipeline and deal errors. A refused move names the rule that refused it (`rule` in the body). */
export const pipelineErrors = {
  STAGE_NOT_IN_PIPELINE: { status: 400, title: 'That stage does not belong to this pipeline' },
  MOVE_BACKWARD_NOT_ALLOWED: {
    status: 422,
    title: 'This pipeline does not allow moving items back to an earlier stage',
  },
  MOVE_FROM_CLOSED_NOT_ALLOWED: {
    status: 422,
    title: 'Won and lost items are final in this pipeline; only a manager can reopen them',
  },
  MOVE_REASON_REQUIRED: { status: 422, title: 'This move needs a reason' },
  MOVE_FIELDS_REQUIRED: { status: 422, title: 'The target stage requires fields that are empty' },
  STAGE_HAS_ITEMS: { status: 409, title: 'The stage still has items; choose a stage to move them to' },
  LAST_STAGE: { status: 409, title: 'A pipeline needs at least one open stage' },
  PIPELINE_NOT_EMPTY: { status: 409, title: 'The pipeline still has items; archive it instead, or move them first' },
  CURRENCY_LOCKED: { status: 409, title: 'The currency cannot change once the pipeline has items' },
  CONVERSION_REFUSED: {
    status: 422,
    title: "Winning this item would change its contact's type, and that change was refused",
  },
  BULK_TOO_LARGE: { status: 400, title: 'Too many items for one bulk move; narrow the filter' },
} as const satisfies ErrorCatalog;
