import type { z } from 'zod';
import type { BulkMoveBody, BulkMoveItem, Deal, MoveDealBody } from '../../../shared/contracts/deals.js';
import type { Pipeline } from '../../../shared/contracts/pipelines.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../http/errors.js';
import { can, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { auditInsert } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { convertContactOnWin } from './contact-conversion.js';
import { listMatchingIds } from './board.repository.js';
import { filterScope } from './board.service.js';
import { assertReferences, pipelineForBody, visibleDeal, visibleDealPage } from './deal-context.js';
import * as deals from './deals.repository.js';
import { applyEdit, closingFields, dealView, toDealPage } from './deals.service.js';
import { type DealRow } from './pipelines.mappers.js';
import { loadPipeline } from './pipelines.service.js';
import { forecastUpserts } from './forecast-stats.repository.js';
import { assertMoveAllowed, isForwardMove } from './stage-rules.js';
import { contributionOf, statsUpsert } from './stage-stats.repository.js';

export type MoveInput = Omit<z.output<typeof MoveDealBody>, 'version'> & { version?: number };

/**
 * Moves one item to another stage of its pipeline, in the caller's transaction. Every path
 * (board, API, bulk, import, automation) comes through here, so every rule applies everywhere.
 * Writes the item, its stage history, the stage totals, the audit entry and the event together.
 */
export async function moveDealInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  row: DealRow,
  pipeline: Pipeline,
  input: MoveInput,
  now: string,
): Promise<{ moved: boolean; version: number; row: DealRow }> {
  const version = input.version ?? row.version;
  if (row.version !== version)
    throw new AppError('VERSION_CONFLICT', undefined, { data: { currentVersion: row.version } });
  const to = pipeline.stages.find((s) => s.id === input.stageId);
  if (!to)
    throw new AppError('STAGE_NOT_IN_PIPELINE', undefined, {
      field: 'stageId',
      errors: [{ field: 'stageId', message: "Pick a stage of this item's pipeline" }],
    });
  const from = pipeline.stages.find((s) => s.id === row.stage_id)!;
  if (to.id === from.id) return { moved: false, version, row };
  if (input.fields) await assertReferences(trx, actor.workspaceId, input.fields, 'fields.');

  // A reopened item, or one switching between won and lost, starts without the old close reason.
  const keepsReason = to.kind !== 'open' && to.kind === from.kind;
  const closeReason = input.closeReason ?? (keepsReason ? row.close_reason : null);
  const edited = applyEdit(row, { ...(input.fields ?? {}), closeReason });
  assertMoveAllowed({
    rules: pipeline.rules,
    from,
    to,
    mayReopen: can(actor, 'pipelines.manage'),
    reason: input.reason,
    next: edited,
    fieldPrefix: 'fields.',
  });

  const next: DealRow = {
    ...edited,
    stage_id: to.id,
    status: to.kind,
    stage_entered_at: now,
    updated_at: now,
    ...(await closingFields(trx, actor.workspaceId, to, now, row)),
  };
  const { id: _id, workspace_id: _ws, version: _v, ...set } = next;
  if (!(await deals.updateDealRow(trx, actor.workspaceId, row.id, version, set)))
    throw new AppError('VERSION_CONFLICT');

  const secondsIn = Math.max(
    0,
    Math.floor((new Date(now).getTime() - new Date(row.stage_entered_at).getTime()) / 1000),
  );
  const convertedTo =
    to.kind === 'won' && from.kind !== 'won' ? await convertContactOnWin(ctx, trx, actor, pipeline, next) : null;
  // The history row, the audit entry and the running totals go with the event: one statement on
  // PostgreSQL. The totals are taken after any contact conversion, as every deal write takes them.
  const history = deals.historyInsert(trx, {
    id: newId(),
    workspace_id: actor.workspaceId,
    deal_id: row.id,
    pipeline_id: pipeline.id,
    from_stage_id: from.id,
    to_stage_id: to.id,
    actor_id: actor.kind === 'system' ? null : actor.id,
    actor_name: actor.name,
    reason: input.reason ?? null,
    seconds_in_previous: secondsIn,
    created_at: now,
    updated_at: now,
  });
  const audit = auditInsert(
    trx,
    actor,
    {
      action: 'deal.moved',
      entityType: 'deal',
      entityId: row.id,
      before: { stageId: from.id, stage: from.name, status: row.status },
      after: { stageId: to.id, stage: to.name, status: to.kind },
      meta: {
        reason: input.reason ?? null,
        secondsInPrevious: secondsIn,
        ...(convertedTo ? { contactTypeChangedTo: convertedTo } : {}),
      },
    },
    now,
  );
  const stageTotals = statsUpsert(
    trx,
    actor.workspaceId,
    pipeline.id,
    new Map([
      [
        from.id,
        {
          ...contributionOf(row, -1),
          exitedTotal: 1,
          exitedSecondsSum: secondsIn,
          advancedTotal: isForwardMove(from, to) ? 1 : 0,
        },
      ],
      [to.id, { ...contributionOf(next), enteredTotal: 1 }],
    ]),
  )!;
  const forecastTotals = forecastUpserts(trx, actor.workspaceId, pipeline.id, [[row, next]]);
  const payload = {
    pipelineId: pipeline.id,
    fromStageId: from.id,
    toStageId: to.id,
    fromStage: from.name,
    toStage: to.name,
    contactId: next.contact_id,
    ownerId: next.owner_id,
    title: next.title,
    reason: input.reason ?? null,
    version: version + 1,
  };
  await appendEvent(ctx, trx, actor, { type: 'deal.moved', entityType: 'deal', entityId: row.id, payload }, now, [
    history,
    audit,
    stageTotals,
    ...forecastTotals,
  ]);
  return { moved: true, version: version + 1, row: { ...next, version: version + 1 } };
}

export async function moveDeal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.output<typeof MoveDealBody>,
): Promise<Deal> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const page = await visibleDealPage(ctx, trx, actor, id);
    const { contact_name: _c, company_name: _co, owner_name: _o, ...row } = page;
    const pipeline = await loadPipeline(trx, actor.workspaceId, row.pipeline_id);
    const moved = await moveDealInTransaction(ctx, trx, actor, row, pipeline, input, now);
    // the names read with the deal still hold unless the move's fields pointed it elsewhere
    const { contactId, companyId, ownerId } = input.fields ?? {};
    if (contactId !== undefined || companyId !== undefined || ownerId !== undefined)
      return dealView(ctx, trx, actor.workspaceId, row.id, pipeline);
    return toDealPage(ctx, { ...page, ...moved.row }, pipeline);
  });
}

export const BULK_LIMIT = 1000;

/** Moves a selection (ids) or everything matching a filter; each item is checked and reported alone. */
export async function bulkMoveDeals(ctx: AppContext, actor: Actor, input: z.output<typeof BulkMoveBody>) {
  const ids = input.ids ?? (await idsMatching(ctx, actor, input.filter!));
  if (ids.length > BULK_LIMIT)
    throw new AppError('BULK_TOO_LARGE', `At most ${BULK_LIMIT} items per bulk move; this selection has more`);
  const results: z.output<typeof BulkMoveItem>[] = [];
  const pipelines = new Map<string, Pipeline>();
  for (const id of ids) {
    try {
      const version = await withTransaction(ctx.db, async (trx) => {
        const now = nowIso(ctx.clock);
        const row = await visibleDeal(trx, actor, id);
        let pipeline = pipelines.get(row.pipeline_id);
        if (!pipeline)
          pipelines.set(row.pipeline_id, (pipeline = await loadPipeline(trx, actor.workspaceId, row.pipeline_id)));
        return (
          await moveDealInTransaction(
            ctx,
            trx,
            actor,
            row,
            pipeline,
            { stageId: input.stageId, reason: input.reason, closeReason: input.closeReason },
            now,
          )
        ).version;
      });
      results.push({ id, ok: true, version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({
        id,
        ok: false,
        code: err.code,
        message: err.detail ?? err.message,
        ...(typeof err.extra.data?.rule === 'string' ? { rule: err.extra.data.rule } : {}),
      });
    }
  }
  return { moved: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}

async function idsMatching(
  ctx: AppContext,
  actor: Actor,
  filter: NonNullable<z.output<typeof BulkMoveBody>['filter']>,
): Promise<string[]> {
  const pipeline = await pipelineForBody(ctx.db, actor.workspaceId, filter.pipelineId, 'filter.pipelineId');
  return listMatchingIds(
    ctx.db,
    actor.workspaceId,
    pipeline.id,
    filter.stageId,
    filter,
    filterScope(ctx, actor),
    BULK_LIMIT + 1,
  );
}
