import type { z } from 'zod';
import type { Board, BoardColumn, BoardQuery, ColumnQuery, DealFilter } from '../../../shared/contracts/deals.js';
import type { Pipeline, Stage } from '../../../shared/contracts/pipelines.js';
import { fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { countEnteredBefore, listColumnCards, liveStageTotals, type LiveStageTotals } from './board.repository.js';
import { cardContext } from './deal-context.js';
import { isId } from './ids.js';
import { hasFilter, type FilterScope } from './deals.repository.js';
import { toCard, type CardContext } from './pipelines.mappers.js';
import { loadPipeline } from './pipelines.service.js';
import { listStageStats } from './stage-stats.repository.js';

type StatsRow = Awaited<ReturnType<typeof listStageStats>>[number];

export function filterScope(ctx: AppContext, actor: Actor): FilterScope {
  return { dialect: ctx.dialect, actorId: actor.id, ownerOnly: ownerScope(actor) };
}

export async function pipelineOrNotFound(ctx: AppContext, actor: Actor, id: string): Promise<Pipeline> {
  if (!isId(id)) throw notFound('Pipeline');
  return loadPipeline(ctx.db, actor.workspaceId, id);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Column numbers from totals: weights use the stage's current default for items without their own. */
function metrics(stage: Stage, t: LiveStageTotals | undefined, history: StatsRow | undefined, nowSeconds: number) {
  const count = t ? Number(t.deal_count) : 0;
  const weighted = t ? Number(t.own_weighted_sum) + Math.floor((Number(t.default_prob_value_sum) * stage.probability) / 100) : 0;
  const exited = history ? Number(history.exited_total) : 0;
  const entered = history ? Number(history.entered_total) : 0;
  return {
    count,
    valueSum: t ? Number(t.value_sum) : 0,
    weightedValue: weighted,
    avgDaysInStage: count && t ? round1(Math.max(0, nowSeconds - Number(t.entered_seconds_sum) / count) / 86_400) : null,
    avgDaysBeforeLeaving: history && exited ? round1(Number(history.exited_seconds_sum) / exited / 86_400) : null,
    conversionToNext: history && stage.kind === 'open' && entered ? Math.round((Number(history.advanced_total) / entered) * 1000) / 1000 : null,
  };
}

async function columnCards(ctx: AppContext, actor: Actor, pipeline: Pipeline, stage: Stage, q: z.output<typeof ColumnQuery>, cc: CardContext) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await listColumnCards(ctx.db, actor.workspaceId, pipeline.id, stage.id, q, filterScope(ctx, actor), q.limit, after);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.stage_entered_at, r.id]);
  return { items: items.map((r) => toCard(r, cc)), nextCursor };
}

/** Stale items are counted up to this many; beyond it the column says "1,000+". */
export const STALE_COUNT_CAP = 1000;

async function staleCount(ctx: AppContext, actor: Actor, pipeline: Pipeline, stage: Stage, f: DealFilter): Promise<{ staleCount: number | null; staleCountCapped: boolean }> {
  if (stage.kind !== 'open' || !stage.staleDays) return { staleCount: null, staleCountCapped: false };
  const cutoff = new Date(ctx.clock.now().getTime() - stage.staleDays * 86_400_000).toISOString();
  const n = await countEnteredBefore(ctx.db, actor.workspaceId, pipeline.id, stage.id, cutoff, f, filterScope(ctx, actor), STALE_COUNT_CAP);
  return { staleCount: Math.min(n, STALE_COUNT_CAP), staleCountCapped: n > STALE_COUNT_CAP };
}

/**
 * The board: per stage its numbers and first page of cards. Unfiltered boards read the maintained
 * per-stage counters (constant time at any size); filtered or owner-scoped boards aggregate live.
 */
export async function getBoard(ctx: AppContext, actor: Actor, pipelineId: string, q: z.output<typeof BoardQuery>): Promise<Board> {
  const pipeline = await pipelineOrNotFound(ctx, actor, pipelineId);
  const filtered = hasFilter(q) || Boolean(ownerScope(actor));
  const [stats, cc] = await Promise.all([listStageStats(ctx.db, actor.workspaceId, pipeline.id), cardContext(ctx, ctx.db, actor.workspaceId, pipeline.stages)]);
  const history = new Map(stats.map((s) => [s.stage_id, s]));
  const totals = new Map<string, LiveStageTotals>(
    filtered ? (await liveStageTotals(ctx.db, actor.workspaceId, pipeline.id, q, filterScope(ctx, actor))).map((t) => [t.stage_id, t]) : stats.map((s) => [s.stage_id, s]),
  );
  const nowSeconds = ctx.clock.now().getTime() / 1000;
  const columns: BoardColumn[] = await Promise.all(
    pipeline.stages.map(async (stage) => {
      const [cards, stale] = await Promise.all([columnCards(ctx, actor, pipeline, stage, { ...q, cursor: undefined }, cc), staleCount(ctx, actor, pipeline, stage, q)]);
      const m = metrics(stage, totals.get(stage.id), filtered ? undefined : history.get(stage.id), nowSeconds);
      return { stageId: stage.id, ...m, ...stale, cards: cards.items, nextCursor: cards.nextCursor };
    }),
  );
  const open = columns.filter((c) => pipeline.stages.find((s) => s.id === c.stageId)?.kind === 'open');
  return {
    pipelineId: pipeline.id,
    currency: pipeline.currency,
    filtered,
    columns,
    totals: { count: open.reduce((a, c) => a + c.count, 0), valueSum: open.reduce((a, c) => a + c.valueSum, 0), weightedValue: open.reduce((a, c) => a + c.weightedValue, 0) },
  };
}

/** More cards of one column (the cursor comes from the board or the previous page). */
export async function getColumnPage(ctx: AppContext, actor: Actor, pipelineId: string, stageId: string, q: z.output<typeof ColumnQuery>) {
  const pipeline = await pipelineOrNotFound(ctx, actor, pipelineId);
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw fieldError('stageId', 'Not a stage of this pipeline');
  return columnCards(ctx, actor, pipeline, stage, q, await cardContext(ctx, ctx.db, actor.workspaceId, pipeline.stages));
}
