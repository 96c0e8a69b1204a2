import type { Deal, DealCard } from '../../../shared/contracts/deals.js';
import type {
  Pipeline,
  PipelineCategory,
  PipelineRules,
  Stage,
  StageKind,
} from '../../../shared/contracts/pipelines.js';
import type { DB } from '../../db/schema.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { PipelineRulesRow } from './pipelines.tables.js';

export type PipelineRow = DB['pipelines'];
export type StageRow = DB['pipeline_stages'];
export type DealRow = DB['deals'];
/** A deal row with the display names its card needs. */
export type DealViewRow = DealRow & { contact_name: string | null; company_name: string | null };
/** A deal for its own page: also its owner's name. */
export type DealPageRow = DealViewRow & { owner_name: string | null };
/** What a board card is made of: a few of the deal's columns and the display names. */
export type DealCardRow = Pick<
  DealViewRow,
  | 'id'
  | 'stage_id'
  | 'status'
  | 'title'
  | 'value_minor'
  | 'probability'
  | 'expected_close_date'
  | 'contact_id'
  | 'company_id'
  | 'owner_id'
  | 'source'
  | 'tags'
  | 'stage_entered_at'
  | 'version'
  | 'contact_name'
  | 'company_name'
>;

export const DEFAULT_RULES: PipelineRules = { allowBackward: true, closedStagesTerminal: false, reasonRequired: false };

export function rulesOf(row: Pick<PipelineRow, 'rules'>): PipelineRules {
  return { ...DEFAULT_RULES, ...fromJson<PipelineRulesRow>(row.rules, {}) };
}

export function toStage(row: StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    color: row.color,
    position: row.position,
    kind: row.kind as StageKind,
    probability: row.probability,
    staleDays: row.stale_days,
    requiredFields: fromJson<string[]>(row.required_fields, []),
  };
}

export function toPipeline(row: PipelineRow, stages: StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    category: row.category as PipelineCategory,
    itemLabel: row.item_label,
    currency: row.currency,
    rules: rulesOf(row),
    wonContactType: row.won_contact_type,
    position: row.position,
    isArchived: row.is_archived,
    version: row.version,
    stages: stages
      .filter((s) => s.pipeline_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map(toStage),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Whether an open item has sat in its stage past the stage's limit. */
export function isStale(
  row: Pick<DealRow, 'status' | 'stage_entered_at'>,
  stage: Pick<Stage, 'staleDays'> | undefined,
  now: Date,
): boolean {
  if (row.status !== 'open' || !stage?.staleDays) return false;
  return now.getTime() - new Date(row.stage_entered_at).getTime() > stage.staleDays * 86_400_000;
}

export interface CardContext {
  stages: Map<string, Stage>;
  ownerNames: Map<string, string>;
  now: Date;
}

export function toCard(row: DealCardRow, c: CardContext): DealCard {
  const stage = c.stages.get(row.stage_id);
  return {
    id: row.id,
    stageId: row.stage_id,
    status: row.status as StageKind,
    title: row.title,
    valueMinor: Number(row.value_minor),
    probability: row.probability,
    effectiveProbability: row.probability ?? stage?.probability ?? 0,
    expectedCloseDate: row.expected_close_date,
    contact: row.contact_id ? { id: row.contact_id, name: row.contact_name ?? '' } : null,
    company: row.company_id ? { id: row.company_id, name: row.company_name ?? '' } : null,
    owner: row.owner_id ? { id: row.owner_id, name: c.ownerNames.get(row.owner_id) ?? '' } : null,
    source: row.source,
    tags: fromJson<string[]>(row.tags, []),
    stageEnteredAt: row.stage_entered_at,
    isStale: isStale(row, stage, c.now),
    version: row.version,
  };
}

export function toDeal(row: DealViewRow, currency: string, c: CardContext): Deal {
  return {
    ...toCard(row, c),
    pipelineId: row.pipeline_id,
    currency,
    contactId: row.contact_id,
    companyId: row.company_id,
    ownerId: row.owner_id,
    custom: fromJson<Record<string, unknown>>(row.custom, {}),
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    closedOn: row.closed_on,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields of a deal worth keeping in the audit log. */
export function auditSnapshot(row: DealRow): Record<string, unknown> {
  return {
    title: row.title,
    stageId: row.stage_id,
    status: row.status,
    valueMinor: Number(row.value_minor),
    probability: row.probability,
    expectedCloseDate: row.expected_close_date,
    contactId: row.contact_id,
    companyId: row.company_id,
    ownerId: row.owner_id,
    source: row.source,
    tags: fromJson<string[]>(row.tags, []),
    custom: fromJson<Record<string, unknown>>(row.custom, {}),
    closeReason: row.close_reason,
  };
}
