import type { z } from 'zod';
import type { Board, BoardColumn, BoardQuery, ColumnQuery, DealFilter } from '../../../shared/contracts/deals.js';
import type { Pipeline, Stage } from '../../../shared/contracts/pipelines.js';
import { fieldError, notFound } from '../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import {
  countEnteredBefore,
  listColumnCards,
  listFirstCards,
  liveStageTotals,
  type LiveStageTotals,
} from './board.repository.js';
import { cardContext } from './deal-context.js';
import { isId } from './ids.js';
import { hasFilter, type FilterScope } from './deals.repository.js';
import { toCard, type CardContext, type DealCardRow } from './pipelines.mappers.js';
import { loadPipeline } from './pipelines.service.js';
import { dialectOf } from '../../db/dialect.js';
import { listStageStats } from './stage-stats.repository.js';

type StatsRow = Awaited<ReturnType<typeof listStageStats>>[number];

export function filterScope(ctx: AppContext, actor: Actor): FilterScope {
  return { sql: dialectOf(ctx.db), actorId: actor.id, ownerOnly: ownerScope(actor) };
}

export async function pipelineOrNotFound(ctx: AppContext, actor: Actor, id: string): Promise<Pipeline> {
  if (!isId(id)) throw notFound('Pipeline');
  return loadPipeline(ctx.db, actor.workspaceId, id);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Column numbers from totals: weights use the stage's current default for items without their own. */
function metrics(stage: Stage, t: LiveStageTotals | undefined, history: StatsRow | undefined, nowSeconds: number) {
  const count = t ? Number(t.deal_count) : 0;
  const weighted = t
    ? Number(t.own_weighted_sum) + Math.floor((Number(t.default_prob_value_sum) * stage.probability) / 100)
    : 0;
  const exited = history ? Number(history.exited_total) : 0;
  const entered = history ? Number(history.entered_total) : 0;
  return {
    count,
    valueSum: t ? Number(t.value_sum) : 0,
    weightedValue: weighted,
    avgDaysInStage:
      count && t ? round1(Math.max(0, nowSeconds - Number(t.entered_seconds_sum) / count) / 86_400) : null,
    avgDaysBeforeLeaving: history && exited ? round1(Number(history.exited_seconds_sum) / exited / 86_400) : null,
    conversionToNext:
      history && stage.kind === 'open' && entered
        ? Math.round((Number(history.advanced_total) / entered) * 1000) / 1000
        : null,
  };
}

function cardPage(rows: DealCardRow[], limit: number, cc: CardContext) {
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.stage_entered_at, r.id]);
  return { items: items.map((r) => toCard(r, cc)), nextCursor };
}

async function columnCards(
  ctx: AppContext,
  actor: Actor,
  pipeline: Pipeline,
  stage: Stage,
  q: z.output<typeof ColumnQuery>,
  cc: CardContext,
) {
  const after = decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]);
  return cardPage(
    await listColumnCards(ctx.db, actor.workspaceId, pipeline.id, stage.id, q, filterScope(ctx, actor), q.limit, after),
    q.limit,
    cc,
  );
}

/** Stale items are counted up to this many; beyond it the column says "1,000+". */
export const STALE_COUNT_CAP = 1000;

/** Stale counts of the open stages that have a limit (null for the others). */
async function staleCounts(
  ctx: AppContext,
  actor: Actor,
  pipeline: Pipeline,
  f: DealFilter,
): Promise<Map<string, number>> {
  const now = ctx.clock.now().getTime();
  const cutoffs = pipeline.stages
    .filter((s) => s.kind === 'open' && s.staleDays)
    .map((s) => ({ stageId: s.id, cutoff: new Date(now - s.staleDays! * 86_400_000).toISOString() }));
  return countEnteredBefore(
    ctx.db,
    actor.workspaceId,
    pipeline.id,
    cutoffs,
    f,
    filterScope(ctx, actor),
    STALE_COUNT_CAP,
  );
}

function staleOf(
  counts: Map<string, number>,
  stageId: string,
): { staleCount: number | null; staleCountCapped: boolean } {
  const n = counts.get(stageId);
  return n === undefined
    ? { staleCount: null, staleCountCapped: false }
    : { staleCount: Math.min(n, STALE_COUNT_CAP), staleCountCapped: n > STALE_COUNT_CAP };
}

/**
 * The board: per stage its numbers and first page of cards. Unfiltered boards read the maintained
 * per-stage counters (constant time at any size); filtered or owner-scoped boards aggregate live.
 */
export async function getBoard(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  q: z.output<typeof BoardQuery>,
): Promise<Board> {
  const pipeline = await pipelineOrNotFound(ctx, actor, pipelineId);
  const filtered = hasFilter(q) || Boolean(ownerScope(actor));
  const [stats, cc] = await Promise.all([
    listStageStats(ctx.db, actor.workspaceId, pipeline.id),
    cardContext(ctx, ctx.db, actor.workspaceId, pipeline.stages),
  ]);
  const history = new Map(stats.map((s) => [s.stage_id, s]));
  const totals = new Map<string, LiveStageTotals>(
    filtered
      ? (await liveStageTotals(ctx.db, actor.workspaceId, pipeline.id, q, filterScope(ctx, actor))).map((t) => [
          t.stage_id,
          t,
        ])
      : stats.map((s) => [s.stage_id, s]),
  );
  const nowSeconds = ctx.clock.now().getTime() / 1000;
  const [firstCards, stale] = await Promise.all([
    listFirstCards(
      ctx.db,
      actor.workspaceId,
      pipeline.id,
      pipeline.stages.map((s) => s.id),
      q,
      filterScope(ctx, actor),
      q.limit,
    ),
    staleCounts(ctx, actor, pipeline, q),
  ]);
  const columns: BoardColumn[] = pipeline.stages.map((stage) => {
    const cards = cardPage(firstCards.get(stage.id) ?? [], q.limit, cc);
    const m = metrics(stage, totals.get(stage.id), filtered ? undefined : history.get(stage.id), nowSeconds);
    return { stageId: stage.id, ...m, ...staleOf(stale, stage.id), cards: cards.items, nextCursor: cards.nextCursor };
  });
  const open = columns.filter((c) => pipeline.stages.find((s) => s.id === c.stageId)?.kind === 'open');
  return {
    pipelineId: pipeline.id,
    currency: pipeline.currency,
    filtered,
    columns,
    totals: {
      count: open.reduce((a, c) => a + c.count, 0),
      valueSum: open.reduce((a, c) => a + c.valueSum, 0),
      weightedValue: open.reduce((a, c) => a + c.weightedValue, 0),
    },
  };
}

/** More cards of one column (the cursor comes from the board or the previous page). */
export async function getColumnPage(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  q: z.output<typeof ColumnQuery>,
) {
  const pipeline = await pipelineOrNotFound(ctx, actor, pipelineId);
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw fieldError('stageId', 'Not a stage of this pipeline');
  return columnCards(
    ctx,
    actor,
    pipeline,
    stage,
    q,
    await cardContext(ctx, ctx.db, actor.workspaceId, pipeline.stages),
  );
}
