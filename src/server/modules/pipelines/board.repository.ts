import { sql } from 'kysely';
import type { DealFilter } from '../../../shared/contracts/deals.js';
import { countAll } from '../../db/sql-helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { Db } from '../../platform/transaction.js';
import {
  applyDealFilter,
  CARD_COLUMNS,
  hasFilter,
  selectDealCards,
  validId,
  type FilterScope,
} from './deals.repository.js';
import type { DealCardRow } from './pipelines.mappers.js';

/** One column's cards, newest arrivals first (deals_board_idx), one extra row to learn whether more exist. */
function columnCardsQuery(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  f: DealFilter,
  scope: FilterScope,
  limit: number,
  after: [string, string] | null,
) {
  let q = selectDealCards(db)
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId)
    .where('d.stage_id', '=', stageId);
  q = applyDealFilter(q, f, scope);
  if (after) {
    const [enteredAt, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('d.stage_entered_at', '<', enteredAt),
        eb.and([eb('d.stage_entered_at', '=', enteredAt), eb('d.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('d.stage_entered_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1);
}

const newestFirst = (a: DealCardRow, b: DealCardRow) =>
  a.stage_entered_at === b.stage_entered_at ? (a.id < b.id ? 1 : -1) : a.stage_entered_at < b.stage_entered_at ? 1 : -1;

/** One board column page, keyset-paged on (stage_entered_at, id). */
export function listColumnCards(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  f: DealFilter,
  scope: FilterScope,
  limit: number,
  after: [string, string] | null,
): Promise<DealCardRow[]> {
  return columnCardsQuery(db, workspaceId, pipelineId, stageId, f, scope, limit, after).execute() as Promise<
    DealCardRow[]
  >;
}

function unionOfBranches<QB extends { unionAll(other: QB): QB }>(branches: QB[]): QB {
  return branches.slice(1).reduce((q, b) => q.unionAll(b), branches[0]);
}

/**
 * The unfiltered board's first pages: its shape depends only on the number of stages, so it is
 * compiled (and on PostgreSQL prepared) once per page size, which is written into the SQL. The
 * branches read deals alone and the names are looked up once for their union: PostgreSQL planned
 * ten branches of a three-table join in 34 ms (and re-planned them per call, a generic plan costing
 * more than the custom ones), against 5 ms to run them at 1,000,000 deals.
 */
const unfilteredFirstCards = bySize((take) =>
  reusableQuery((_d, db, workspaceId, pipelineId, ...stageIds) => {
    const branch = (stageId: string) =>
      db
        .selectFrom(
          db
            .selectFrom('deals as d')
            .select(CARD_COLUMNS)
            .where('d.workspace_id', '=', workspaceId)
            .where('d.pipeline_id', '=', pipelineId)
            .where('d.stage_id', '=', stageId)
            .orderBy('d.stage_entered_at', 'desc')
            .orderBy('d.id', 'desc')
            .limit(sql.lit(take))
            .as('col'),
        )
        .selectAll();
    // names as lookups by id: as joins, the planner hashed every company to name 510 cards (12 ms)
    return db
      .selectFrom(unionOfBranches(stageIds.map(branch)).as('d'))
      .selectAll('d')
      .select((eb) => [
        eb.selectFrom('contacts as c').select('c.full_name').whereRef('c.id', '=', 'd.contact_id').as('contact_name'),
        eb.selectFrom('companies as co').select('co.name').whereRef('co.id', '=', 'd.company_id').as('company_name'),
      ]);
  }),
);

/** One query per page size or cap (a few: the request schema bounds them). */
function bySize<Q>(make: (take: number) => Q): (take: number) => Q {
  const made = new Map<number, Q>();
  return (take) => {
    let q = made.get(take);
    if (!q) made.set(take, (q = make(take)));
    return q;
  };
}

/**
 * The first page of every column in one statement: each column's ordered, limited query is a
 * branch of a UNION ALL, so a board is one round trip and one compile rather than one per stage.
 */
export async function listFirstCards(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stageIds: string[],
  f: DealFilter,
  scope: FilterScope,
  limit: number,
): Promise<Map<string, DealCardRow[]>> {
  const byStage = new Map<string, DealCardRow[]>(stageIds.map((id) => [id, []]));
  if (!stageIds.length) return byStage;
  let rows: DealCardRow[];
  if (!hasFilter(f) && !scope.ownerOnly)
    rows = (await unfilteredFirstCards(limit + 1)(db, workspaceId, pipelineId, ...stageIds)).rows as DealCardRow[];
  else
    rows = (await unionOfBranches(
      stageIds.map((stageId) =>
        db
          .selectFrom(columnCardsQuery(db, workspaceId, pipelineId, stageId, f, scope, limit, null).as('col'))
          .selectAll(),
      ),
    ).execute()) as DealCardRow[];
  for (const row of rows) byStage.get(row.stage_id)?.push(row);
  for (const list of byStage.values()) list.sort(newestFirst); // a UNION ALL promises no order
  return byStage;
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
export async function liveStageTotals(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  f: DealFilter,
  scope: FilterScope,
): Promise<LiveStageTotals[]> {
  let q = db
    .selectFrom('deals as d')
    .select([
      'd.stage_id',
      countAll().as('deal_count'),
      sql<number>`coalesce(sum(d.value_minor), 0)`.as('value_sum'),
      sql<number>`coalesce(sum(case when d.probability is null then d.value_minor else 0 end), 0)`.as(
        'default_prob_value_sum',
      ),
      sql<number>`coalesce(sum(case when d.probability is null then 0 else d.value_minor * d.probability / 100 end), 0)`.as(
        'own_weighted_sum',
      ),
      sql<number>`coalesce(sum(floor(${scope.sql.epochSeconds('d.stage_entered_at')})), 0)`.as('entered_seconds_sum'),
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
 * Open items that entered each stage before its cutoff (stale), counted up to `cap` + 1 per stage:
 * an old pipeline can hold hundreds of thousands, and "1,000+" says enough without reading them
 * all. One statement for all stages (a UNION ALL of index range counts); a stage with none is 0.
 */
export async function countEnteredBefore(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  cutoffs: Array<{ stageId: string; cutoff: string }>,
  f: DealFilter,
  scope: FilterScope,
  cap: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(cutoffs.map((c) => [c.stageId, 0]));
  if (!cutoffs.length) return counts;
  const rows =
    !hasFilter(f) && !scope.ownerOnly
      ? (
          await unfilteredStaleCounts(cap + 1)(
            db,
            workspaceId,
            pipelineId,
            ...cutoffs.flatMap((c) => [c.stageId, c.cutoff]),
          )
        ).rows
      : await unionOfBranches(
          cutoffs.map((c) => staleCountQuery(db, workspaceId, pipelineId, c.stageId, c.cutoff, f, scope, cap + 1)),
        ).execute();
  for (const row of rows) counts.set(row.stage_id, Number(row.n));
  return counts;
}

function staleCountQuery(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  cutoff: string,
  f: DealFilter,
  scope: FilterScope,
  take: number,
) {
  let q = db
    .selectFrom('deals as d')
    .select('d.stage_id')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId)
    .where('d.stage_id', '=', stageId)
    .where('d.stage_entered_at', '<', cutoff);
  q = applyDealFilter(q, f, scope);
  return db
    .selectFrom(q.limit(take).as('s'))
    .select(['s.stage_id', countAll().as('n')])
    .groupBy('s.stage_id');
}

/** Unfiltered stale counts; arguments after the pipeline are (stage id, cutoff) pairs. The cap is written into the SQL (see above). */
const unfilteredStaleCounts = bySize((take) =>
  reusableQuery((d, db, workspaceId, pipelineId, ...pairs) =>
    unionOfBranches(
      Array.from({ length: pairs.length / 2 }, (_, i) =>
        staleCountQuery(
          db,
          workspaceId,
          pipelineId,
          pairs[2 * i],
          pairs[2 * i + 1],
          {},
          { sql: d, actorId: '', ownerOnly: null },
          sql.lit(take) as unknown as number,
        ),
      ),
    ),
  ),
);

/** Ids of items matching a filter, for bulk moves (at most `limit`). */
export async function listMatchingIds(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stageId: string | undefined,
  f: DealFilter,
  scope: FilterScope,
  limit: number,
): Promise<string[]> {
  let q = db
    .selectFrom('deals as d')
    .select('d.id')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId);
  if (stageId) q = q.where('d.stage_id', '=', validId('filter.stageId', stageId));
  q = applyDealFilter(q, f, scope);
  const rows = await q.orderBy('d.id').limit(limit).execute();
  return rows.map((r) => r.id);
}
