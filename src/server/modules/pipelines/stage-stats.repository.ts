import { sql, type ExpressionBuilder, type OnConflictDatabase, type OnConflictTables } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';
import type { DealRow } from './pipelines.mappers.js';

/** Changes to one stage's running totals; every field is a delta. */
export interface StatsDelta {
  dealCount: number;
  valueSum: number;
  defaultProbValueSum: number;
  ownWeightedSum: number;
  enteredSecondsSum: number;
  enteredTotal?: number;
  advancedTotal?: number;
  exitedTotal?: number;
  exitedSecondsSum?: number;
}

/** What one deal adds to its stage's totals (negate it to take the deal out). */
export function contributionOf(
  row: Pick<DealRow, 'value_minor' | 'probability' | 'stage_entered_at'>,
  sign: 1 | -1 = 1,
): StatsDelta {
  const value = Number(row.value_minor);
  return {
    dealCount: sign,
    valueSum: sign * value,
    defaultProbValueSum: row.probability === null ? sign * value : 0,
    ownWeightedSum: row.probability === null ? 0 : sign * Math.floor((value * row.probability) / 100),
    enteredSecondsSum: sign * Math.floor(new Date(row.stage_entered_at).getTime() / 1000),
  };
}

export function addDeltas(a: StatsDelta, b: StatsDelta): StatsDelta {
  return {
    dealCount: a.dealCount + b.dealCount,
    valueSum: a.valueSum + b.valueSum,
    defaultProbValueSum: a.defaultProbValueSum + b.defaultProbValueSum,
    ownWeightedSum: a.ownWeightedSum + b.ownWeightedSum,
    enteredSecondsSum: a.enteredSecondsSum + b.enteredSecondsSum,
    enteredTotal: (a.enteredTotal ?? 0) + (b.enteredTotal ?? 0),
    advancedTotal: (a.advancedTotal ?? 0) + (b.advancedTotal ?? 0),
    exitedTotal: (a.exitedTotal ?? 0) + (b.exitedTotal ?? 0),
    exitedSecondsSum: (a.exitedSecondsSum ?? 0) + (b.exitedSecondsSum ?? 0),
  };
}

/** Adds a delta to a stage's entry in a batch's deltas (bulk writers sum per stage, then apply once). */
export function addToStage(deltas: Map<string, StatsDelta>, stageId: string, delta: StatsDelta): void {
  const earlier = deltas.get(stageId);
  deltas.set(stageId, earlier ? addDeltas(earlier, delta) : delta);
}

/**
 * Applies deltas to several stages of one pipeline in one statement, to the writer's slot of each
 * stage (see counterSlot): concurrent transactions on other connections add to other rows and never
 * wait for each other. The rows go in stage-id order, and an upsert takes its rows' locks in that
 * order, so two transactions that do share a slot lock the same rows in the same order and cannot
 * deadlock.
 */
export async function applyStatsDeltas(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  deltas: Map<string, StatsDelta>,
): Promise<void> {
  await statsUpsert(db, workspaceId, pipelineId, deltas)?.execute();
}

/** applyStatsDeltas' statement, not yet run (null when there is nothing to add). */
export function statsUpsert(db: Db, workspaceId: string, pipelineId: string, deltas: Map<string, StatsDelta>) {
  if (!deltas.size) return null;
  const rows = [...deltas.keys()].sort().map((stageId) => {
    const d = deltas.get(stageId)!;
    return {
      stage_id: stageId,
      slot: dialectOf(db).counterSlot(),
      workspace_id: workspaceId,
      pipeline_id: pipelineId,
      deal_count: d.dealCount,
      value_sum: d.valueSum,
      default_prob_value_sum: d.defaultProbValueSum,
      own_weighted_sum: d.ownWeightedSum,
      entered_seconds_sum: d.enteredSecondsSum,
      entered_total: d.enteredTotal ?? 0,
      advanced_total: d.advancedTotal ?? 0,
      exited_total: d.exitedTotal ?? 0,
      exited_seconds_sum: d.exitedSecondsSum ?? 0,
    };
  });
  const add = (
    eb: ExpressionBuilder<OnConflictDatabase<DB, 'pipeline_stage_stats'>, OnConflictTables<'pipeline_stage_stats'>>,
    column: StatsColumn,
  ) => eb(`pipeline_stage_stats.${column}`, '+', eb.ref(`excluded.${column}`));
  return db
    .insertInto('pipeline_stage_stats')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['stage_id', 'slot'])
        .doUpdateSet((eb) => Object.fromEntries(STATS_COLUMNS.map((c) => [c, add(eb, c)])))
        // a stage of another workspace is never touched
        .where('pipeline_stage_stats.workspace_id', '=', workspaceId),
    );
}

const STATS_COLUMNS = [
  'deal_count',
  'value_sum',
  'default_prob_value_sum',
  'own_weighted_sum',
  'entered_seconds_sum',
  'entered_total',
  'advanced_total',
  'exited_total',
  'exited_seconds_sum',
] as const;
type StatsColumn = (typeof STATS_COLUMNS)[number];

/** Each stage's totals: the sum of its slots (a slot alone may be negative: an item can leave by another slot than it came in by). */
export function listStageStats(db: Db, workspaceId: string, pipelineId: string) {
  return db
    .selectFrom('pipeline_stage_stats')
    .select((eb) => ['stage_id', ...STATS_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c))])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .groupBy('stage_id')
    .execute();
}

/**
 * Recounts a stage's current-item totals from its deals (after bulk changes such as a stage merge):
 * slot 0 holds them, the other slots' current totals go to zero (their running totals stay).
 */
export async function recountStage(db: Db, workspaceId: string, pipelineId: string, stageId: string): Promise<void> {
  const agg = await db
    .selectFrom('deals')
    .select([
      sql<number>`count(*)`.as('deal_count'),
      sql<number>`coalesce(sum(value_minor), 0)`.as('value_sum'),
      sql<number>`coalesce(sum(case when probability is null then value_minor else 0 end), 0)`.as(
        'default_prob_value_sum',
      ),
      sql<number>`coalesce(sum(case when probability is null then 0 else value_minor * probability / 100 end), 0)`.as(
        'own_weighted_sum',
      ),
      sql<number>`coalesce(sum(floor(${dialectOf(db).epochSeconds('stage_entered_at')})), 0)`.as('entered_seconds_sum'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where('stage_id', '=', stageId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('pipeline_stage_stats')
    .set((eb) =>
      Object.fromEntries(
        Object.entries(agg).map(([column, value]) => [
          column,
          eb.case().when('slot', '=', 0).then(Number(value)).else(0).end(),
        ]),
      ),
    )
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .execute();
}

export async function addToStageTotals(
  db: Db,
  workspaceId: string,
  stageId: string,
  entered: number,
  exitedSeconds = 0,
): Promise<void> {
  await db
    .updateTable('pipeline_stage_stats')
    .set((eb) => ({
      entered_total: eb('entered_total', '+', entered),
      exited_seconds_sum: eb('exited_seconds_sum', '+', exitedSeconds),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .where('slot', '=', 0)
    .execute();
}
