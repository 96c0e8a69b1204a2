import type { z } from 'zod';
import type { CreateStageBody, Pipeline, Stage, UpdateStageBody } from '../../../shared/contracts/pipelines.js';
import { newId } from '../../db/ids.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import * as deals from './deals.repository.js';
import { isId } from './ids.js';
import { localDate } from './local-date.js';
import { defaultProbability, loadPipeline } from './pipelines.service.js';
import * as repo from './pipelines.repository.js';
import { rebuildForecastStats } from './forecast-stats.repository.js';
import { addToStageTotals, recountStage } from './stage-stats.repository.js';

type Change = (
  trx: Transaction<DB>,
  pipeline: Pipeline,
  now: string,
) => Promise<{ action: string; stageId: string; before?: Stage | null; after?: Record<string, unknown> | null }>;

/** Runs a stage change with the pipeline locked, then audits it and bumps the pipeline's version. */
async function changeStages(ctx: AppContext, actor: Actor, pipelineId: string, change: Change): Promise<Pipeline> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (!isId(pipelineId) || !(await repo.lockPipelineRow(trx, actor.workspaceId, pipelineId)))
      throw notFound('Pipeline');
    const pipeline = await loadPipeline(trx, actor.workspaceId, pipelineId);
    const { action, stageId, before, after } = await change(trx, pipeline, now);
    await repo.touchPipeline(trx, actor.workspaceId, pipelineId, now);
    await recordAudit(
      trx,
      actor,
      {
        action,
        entityType: 'pipeline_stage',
        entityId: stageId,
        before: before ?? null,
        after: after ?? null,
        meta: { pipelineId },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'pipeline.updated',
        entityType: 'pipeline',
        entityId: pipelineId,
        payload: { pipelineId, change: action, stageId },
      },
      now,
    );
    return loadPipeline(trx, actor.workspaceId, pipelineId);
  });
}

function stageOf(p: Pipeline, stageId: string): Stage {
  const stage = p.stages.find((s) => s.id === stageId);
  if (!stage) throw notFound('Stage');
  return stage;
}

export function addStage(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  input: z.output<typeof CreateStageBody>,
): Promise<Pipeline> {
  return changeStages(ctx, actor, pipelineId, async (trx, p, now) => {
    const firstClosed = p.stages.findIndex((s) => s.kind !== 'open');
    const defaultAt = input.kind === 'open' && firstClosed >= 0 ? firstClosed : p.stages.length;
    const at = Math.min(input.position ?? defaultAt, p.stages.length);
    const id = newId();
    const openCount = p.stages.filter((s) => s.kind === 'open').length + 1;
    await repo.insertStage(trx, {
      id,
      workspace_id: actor.workspaceId,
      pipeline_id: p.id,
      name: input.name,
      color: input.color,
      position: at,
      kind: input.kind,
      probability: input.probability ?? defaultProbability(input.kind, openCount - 1, openCount),
      stale_days: input.staleDays ?? null,
      required_fields: toJson(input.requiredFields ?? []),
      created_at: now,
      updated_at: now,
    });
    const order = p.stages.map((s) => s.id);
    order.splice(at, 0, id);
    await repo.setStagePositions(trx, actor.workspaceId, order, now);
    return { action: 'pipeline.stage_created', stageId: id, after: { ...input, position: at } };
  });
}

export function updateStage(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  patch: z.output<typeof UpdateStageBody>,
): Promise<Pipeline> {
  return changeStages(ctx, actor, pipelineId, async (trx, p, now) => {
    const before = stageOf(p, stageId);
    const kind = patch.kind ?? before.kind;
    if (before.kind === 'open' && kind !== 'open' && p.stages.filter((s) => s.kind === 'open').length === 1) {
      throw new AppError('LAST_STAGE', 'This is the only open stage; add another before changing its kind', {
        field: 'kind',
      });
    }
    await repo.updateStageRow(trx, actor.workspaceId, stageId, {
      name: patch.name ?? before.name,
      color: patch.color ?? before.color,
      kind,
      probability: patch.probability ?? before.probability,
      stale_days: patch.staleDays === undefined ? before.staleDays : patch.staleDays,
      required_fields: toJson(patch.requiredFields ?? before.requiredFields),
      updated_at: now,
    });
    if (kind !== before.kind) {
      const { timezone } = await repo.workspaceLocale(trx, actor.workspaceId);
      await deals.setStageDealsStatus(trx, actor.workspaceId, stageId, kind, now, localDate(new Date(now), timezone));
      await rebuildForecastStats(trx, actor.workspaceId, p.id);
    }
    return { action: 'pipeline.stage_updated', stageId, before, after: { ...before, ...patch } };
  });
}

export function reorderStages(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  stageIds: string[],
): Promise<Pipeline> {
  return changeStages(ctx, actor, pipelineId, async (trx, p, now) => {
    const current = new Set(p.stages.map((s) => s.id));
    if (
      stageIds.length !== current.size ||
      new Set(stageIds).size !== stageIds.length ||
      !stageIds.every((id) => current.has(id))
    ) {
      throw fieldError('stageIds', 'List every stage of this pipeline exactly once');
    }
    await repo.setStagePositions(trx, actor.workspaceId, stageIds, now);
    return { action: 'pipeline.stages_reordered', stageId: stageIds[0], before: null, after: { order: stageIds } };
  });
}

const HISTORY_BATCH = 500;

/** Deletes a stage; its items (if any) move to `targetStageId` with a history entry each. */
export async function deleteStage(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  targetStageId: string | undefined,
): Promise<{ pipeline: Pipeline; movedItems: number }> {
  let movedItems = 0;
  const pipeline = await changeStages(ctx, actor, pipelineId, async (trx, p, now) => {
    const stage = stageOf(p, stageId);
    if (stage.kind === 'open' && p.stages.filter((s) => s.kind === 'open').length === 1)
      throw new AppError('LAST_STAGE');
    const first = await deals.listStageDealsAfter(trx, actor.workspaceId, stageId, null, 1);
    if (first.length) {
      if (!targetStageId) throw new AppError('STAGE_HAS_ITEMS', undefined, { field: 'targetStageId' });
      const target = p.stages.find((s) => s.id === targetStageId);
      if (!target || target.id === stageId)
        throw new AppError('STAGE_NOT_IN_PIPELINE', 'Move the items to another stage of this pipeline', {
          field: 'targetStageId',
        });
      movedItems = await moveAllItems(ctx, trx, actor, p, stage, target, now);
    }
    await repo.deleteStageRow(trx, actor.workspaceId, stageId);
    const rest = p.stages.filter((s) => s.id !== stageId).map((s) => s.id);
    await repo.setStagePositions(trx, actor.workspaceId, rest, now);
    return {
      action: 'pipeline.stage_deleted',
      stageId,
      before: stage,
      after: { movedItems, targetStageId: targetStageId ?? null },
    };
  });
  return { pipeline, movedItems };
}

async function moveAllItems(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  p: Pipeline,
  from: Stage,
  to: Stage,
  now: string,
): Promise<number> {
  const nowMs = new Date(now).getTime();
  let after: string | null = null;
  for (;;) {
    const batch = await deals.listStageDealsAfter(trx, actor.workspaceId, from.id, after, HISTORY_BATCH);
    if (!batch.length) break;
    await deals.insertHistoryRows(
      trx,
      batch.map((d) => ({
        id: newId(),
        workspace_id: actor.workspaceId,
        deal_id: d.id,
        pipeline_id: p.id,
        from_stage_id: from.id,
        to_stage_id: to.id,
        actor_id: actor.kind === 'system' ? null : actor.id,
        actor_name: actor.name,
        reason: `Stage "${from.name}" was deleted`,
        seconds_in_previous: Math.max(0, Math.floor((nowMs - new Date(d.stage_entered_at).getTime()) / 1000)),
        created_at: now,
        updated_at: now,
      })),
    );
    after = batch[batch.length - 1].id;
  }
  const { timezone } = await repo.workspaceLocale(trx, actor.workspaceId);
  const moved = await deals.reassignStageDeals(
    trx,
    actor.workspaceId,
    from.id,
    to,
    now,
    localDate(new Date(now), timezone),
  );
  await recountStage(trx, actor.workspaceId, p.id, to.id);
  await addToStageTotals(trx, actor.workspaceId, to.id, moved);
  await rebuildForecastStats(trx, actor.workspaceId, p.id);
  return moved;
}
