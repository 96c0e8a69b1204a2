import { sql } from 'kysely';
import type { Db } from '../../platform/transaction.js';
import { dialectOf } from '../../db/dialect.js';
import type { DealRow } from './pipelines.mappers.js';

type Row = Pick<
  DealRow,
  'status' | 'stage_id' | 'expected_close_date' | 'closed_on' | 'close_reason' | 'value_minor' | 'probability'
>;
interface OpenDelta {
  stageId: string;
  month: string;
  n: number;
  value: number;
  defaultProbValue: number;
  ownWeighted: number;
}
interface ClosedDelta {
  status: string;
  month: string;
  reason: string;
  n: number;
  value: number;
}

function openPart(r: Row, sign: number): OpenDelta {
  const value = Number(r.value_minor);
  return {
    stageId: r.stage_id,
    month: r.expected_close_date?.slice(0, 7) ?? '',
    n: sign,
    value: sign * value,
    defaultProbValue: r.probability === null ? sign * value : 0,
    ownWeighted: r.probability === null ? 0 : sign * Math.floor((value * r.probability) / 100),
  };
}

/**
 * Moves an item's share of the forecast totals from what it was to what it is (null: it did not or
 * no longer exists), in the writer's slot of each total (see counterSlot). Rows are written in key
 * order so concurrent writers that share a slot cannot deadlock.
 */
export async function applyForecastDelta(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  before: Row | null,
  after: Row | null,
): Promise<void> {
  await applyForecastDeltas(db, workspaceId, pipelineId, [[before, after]]);
}

/** The same for many items at once (imports, undo of an import): one write per total row touched. */
export async function applyForecastDeltas(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  changes: Array<[before: Row | null, after: Row | null]>,
): Promise<void> {
  for (const write of forecastUpserts(db, workspaceId, pipelineId, changes)) await write.execute();
}

/** applyForecastDeltas' statements, not yet run: one per table with totals to change (open, closed). */
export function forecastUpserts(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  changes: Array<[before: Row | null, after: Row | null]>,
) {
  const open = new Map<string, OpenDelta>();
  const closed = new Map<string, ClosedDelta>();
  for (const [r, sign] of changes.flatMap(
    ([before, after]) =>
      [
        [before, -1],
        [after, 1],
      ] as const,
  )) {
    if (!r) continue;
    if (r.status === 'open') {
      const d = openPart(r, sign);
      const k = `${d.stageId}|${d.month}`;
      const prev = open.get(k);
      open.set(
        k,
        prev
          ? {
              ...d,
              n: prev.n + d.n,
              value: prev.value + d.value,
              defaultProbValue: prev.defaultProbValue + d.defaultProbValue,
              ownWeighted: prev.ownWeighted + d.ownWeighted,
            }
          : d,
      );
    } else {
      const d = {
        status: r.status,
        month: r.closed_on?.slice(0, 7) ?? '',
        reason: r.close_reason ?? '',
        n: sign,
        value: sign * Number(r.value_minor),
      };
      const k = `${d.status}|${d.month}|${d.reason}`;
      const prev = closed.get(k);
      closed.set(k, prev ? { ...d, n: prev.n + d.n, value: prev.value + d.value } : d);
    }
  }
  // one statement per table; rows go in key order, the order an upsert takes their locks in
  const openRows = [...open.keys()]
    .sort()
    .map((k) => open.get(k)!)
    .filter((d) => d.n || d.value || d.defaultProbValue || d.ownWeighted)
    .map((d) => ({
      workspace_id: workspaceId,
      pipeline_id: pipelineId,
      stage_id: d.stageId,
      month: d.month,
      slot: dialectOf(db).counterSlot(),
      deal_count: d.n,
      value_sum: d.value,
      default_prob_value_sum: d.defaultProbValue,
      own_weighted_sum: d.ownWeighted,
    }));
  const writes = [];
  if (openRows.length) {
    writes.push(
      db
        .insertInto('pipeline_open_month_stats')
        .values(openRows)
        .onConflict((oc) =>
          oc.columns(['stage_id', 'month', 'slot']).doUpdateSet((eb) => ({
            deal_count: eb('pipeline_open_month_stats.deal_count', '+', eb.ref('excluded.deal_count')),
            value_sum: eb('pipeline_open_month_stats.value_sum', '+', eb.ref('excluded.value_sum')),
            default_prob_value_sum: eb(
              'pipeline_open_month_stats.default_prob_value_sum',
              '+',
              eb.ref('excluded.default_prob_value_sum'),
            ),
            own_weighted_sum: eb(
              'pipeline_open_month_stats.own_weighted_sum',
              '+',
              eb.ref('excluded.own_weighted_sum'),
            ),
          })),
        ),
    );
  }
  const closedRows = [...closed.keys()]
    .sort()
    .map((k) => closed.get(k)!)
    .filter((d) => d.n || d.value)
    .map((d) => ({
      workspace_id: workspaceId,
      pipeline_id: pipelineId,
      status: d.status,
      month: d.month,
      reason: d.reason,
      slot: dialectOf(db).counterSlot(),
      deal_count: d.n,
      value_sum: d.value,
    }));
  if (closedRows.length) {
    writes.push(
      db
        .insertInto('pipeline_closed_month_stats')
        .values(closedRows)
        .onConflict((oc) =>
          oc.columns(['pipeline_id', 'status', 'month', 'reason', 'slot']).doUpdateSet((eb) => ({
            deal_count: eb('pipeline_closed_month_stats.deal_count', '+', eb.ref('excluded.deal_count')),
            value_sum: eb('pipeline_closed_month_stats.value_sum', '+', eb.ref('excluded.value_sum')),
          })),
        ),
    );
  }
  return writes;
}

/** Rebuilds a pipeline's forecast totals from its items (after bulk changes: stage merges, kind changes). */
export async function rebuildForecastStats(db: Db, workspaceId: string, pipelineId: string): Promise<void> {
  await db
    .deleteFrom('pipeline_open_month_stats')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .execute();
  await db
    .deleteFrom('pipeline_closed_month_stats')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .execute();
  const openMonth = sql<string>`coalesce(${dialectOf(db).monthOfDate('expected_close_date')}, '')`;
  const open = await db
    .selectFrom('deals')
    .select([
      'stage_id',
      openMonth.as('month'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(value_minor)`.as('value'),
      sql<number>`sum(case when probability is null then value_minor else 0 end)`.as('dpv'),
      sql<number>`sum(case when probability is null then 0 else value_minor * probability / 100 end)`.as('ow'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where('status', '=', 'open')
    .groupBy(['stage_id', openMonth])
    .execute();
  for (const r of open) {
    await db
      .insertInto('pipeline_open_month_stats')
      .values({
        workspace_id: workspaceId,
        pipeline_id: pipelineId,
        stage_id: r.stage_id,
        month: r.month,
        deal_count: Number(r.n),
        value_sum: Number(r.value),
        default_prob_value_sum: Number(r.dpv),
        own_weighted_sum: Number(r.ow),
      })
      .execute();
  }
  const closedMonth = sql<string>`coalesce(${dialectOf(db).monthOfDate('closed_on')}, '')`;
  const reason = sql<string>`coalesce(close_reason, '')`;
  const closed = await db
    .selectFrom('deals')
    .select([
      'status',
      closedMonth.as('month'),
      reason.as('reason'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(value_minor)`.as('value'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where('status', '<>', 'open')
    .groupBy(['status', closedMonth, reason])
    .execute();
  for (const r of closed) {
    await db
      .insertInto('pipeline_closed_month_stats')
      .values({
        workspace_id: workspaceId,
        pipeline_id: pipelineId,
        status: r.status,
        month: r.month,
        reason: r.reason,
        deal_count: Number(r.n),
        value_sum: Number(r.value),
      })
      .execute();
  }
}

/** Open totals by stage and month within [from, to] (YYYY-MM), plus the '' (no date) rows; slots summed. */
export function readOpenMonthStats(db: Db, workspaceId: string, pipelineId: string, from: string, to: string) {
  return db
    .selectFrom('pipeline_open_month_stats')
    .select((eb) => [
      'stage_id',
      'month',
      ...(['deal_count', 'value_sum', 'default_prob_value_sum', 'own_weighted_sum'] as const).map((c) =>
        eb.fn.sum<number>(c).as(c),
      ),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where((eb) => eb.or([eb('month', '=', ''), eb.and([eb('month', '>=', from), eb('month', '<=', to)])]))
    .groupBy(['stage_id', 'month'])
    .execute();
}

/** Closed totals by outcome, month and reason within [from, to]; slots summed, empty keys left out. */
export function readClosedMonthStats(db: Db, workspaceId: string, pipelineId: string, from: string, to: string) {
  return db
    .selectFrom('pipeline_closed_month_stats')
    .select((eb) => [
      'status',
      'month',
      'reason',
      eb.fn.sum<number>('deal_count').as('deal_count'),
      eb.fn.sum<number>('value_sum').as('value_sum'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .groupBy(['status', 'month', 'reason'])
    .having((eb) => eb.fn.sum('deal_count'), '>', 0)
    .execute();
}
