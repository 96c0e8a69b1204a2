import type { z } from 'zod';
import type {
  CreatePipelineBody,
  Pipeline,
  StageInput,
  UpdatePipelineBody,
} from '../../../shared/contracts/pipelines.js';
import { newId } from '../../db/ids.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { DEFAULT_RULES, rulesOf, toPipeline } from './pipelines.mappers.js';
import { isId } from './ids.js';
import * as repo from './pipelines.repository.js';
import { defaultStages } from './stage-sets.js';

/** A stage's default probability when none is given. */
export function defaultProbability(kind: 'open' | 'won' | 'lost', index: number, openCount: number): number {
  if (kind === 'won') return 100;
  if (kind === 'lost') return 0;
  return Math.min(90, Math.round(((index + 1) / (openCount + 1)) * 100));
}

/** A pipeline with its stages, or 404 (also for another workspace's pipeline). */
export async function loadPipeline(db: Db, workspaceId: string, id: string): Promise<Pipeline> {
  const row = isId(id) ? await repo.findPipelineRow(db, workspaceId, id) : undefined;
  if (!row) throw notFound('Pipeline');
  return toPipeline(row, await repo.listStageRows(db, workspaceId, id));
}

export async function listPipelines(ctx: AppContext, actor: Actor): Promise<Pipeline[]> {
  const [rows, stages] = await Promise.all([
    repo.listPipelineRows(ctx.db, actor.workspaceId),
    repo.listStageRows(ctx.db, actor.workspaceId),
  ]);
  return rows.map((r) => toPipeline(r, stages));
}

export type StageSpec = z.input<typeof StageInput>;
export type PipelineSpec = z.output<typeof CreatePipelineBody>;

/** Writes a pipeline and its stages in the caller's transaction (used by the API and by templates). */
export async function insertPipelineWithStages(db: Db, actor: Actor, spec: PipelineSpec, now: string): Promise<string> {
  const id = newId();
  const currency = spec.currency ?? (await repo.workspaceLocale(db, actor.workspaceId)).currency;
  await repo.insertPipeline(db, {
    id,
    workspace_id: actor.workspaceId,
    name: spec.name,
    category: spec.category,
    item_label: spec.itemLabel,
    currency,
    rules: toJson({ ...DEFAULT_RULES, ...(spec.rules ?? {}) }),
    won_contact_type: spec.wonContactType ?? null,
    position: await repo.nextPipelinePosition(db, actor.workspaceId),
    is_archived: false,
    created_by: actor.kind === 'user' ? actor.id : null,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  const stages: StageSpec[] = spec.stages ?? defaultStages(spec.category);
  const openCount = stages.filter((s) => (s.kind ?? 'open') === 'open').length;
  if (!openCount) throw new AppError('LAST_STAGE', 'Give the pipeline at least one open stage', { field: 'stages' });
  let openIndex = 0;
  for (const [position, s] of stages.entries()) {
    const kind = s.kind ?? 'open';
    await repo.insertStage(db, {
      id: newId(),
      workspace_id: actor.workspaceId,
      pipeline_id: id,
      name: s.name,
      color: s.color ?? '#64748b',
      position,
      kind,
      probability: s.probability ?? defaultProbability(kind, kind === 'open' ? openIndex++ : 0, openCount),
      stale_days: s.staleDays ?? null,
      required_fields: toJson(s.requiredFields ?? []),
      created_at: now,
      updated_at: now,
    });
  }
  return id;
}

export async function createPipeline(ctx: AppContext, actor: Actor, input: PipelineSpec): Promise<Pipeline> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertPipelineWithStages(trx, actor, input, now);
    const pipeline = await loadPipeline(trx, actor.workspaceId, id);
    await recordAudit(
      trx,
      actor,
      { action: 'pipeline.created', entityType: 'pipeline', entityId: id, after: pipeline },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'pipeline.created', entityType: 'pipeline', entityId: id, payload: { pipelineId: id } },
      now,
    );
    return pipeline;
  });
}

export async function updatePipeline(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdatePipelineBody>,
): Promise<Pipeline> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = isId(id) ? await repo.findPipelineRow(trx, actor.workspaceId, id) : undefined;
    if (!row) throw notFound('Pipeline');
    if (row.version !== patch.version)
      throw new AppError('VERSION_CONFLICT', undefined, { data: { currentVersion: row.version } });
    if (
      patch.currency &&
      patch.currency !== row.currency &&
      (await repo.pipelineHasDeals(trx, actor.workspaceId, id))
    ) {
      throw new AppError('CURRENCY_LOCKED', undefined, { field: 'currency' });
    }
    const before = await loadPipeline(trx, actor.workspaceId, id);
    const ok = await repo.updatePipelineRow(trx, actor.workspaceId, id, patch.version, {
      name: patch.name ?? row.name,
      category: patch.category ?? row.category,
      item_label: patch.itemLabel ?? row.item_label,
      currency: patch.currency ?? row.currency,
      rules: toJson({ ...rulesOf(row), ...(patch.rules ?? {}) }),
      won_contact_type: patch.wonContactType === undefined ? row.won_contact_type : patch.wonContactType,
      is_archived: patch.isArchived ?? row.is_archived,
      updated_at: now,
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = await loadPipeline(trx, actor.workspaceId, id);
    await recordAudit(
      trx,
      actor,
      {
        action: 'pipeline.updated',
        entityType: 'pipeline',
        entityId: id,
        before: withoutStages(before),
        after: withoutStages(after),
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'pipeline.updated', entityType: 'pipeline', entityId: id, payload: { pipelineId: id } },
      now,
    );
    return after;
  });
}

function withoutStages(p: Pipeline): Record<string, unknown> {
  const { stages: _stages, version: _version, updatedAt: _updatedAt, ...rest } = p;
  return rest;
}

/** Deletes an empty pipeline; one with items must be archived (or emptied) instead. */
export async function deletePipeline(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const before = await loadPipeline(trx, actor.workspaceId, id);
    if (await repo.pipelineHasDeals(trx, actor.workspaceId, id)) throw new AppError('PIPELINE_NOT_EMPTY');
    await repo.deletePipelineRow(trx, actor.workspaceId, id);
    await recordAudit(trx, actor, { action: 'pipeline.deleted', entityType: 'pipeline', entityId: id, before }, now);
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'pipeline.deleted', entityType: 'pipeline', entityId: id, payload: { pipelineId: id } },
      now,
    );
  });
}
