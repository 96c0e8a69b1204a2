import type { z } from 'zod';
import type { CreateDealBody, Deal, StageHistoryEntry, UpdateDealBody } from '../../../shared/contracts/deals.js';
import type { Pipeline, Stage } from '../../../shared/contracts/pipelines.js';
import { newId } from '../../db/ids.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { convertContactOnWin } from './contact-conversion.js';
import { assertReferences, cardContextOf, pipelineForBody, visibleDeal } from './deal-context.js';
import * as deals from './deals.repository.js';
import { localDate } from './local-date.js';
import { auditSnapshot, toDeal, type DealPageRow, type DealRow } from './pipelines.mappers.js';
import { loadPipeline } from './pipelines.service.js';
import { workspaceLocale } from './pipelines.repository.js';
import { applyForecastDelta } from './forecast-stats.repository.js';
import { assertRequiredFields } from './stage-rules.js';
import { applyStatsDeltas, contributionOf, addDeltas, type StatsDelta } from './stage-stats.repository.js';

/** A deal as the API shows it, read in the given transaction. */
export async function dealView(
  ctx: AppContext,
  db: Db,
  workspaceId: string,
  id: string,
  pipeline?: Pipeline,
): Promise<Deal> {
  const row = await deals.findDealView(db, workspaceId, id);
  if (!row) throw notFound('Deal');
  return toDealPage(ctx, row, pipeline ?? (await loadPipeline(db, workspaceId, row.pipeline_id)));
}

/** A deal as the API shows it, from its row with the names it shows (no list of members needed). */
export function toDealPage(ctx: AppContext, row: DealPageRow, pipeline: Pipeline): Deal {
  const ownerNames = new Map(row.owner_id && row.owner_name !== null ? [[row.owner_id, row.owner_name]] : []);
  return toDeal(row, pipeline.currency, cardContextOf(ctx, pipeline.stages, ownerNames));
}

export async function getDeal(ctx: AppContext, actor: Actor, id: string): Promise<Deal> {
  const row = await visibleDeal(ctx.db, actor, id);
  return dealView(ctx, ctx.db, actor.workspaceId, row.id);
}

export async function dealHistory(ctx: AppContext, actor: Actor, id: string): Promise<StageHistoryEntry[]> {
  const row = await visibleDeal(ctx.db, actor, id);
  const rows = await deals.listHistory(ctx.db, actor.workspaceId, row.id);
  return rows.map((h) => ({
    id: h.id,
    fromStageId: h.from_stage_id,
    fromStageName: h.from_name,
    toStageId: h.to_stage_id,
    toStageName: h.to_name,
    actorId: h.actor_id,
    actorName: h.actor_name,
    reason: h.reason,
    secondsInPrevious: h.seconds_in_previous === null ? null : Number(h.seconds_in_previous),
    movedAt: h.created_at,
  }));
}

/** Closing fields for an item entering a stage: set when it closes, cleared when it reopens. */
export async function closingFields(
  db: Db,
  workspaceId: string,
  stage: Stage,
  now: string,
  current?: Pick<DealRow, 'closed_at' | 'closed_on' | 'status'>,
) {
  if (stage.kind === 'open') return { closed_at: null, closed_on: null };
  if (current && current.status === stage.kind && current.closed_at)
    return { closed_at: current.closed_at, closed_on: current.closed_on };
  const { timezone } = await workspaceLocale(db, workspaceId);
  return { closed_at: now, closed_on: localDate(new Date(now), timezone) };
}

export async function createDeal(ctx: AppContext, actor: Actor, input: z.output<typeof CreateDealBody>): Promise<Deal> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const pipeline = await pipelineForBody(trx, actor.workspaceId, input.pipelineId);
    const id = await createDealInTransaction(ctx, trx, actor, pipeline, input, now);
    return dealView(ctx, trx, actor.workspaceId, id, pipeline);
  });
}

/** Creates an item in the caller's transaction (API, contact-type rules, imports); returns its id. */
export async function createDealInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  pipeline: Pipeline,
  input: z.output<typeof CreateDealBody>,
  now: string,
): Promise<string> {
  const stage = input.stageId
    ? pipeline.stages.find((s) => s.id === input.stageId)
    : pipeline.stages.find((s) => s.kind === 'open');
  if (!stage)
    throw new AppError('STAGE_NOT_IN_PIPELINE', undefined, {
      field: 'stageId',
      errors: [{ field: 'stageId', message: 'Pick a stage of this pipeline' }],
    });
  const ownerId = input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId;
  await assertReferences(trx, actor.workspaceId, { contactId: input.contactId, companyId: input.companyId, ownerId });
  const row: DealRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    status: stage.kind,
    title: input.title,
    value_minor: input.valueMinor,
    probability: input.probability ?? null,
    expected_close_date: input.expectedCloseDate ?? null,
    contact_id: input.contactId ?? null,
    company_id: input.companyId ?? null,
    owner_id: ownerId,
    source: input.source ?? null,
    tags: toJson(input.tags),
    custom: toJson(input.custom),
    close_reason: input.closeReason ?? null,
    ...(await closingFields(trx, actor.workspaceId, stage, now)),
    stage_entered_at: now,
    created_by: actor.kind === 'user' ? actor.id : null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  // A new item "arrives" in its first stage: that stage's requirements apply (a reason is implied).
  assertRequiredFields(stage, row, 'created', '');
  await deals.insertDeal(trx, row);
  await deals.insertHistory(trx, {
    id: newId(),
    workspace_id: actor.workspaceId,
    deal_id: row.id,
    pipeline_id: pipeline.id,
    from_stage_id: null,
    to_stage_id: stage.id,
    actor_id: actor.kind === 'system' ? null : actor.id,
    actor_name: actor.name,
    reason: null,
    seconds_in_previous: null,
    created_at: now,
    updated_at: now,
  });
  if (stage.kind === 'won') await convertContactOnWin(ctx, trx, actor, pipeline, row);
  await recordAudit(
    trx,
    actor,
    {
      action: 'deal.created',
      entityType: 'deal',
      entityId: row.id,
      after: auditSnapshot(row),
      meta: { pipelineId: pipeline.id },
    },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'deal.created',
      entityType: 'deal',
      entityId: row.id,
      payload: { pipelineId: pipeline.id, stageId: stage.id, contactId: row.contact_id, title: row.title, version: 1 },
    },
    now,
  );
  // the running totals last, as in a move: rows other writers may share are held the shortest time
  await applyStatsDeltas(
    trx,
    actor.workspaceId,
    pipeline.id,
    new Map([[stage.id, { ...contributionOf(row), enteredTotal: 1 }]]),
  );
  await applyForecastDelta(trx, actor.workspaceId, pipeline.id, null, row);
  return row.id;
}

/** Which of a stage's required fields an edit touches (only those may not be emptied by it). */
function touchedRequirements(patch: z.output<typeof UpdateDealBody>): Set<string> {
  const map: Record<string, string> = {
    valueMinor: 'value',
    expectedCloseDate: 'expectedCloseDate',
    contactId: 'contact',
    companyId: 'company',
    ownerId: 'owner',
    closeReason: 'closeReason',
  };
  const out = new Set<string>();
  for (const key of Object.keys(patch)) if (map[key]) out.add(map[key]);
  for (const key of Object.keys(patch.custom ?? {})) out.add(`custom.${key}`);
  return out;
}

/** Applies an edit's fields to a row (custom values merge; null removes a key). */
export function applyEdit(row: DealRow, patch: Omit<z.output<typeof UpdateDealBody>, 'version'>): DealRow {
  const custom = { ...fromJson<Record<string, unknown>>(row.custom, {}) };
  for (const [k, v] of Object.entries(patch.custom ?? {})) {
    if (v === null) delete custom[k];
    else custom[k] = v;
  }
  return {
    ...row,
    title: patch.title ?? row.title,
    value_minor: patch.valueMinor ?? row.value_minor,
    probability: patch.probability === undefined ? row.probability : patch.probability,
    expected_close_date: patch.expectedCloseDate === undefined ? row.expected_close_date : patch.expectedCloseDate,
    contact_id: patch.contactId === undefined ? row.contact_id : patch.contactId,
    company_id: patch.companyId === undefined ? row.company_id : patch.companyId,
    owner_id: patch.ownerId === undefined ? row.owner_id : patch.ownerId,
    source: patch.source === undefined ? row.source : patch.source,
    tags: toJson(patch.tags ?? fromJson<string[]>(row.tags, [])),
    custom: toJson(custom),
    close_reason: patch.closeReason === undefined ? row.close_reason : patch.closeReason,
  };
}

export async function updateDeal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateDealBody>,
): Promise<Deal> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await visibleDeal(trx, actor, id);
    if (row.version !== input.version)
      throw new AppError('VERSION_CONFLICT', undefined, { data: { currentVersion: row.version } });
    const { version, ...patch } = input;
    await assertReferences(trx, actor.workspaceId, patch);
    const next = { ...applyEdit(row, patch), updated_at: now };
    const pipeline = await loadPipeline(trx, actor.workspaceId, row.pipeline_id);
    const stage = pipeline.stages.find((s) => s.id === row.stage_id)!;
    const touched = touchedRequirements(input);
    assertRequiredFields(
      { ...stage, requiredFields: stage.requiredFields.filter((f) => touched.has(f)) },
      next,
      'edit',
      '',
    );
    const { id: _id, workspace_id: _ws, ...set } = next;
    if (!(await deals.updateDealRow(trx, actor.workspaceId, row.id, version, set)))
      throw new AppError('VERSION_CONFLICT');
    const delta: StatsDelta = addDeltas(contributionOf(next), contributionOf(row, -1));
    if (delta.valueSum || delta.defaultProbValueSum || delta.ownWeightedSum)
      await applyStatsDeltas(trx, actor.workspaceId, row.pipeline_id, new Map([[row.stage_id, delta]]));
    await applyForecastDelta(trx, actor.workspaceId, row.pipeline_id, row, next);
    await recordAudit(
      trx,
      actor,
      {
        action: 'deal.updated',
        entityType: 'deal',
        entityId: row.id,
        before: auditSnapshot(row),
        after: auditSnapshot(next),
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'deal.updated',
        entityType: 'deal',
        entityId: row.id,
        payload: {
          pipelineId: row.pipeline_id,
          stageId: row.stage_id,
          contactId: next.contact_id,
          title: next.title,
          version: version + 1,
        },
      },
      now,
    );
    return dealView(ctx, trx, actor.workspaceId, row.id, pipeline);
  });
}

export async function deleteDeal(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await visibleDeal(trx, actor, id);
    await deals.deleteDealRow(trx, actor.workspaceId, row.id);
    await applyStatsDeltas(trx, actor.workspaceId, row.pipeline_id, new Map([[row.stage_id, contributionOf(row, -1)]]));
    await applyForecastDelta(trx, actor.workspaceId, row.pipeline_id, row, null);
    await recordAudit(
      trx,
      actor,
      {
        action: 'deal.deleted',
        entityType: 'deal',
        entityId: row.id,
        before: auditSnapshot(row),
        meta: { pipelineId: row.pipeline_id },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'deal.deleted',
        entityType: 'deal',
        entityId: row.id,
        payload: { pipelineId: row.pipeline_id, stageId: row.stage_id, contactId: row.contact_id, title: row.title },
      },
      now,
    );
  });
}
