import { z } from 'zod';
import { Id, Version } from './common.js';

export const PIPELINE_CATEGORIES = ['enrollment', 'general', 'sales', 'custom'] as const;
export const PipelineCategory = z.enum(PIPELINE_CATEGORIES);
export type PipelineCategory = z.infer<typeof PipelineCategory>;

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;

/**
 * Fields a stage can require on entry: the move's reason, the won/lost reason, the item's value,
 * expected close date, contact, company, owner, or one of its custom fields (`custom.<key>`).
 */
export const REQUIRABLE_FIELDS = [
  'reason',
  'closeReason',
  'value',
  'expectedCloseDate',
  'contact',
  'company',
  'owner',
] as const;
export const RequiredField = z
  .string()
  .regex(
    /^(reason|closeReason|value|expectedCloseDate|contact|company|owner|custom\.[A-Za-z][A-Za-z0-9_]{0,63})$/,
    `Use one of ${REQUIRABLE_FIELDS.join(', ')} or custom.<key>`,
  );

export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour such as #22c55e');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as IDR');
export const Probability = z
  .number()
  .int('Use a whole number')
  .min(0, 'Probability is 0-100')
  .max(100, 'Probability is 0-100');
const ContactTypeKey = z.string().trim().min(1).max(64);

export const PipelineRules = z.object({
  /** Moving an open item back to an earlier open stage. */
  allowBackward: z.boolean(),
  /** Won and lost stages are final: only managers (pipelines.manage) may reopen or switch won/lost. */
  closedStagesTerminal: z.boolean(),
  /** Every move needs a reason. */
  reasonRequired: z.boolean(),
});
export type PipelineRules = z.infer<typeof PipelineRules>;

export const Stage = z.object({
  id: Id,
  pipelineId: Id,
  name: z.string(),
  color: z.string(),
  position: z.number().int(),
  kind: StageKind,
  probability: z.number().int(),
  staleDays: z.number().int().nullable(),
  requiredFields: z.array(z.string()),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  category: PipelineCategory,
  itemLabel: z.string(),
  currency: z.string(),
  rules: PipelineRules,
  wonContactType: z
    .string()
    .nullable()
    .describe('Winning an item changes its contact to this type (e.g. student_parent, patient)'),
  position: z.number().int(),
  isArchived: z.boolean(),
  version: z.number().int(),
  stages: z.array(Stage),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const StageInput = z.strictObject({
  name: z.string().trim().min(1, 'Name the stage').max(80),
  color: Colour.default('#64748b'),
  kind: StageKind.default('open'),
  probability: Probability.optional(),
  staleDays: z.number().int().min(1).max(3650).nullable().optional(),
  requiredFields: z.array(RequiredField).max(20).optional(),
});

export const CreatePipelineBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the pipeline').max(120),
  category: PipelineCategory.default('custom'),
  itemLabel: z.string().trim().min(1).max(40).default('Deal'),
  currency: Currency.optional(),
  rules: PipelineRules.partial().strict().optional(),
  wonContactType: ContactTypeKey.nullable().optional(),
  stages: z.array(StageInput).min(1, 'A pipeline needs at least one stage').max(30).optional(),
});

export const UpdatePipelineBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1, 'Name the pipeline').max(120).optional(),
  category: PipelineCategory.optional(),
  itemLabel: z.string().trim().min(1).max(40).optional(),
  currency: Currency.optional(),
  rules: PipelineRules.partial().strict().optional(),
  wonContactType: ContactTypeKey.nullable().optional(),
  isArchived: z.boolean().optional(),
});

export const CreateStageBody = StageInput.extend({
  /** Where to insert (0 = first); by default open stages go before the first won/lost stage. */
  position: z.number().int().min(0).optional(),
});
export const UpdateStageBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the stage').max(80).optional(),
  color: Colour.optional(),
  kind: StageKind.optional(),
  probability: Probability.optional(),
  staleDays: z.number().int().min(1).max(3650).nullable().optional(),
  requiredFields: z.array(RequiredField).max(20).optional(),
});
export const ReorderStagesBody = z.strictObject({ stageIds: z.array(Id).min(1).max(30) });
export const DeleteStageQuery = z.object({
  targetStageId: Id.optional().describe("Where the stage's items go; required when it has any"),
});
export const DeleteStageResult = z.object({ ok: z.literal(true), movedItems: z.number().int() });

export const PipelineParams = z.object({ id: Id });
export const StageParams = z.object({ id: Id, stageId: Id });
export const PipelineList = z.object({ items: z.array(Pipeline) });
