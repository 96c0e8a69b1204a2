import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { countAll } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

export interface ForecastScope {
  workspaceId: string;
  pipelineId: string;
  ownerId: string | null;
  /** First day of the first month and first day after the last month, YYYY-MM-DD. */
  fromDay: string;
  toDayExclusive: string;
}

const money = {
  value: sql<number>`coalesce(sum(d.value_minor), 0)`,
  defaultProbValue: sql<number>`coalesce(sum(case when d.probability is null then d.value_minor else 0 end), 0)`,
  ownWeighted: sql<number>`coalesce(sum(case when d.probability is null then 0 else d.value_minor * d.probability / 100 end), 0)`,
};

function base(db: Db, s: ForecastScope) {
  let q = db
    .selectFrom('deals as d')
    .where('d.workspace_id', '=', s.workspaceId)
    .where('d.pipeline_id', '=', s.pipelineId);
  if (s.ownerId) q = q.where('d.owner_id', '=', s.ownerId);
  return q;
}

/** Open items by expected close month and stage (weights are applied with each stage's default). */
export async function openByMonthAndStage(db: Db, s: ForecastScope) {
  const month = dialectOf(db).monthOfDate('d.expected_close_date');
  const rows = await base(db, s)
    .select([
      month.as('period'),
      'd.stage_id',
      countAll().as('n'),
      money.value.as('value'),
      money.defaultProbValue.as('default_prob_value'),
      money.ownWeighted.as('own_weighted'),
    ])
    .where('d.status', '=', 'open')
    .where('d.expected_close_date', '>=', s.fromDay)
    .where('d.expected_close_date', '<', s.toDayExclusive)
    .groupBy([month, 'd.stage_id'])
    .execute();
  return rows.map((r) => ({
    period: r.period,
    stageId: r.stage_id,
    n: Number(r.n),
    value: Number(r.value),
    defaultProbValue: Number(r.default_prob_value),
    ownWeighted: Number(r.own_weighted),
  }));
}

export async function openWithoutCloseDate(db: Db, s: ForecastScope) {
  const rows = await base(db, s)
    .select([
      'd.stage_id',
      countAll().as('n'),
      money.value.as('value'),
      money.defaultProbValue.as('default_prob_value'),
      money.ownWeighted.as('own_weighted'),
    ])
    .where('d.status', '=', 'open')
    .where('d.expected_close_date', 'is', null)
    .groupBy('d.stage_id')
    .execute();
  return rows.map((r) => ({
    stageId: r.stage_id,
    n: Number(r.n),
    value: Number(r.value),
    defaultProbValue: Number(r.default_prob_value),
    ownWeighted: Number(r.own_weighted),
  }));
}

/** Won and lost items by the month they closed in. */
export async function closedByMonth(db: Db, s: ForecastScope) {
  const month = dialectOf(db).monthOfDate('d.closed_on');
  const rows = await base(db, s)
    .select([month.as('period'), 'd.status', countAll().as('n'), money.value.as('value')])
    .where('d.status', 'in', ['won', 'lost'])
    .where('d.closed_on', '>=', s.fromDay)
    .where('d.closed_on', '<', s.toDayExclusive)
    .groupBy([month, 'd.status'])
    .execute();
  return rows.map((r) => ({ period: r.period, status: r.status, n: Number(r.n), value: Number(r.value) }));
}

/** Why items were won or lost, most frequent first. */
export async function closeReasons(db: Db, s: ForecastScope) {
  const rows = await base(db, s)
    .select(['d.status', 'd.close_reason', countAll().as('n'), money.value.as('value')])
    .where('d.status', 'in', ['won', 'lost'])
    .where('d.closed_on', '>=', s.fromDay)
    .where('d.closed_on', '<', s.toDayExclusive)
    .groupBy(['d.status', 'd.close_reason'])
    .execute();
  return rows
    .map((r) => ({ status: r.status, reason: r.close_reason, n: Number(r.n), value: Number(r.value) }))
    .sort((a, b) => b.n - a.n);
}
