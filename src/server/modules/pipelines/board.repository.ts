import { sql } from 'kysely';
import type { DealFilter } from '../../../shared/contracts/deals.js';
import { countAll, epochSeconds } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';
import { applyDealFilter, selectDealCards, validId, type FilterScope } from './deals.repository.js';
import type { DealCardRow } from './pipelines.mappers.js';

/**
 * One board column page: newest arrivals first, keyset-paged on (stage_entered_at, id), read from
 * deals_board_idx. Fetches one extra row to learn whether another page exists.
 */
export function listColumnCards(db: Db, workspaceId: string, pipelineId: string, stageId: string, f: DealFilter, scope: FilterScope, limit: number, after: [string, string] | null): Promise<DealCardRow[]> {
  let q = selectDealCards(db).where('d.workspace_id', '=', workspaceId).where('d.pipeline_id', '=', pipelineId).where('d.stage_id', '=', stageId);
  q = applyDealFilter(q, f, scope);
  if (after) {
    const [enteredAt, id] = after;
    q = q.where((eb) => eb.or([eb('d.stage_entered_at', '<', enteredAt), eb.and([eb('d.stage_entered_at', '=', enteredAt), eb('d.id', '<', id)])]));
  }
  return q.orderBy('d.stage_entered_at', 'desc').orderBy('d.id', 'desc').limit(limit + 1).execute() as Promise<DealCardRow[]>;
}

export interface LiveStageTotals {
  stage_id: string;
  deal_count: number;
  value_sum: number;
  default_prob_value_sum: number;
  own_weighted_sum: number;
  entered_seconds_sum: number;
}

/** Per-stage totals computed from the filtered items (the maintained counters cannot answer filters). */
export async function liveStageTotals(db: Db, workspaceId: string, pipelineId: string, f: DealFilter, scope: FilterScope): Promise<LiveStageTotals[]> {
  let q = db
    .selectFrom('deals as d')
    .select([
      'd.stage_id',
      countAll().as('deal_count'),
      sql<number>`coalesce(sum(d.value_minor), 0)`.as('value_sum'),
      sql<number>`coalesce(sum(case when d.probability is null then d.value_minor else 0 end), 0)`.as('default_prob_value_sum'),
      sql<number>`coalesce(sum(case when d.probability is null then 0 else d.value_minor * d.probability / 100 end), 0)`.as('own_weighted_sum'),
      sql<number>`coalesce(sum(floor(${epochSeconds(scope.dialect, 'd.stage_entered_at')})), 0)`.as('entered_seconds_sum'),
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId);
  q = applyDealFilter(q, f, scope);
  const rows = await q.groupBy('d.stage_id').execute();
  return rows.map((r) => ({
    stage_id: r.stage_id,
    deal_count: Number(r.deal_count),
    value_sum: Number(r.value_sum),
    default_prob_value_sum: Number(r.default_prob_value_sum),
    own_weighted_sum: Number(r.own_weighted_sum),
    entered_seconds_sum: Number(r.entered_seconds_sum),
  }));
}

/**
 * Open items that entered the stage before the cutoff (stale), counted up to `cap` + 1: an old
 * pipeline can hold hundreds of thousands, and "1,000+" says enough without reading them all.
 */
export async function countEnteredBefore(db: Db, workspaceId: string, pipelineId: string, stageId: string, cutoff: string, f: DealFilter, scope: FilterScope, cap: number): Promise<number> {
  let q = db
    .selectFrom('deals as d')
    .select(sql<number>`1`.as('one'))
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId)
    .where('d.stage_id', '=', stageId)
    .where('d.stage_entered_at', '<', cutoff);
  q = applyDealFilter(q, f, scope);
  const row = await db.selectFrom(q.limit(cap + 1).as('s')).select(countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Ids of items matching a filter, for bulk moves (at most `limit`). */
export async function listMatchingIds(db: Db, workspaceId: string, pipelineId: string, stageId: string | undefined, f: DealFilter, scope: FilterScope, limit: number): Promise<string[]> {
  let q = db.selectFrom('deals as d').select('d.id').where('d.workspace_id', '=', workspaceId).where('d.pipeline_id', '=', pipelineId);
  if (stageId) q = q.where('d.stage_id', '=', validId('filter.stageId', stageId));
  q = applyDealFilter(q, f, scope);
  const rows = await q.orderBy('d.id').limit(limit).execute();
  return rows.map((r) => r.id);
}
