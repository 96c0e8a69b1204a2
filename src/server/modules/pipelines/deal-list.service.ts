import type { z } from 'zod';
import type { DealListQuery } from '../../../shared/contracts/deals.js';
import { pageOf } from '../../http/pagination.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { filterScope } from './board.service.js';
import { cardContext } from './deal-context.js';
import { listDealRows, sortValueOf } from './deal-list.repository.js';
import { toDeal, toPipeline } from './pipelines.mappers.js';
import { listPipelineRows, listStageRows } from './pipelines.repository.js';

/** The table view of items across (or within) pipelines. */
export async function listDeals(ctx: AppContext, actor: Actor, q: z.output<typeof DealListQuery>) {
  const [{ rows, total }, pipelineRows, stageRows] = await Promise.all([
    listDealRows(ctx.db, actor.workspaceId, q, filterScope(ctx, actor)),
    listPipelineRows(ctx.db, actor.workspaceId),
    listStageRows(ctx.db, actor.workspaceId),
  ]);
  const pipelines = new Map(pipelineRows.map((p) => [p.id, toPipeline(p, stageRows)]));
  const cc = await cardContext(
    ctx,
    ctx.db,
    actor.workspaceId,
    [...pipelines.values()].flatMap((p) => p.stages),
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [sortValueOf(r, q.sort), r.id]);
  return {
    items: items.map((r) => toDeal(r, pipelines.get(r.pipeline_id)?.currency ?? '', cc)),
    nextCursor,
    ...(total !== undefined ? { total } : {}),
  };
}
