import type { PipelineCategory, StageKind } from '../../../../shared/contracts/pipelines';

// Kept here (typed against the contract) so the web bundle does not pull in the contracts' zod schemas.
export const PIPELINE_CATEGORIES: readonly PipelineCategory[] = ['enrollment', 'general', 'sales', 'custom'];
export const STAGE_KINDS: readonly StageKind[] = ['open', 'won', 'lost'];
export const REQUIRABLE_FIELDS = [
  'reason',
  'closeReason',
  'value',
  'expectedCloseDate',
  'contact',
  'company',
  'owner',
] as const;
