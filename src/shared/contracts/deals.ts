import { z } from 'zod';
import { Id, PageQuery, Version, page } from './common.js';
import { Probability, StageKind } from './pipelines.js';

/** Money in integer minor units of the pipeline's currency. */
export const MinorUnits = z
  .number()
  .int('Money is a whole number of minor units')
  .min(0, 'Value cannot be negative')
  .max(100_000_000_000_000, 'Value is too large');
export const DateOnly = z.iso.date({ message: 'Use a date such as 2027-06-30' });
const CustomKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Custom field keys are letters, digits and _');
export const CustomValues = z.record(CustomKey, z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));
const Tags = z.array(z.string().trim().min(1).max(60)).max(30);
const Ref = z.object({ id: Id, name: z.string() }).nullable();

export const Deal = z.object({
  id: Id,
  pipelineId: Id,
  stageId: Id,
  status: StageKind,
  title: z.string(),
  valueMinor: z.number().int(),
  currency: z.string(),
  probability: z.number().int().nullable().describe('Own probability; null means the stage default'),
  effectiveProbability: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  ownerId: Id.nullable(),
  contact: Ref,
  company: Ref,
  owner: Ref,
  source: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  closeReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedOn: z.string().nullable(),
  stageEnteredAt: z.string(),
  isStale: z.boolean(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deal = z.infer<typeof Deal>;

/** What a board card shows. */
export const DealCard = Deal.pick({
  id: true,
  stageId: true,
  status: true,
  title: true,
  valueMinor: true,
  probability: true,
  effectiveProbability: true,
  expectedCloseDate: true,
  contact: true,
  company: true,
  owner: true,
  source: true,
  tags: true,
  stageEnteredAt: true,
  isStale: true,
  version: true,
});
export type DealCard = z.infer<typeof DealCard>;

const dealFields = {
  title: z.string().trim().min(1, 'Give it a title').max(200),
  valueMinor: MinorUnits,
  probability: Probability.nullable(),
  expectedCloseDate: DateOnly.nullable(),
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  ownerId: Id.nullable(),
  source: z.string().trim().min(1).max(80).nullable(),
  tags: Tags,
  custom: CustomValues,
  closeReason: z.string().trim().min(1).max(500).nullable(),
};

export const CreateDealBody = z.strictObject({
  pipelineId: Id,
  stageId: Id.optional().describe('Defaults to the first open stage'),
  ...dealFields,
  valueMinor: MinorUnits.default(0),
  probability: dealFields.probability.optional(),
  expectedCloseDate: dealFields.expectedCloseDate.optional(),
  contactId: dealFields.contactId.optional(),
  companyId: dealFields.companyId.optional(),
  ownerId: dealFields.ownerId.optional().describe('Defaults to you'),
  source: dealFields.source.optional(),
  tags: Tags.default([]),
  custom: CustomValues.default({}),
  closeReason: dealFields.closeReason.optional(),
});

const editable = z.strictObject(dealFields).partial();
export const UpdateDealBody = editable.extend({ version: Version });
/** Fields a move may fill in at the same time (those the target stage requires). */
export const MoveFields = editable.omit({ title: true, closeReason: true });

export const MoveDealBody = z.strictObject({
  stageId: Id,
  version: Version.describe('The version you saw; a stale one gets 409'),
  reason: z.string().trim().min(1).max(500).optional(),
  closeReason: z.string().trim().min(1).max(500).optional().describe('Why it was won or lost'),
  fields: MoveFields.optional(),
});

const csv = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
const many = z
  .union([z.string().max(300), z.array(z.string().max(300)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** Filters shared by the board, the list and bulk moves. */
export const DealFilter = z.object({
  ownerId: z.string().max(64).optional().describe('A user id, "me", or "none"'),
  source: z.string().max(80).optional(),
  tags: csv.optional().describe('Comma-separated; items having all of them'),
  custom: many.optional().describe('key:value, repeatable (e.g. academicYear:2027/28)'),
  createdFrom: DateOnly.optional(),
  createdTo: DateOnly.optional(),
  contactId: Id.optional(),
  q: z.string().trim().max(200).optional().describe('Title contains'),
});
export type DealFilter = z.output<typeof DealFilter>;

export const BoardQuery = DealFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Cards per column'),
});
export const ColumnQuery = BoardQuery.extend({ cursor: z.string().max(500).optional() });

export const BoardColumn = z.object({
  stageId: Id,
  count: z.number().int(),
  valueSum: z.number().int(),
  weightedValue: z.number().int(),
  avgDaysInStage: z.number().nullable().describe('Average age in this stage of the items now in it'),
  avgDaysBeforeLeaving: z.number().nullable().describe('Average time items spent here before moving on'),
  conversionToNext: z.number().nullable().describe('Share of items that entered this stage and moved forward (0-1)'),
  staleCount: z
    .number()
    .int()
    .nullable()
    .describe('Open items past the stage limit, counted up to 1,000 (null: the stage has no limit)'),
  staleCountCapped: z.boolean().describe('There are more stale items than staleCount says'),
  cards: z.array(DealCard),
  nextCursor: z.string().nullable(),
});
export type BoardColumn = z.infer<typeof BoardColumn>;
export const Board = z.object({
  pipelineId: Id,
  currency: z.string(),
  filtered: z.boolean(),
  columns: z.array(BoardColumn),
  totals: z.object({ count: z.number().int(), valueSum: z.number().int(), weightedValue: z.number().int() }),
});
export type Board = z.infer<typeof Board>;
export const CardPage = z.object({ items: z.array(DealCard), nextCursor: z.string().nullable() });

export const DEAL_SORTS = ['createdAt', 'updatedAt', 'value', 'title'] as const;
export const DealListQuery = PageQuery.extend(DealFilter.shape).extend({
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  status: StageKind.optional(),
  sort: z.enum(DEAL_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const DealPage = page(Deal);

export const BulkMoveBody = z
  .strictObject({
    stageId: Id,
    ids: z.array(Id).min(1).max(1000).optional(),
    filter: DealFilter.extend({ pipelineId: Id, stageId: Id.optional() }).strict().optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    closeReason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => Boolean(b.ids) !== Boolean(b.filter), { message: 'Send either ids or filter', path: ['ids'] });
export const BulkMoveItem = z.object({
  id: Id,
  ok: z.boolean(),
  version: z.number().int().optional(),
  code: z.string().optional(),
  rule: z.string().optional(),
  message: z.string().optional(),
});
export const BulkMoveResult = z.object({
  moved: z.number().int(),
  refused: z.number().int(),
  results: z.array(BulkMoveItem),
});

export const StageHistoryEntry = z.object({
  id: Id,
  fromStageId: Id.nullable(),
  fromStageName: z.string().nullable(),
  toStageId: Id,
  toStageName: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  secondsInPrevious: z.number().nullable(),
  movedAt: z.string(),
});
export type StageHistoryEntry = z.infer<typeof StageHistoryEntry>;
export const StageHistory = z.object({ items: z.array(StageHistoryEntry) });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month such as 2027-01');
export const ForecastQuery = z.object({
  from: Month.optional().describe('First month (default: 11 months before this one)'),
  to: Month.optional().describe('Last month (default: 12 months after this one)'),
  interval: z.enum(['month', 'quarter']).default('month'),
  ownerId: z.string().max(64).optional(),
});
const Reason = z.object({ reason: z.string(), count: z.number().int(), valueSum: z.number().int() });
export const Forecast = z.object({
  pipelineId: Id,
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  openByCloseMonth: z.array(
    z.object({
      period: z.string(),
      count: z.number().int(),
      valueSum: z.number().int(),
      weightedValue: z.number().int(),
    }),
  ),
  noCloseDate: z.object({ count: z.number().int(), valueSum: z.number().int(), weightedValue: z.number().int() }),
  closedByPeriod: z.array(
    z.object({
      period: z.string(),
      wonCount: z.number().int(),
      wonValue: z.number().int(),
      lostCount: z.number().int(),
      lostValue: z.number().int(),
    }),
  ),
  reasons: z.object({ won: z.array(Reason), lost: z.array(Reason) }),
});
export type Forecast = z.infer<typeof Forecast>;

export const DealParams = z.object({ id: Id });
