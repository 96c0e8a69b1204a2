import type { z } from 'zod';
import type { Forecast, ForecastQuery } from '../../../shared/contracts/deals.js';
import type { Stage } from '../../../shared/contracts/pipelines.js';
import { fieldError } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { pipelineOrNotFound } from './board.service.js';
import * as f from './forecast.repository.js';
import { readClosedMonthStats, readOpenMonthStats } from './forecast-stats.repository.js';
import { addMonths, localDate } from './local-date.js';
import { workspaceLocale } from './pipelines.repository.js';

const weighted = (stages: Map<string, Stage>, r: { stageId: string; defaultProbValue: number; ownWeighted: number }) =>
  r.ownWeighted + Math.floor((r.defaultProbValue * (stages.get(r.stageId)?.probability ?? 0)) / 100);

function periodOf(month: string, interval: 'month' | 'quarter'): string {
  if (interval === 'month') return month;
  const [y, m] = month.split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

function periodsBetween(from: string, to: string, interval: 'month' | 'quarter'): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1))
    if (!out.includes(periodOf(m, interval))) out.push(periodOf(m, interval));
  return out;
}

/** Weighted value of open items by expected close period; won/lost by period; reasons. */
export async function getForecast(
  ctx: AppContext,
  actor: Actor,
  pipelineId: string,
  q: z.output<typeof ForecastQuery>,
): Promise<Forecast> {
  const pipeline = await pipelineOrNotFound(ctx, actor, pipelineId);
  const { timezone } = await workspaceLocale(ctx.db, actor.workspaceId);
  const thisMonth = localDate(ctx.clock.now(), timezone).slice(0, 7);
  const from = q.from ?? addMonths(thisMonth, -11);
  const to = q.to ?? addMonths(thisMonth, 12);
  if (from > to) throw fieldError('from', 'Must not be after "to"');
  if (addMonths(from, 60) <= to) throw fieldError('to', 'At most five years at once');
  const scoped = ownerScope(actor);
  const scope: f.ForecastScope = {
    workspaceId: actor.workspaceId,
    pipelineId: pipeline.id,
    ownerId: scoped ?? (q.ownerId === 'me' ? actor.id : (q.ownerId ?? null)),
    fromDay: `${from}-01`,
    toDayExclusive: `${addMonths(to, 1)}-01`,
  };
  const stages = new Map(pipeline.stages.map((s) => [s.id, s]));
  const { open, noDate, closed, reasons } = scope.ownerId
    ? await liveTotals(ctx, scope)
    : await maintainedTotals(ctx, scope, from, to);

  const periods = periodsBetween(from, to, q.interval);
  const openBy = new Map(periods.map((p) => [p, { period: p, count: 0, valueSum: 0, weightedValue: 0 }]));
  for (const r of open) {
    const slot = openBy.get(periodOf(r.period, q.interval));
    if (!slot) continue;
    slot.count += r.n;
    slot.valueSum += r.value;
    slot.weightedValue += weighted(stages, r);
  }
  const closedBy = new Map(
    periods.map((p) => [p, { period: p, wonCount: 0, wonValue: 0, lostCount: 0, lostValue: 0 }]),
  );
  for (const r of closed) {
    const slot = closedBy.get(periodOf(r.period, q.interval));
    if (!slot) continue;
    if (r.status === 'won') {
      slot.wonCount += r.n;
      slot.wonValue += r.value;
    } else {
      slot.lostCount += r.n;
      slot.lostValue += r.value;
    }
  }
  const reasonList = (status: string) =>
    reasons
      .filter((r) => r.status === status)
      .slice(0, 20)
      .map((r) => ({ reason: r.reason ?? '', count: r.n, valueSum: r.value }));
  return {
    pipelineId: pipeline.id,
    currency: pipeline.currency,
    from,
    to,
    openByCloseMonth: [...openBy.values()],
    noCloseDate: noDate.reduce(
      (a, r) => ({
        count: a.count + r.n,
        valueSum: a.valueSum + r.value,
        weightedValue: a.weightedValue + weighted(stages, r),
      }),
      { count: 0, valueSum: 0, weightedValue: 0 },
    ),
    closedByPeriod: [...closedBy.values()],
    reasons: { won: reasonList('won'), lost: reasonList('lost') },
  };
}

type Totals = {
  open: Awaited<ReturnType<typeof f.openByMonthAndStage>>;
  noDate: Awaited<ReturnType<typeof f.openWithoutCloseDate>>;
  closed: Awaited<ReturnType<typeof f.closedByMonth>>;
  reasons: Awaited<ReturnType<typeof f.closeReasons>>;
};

/** One owner's items: aggregated from the items themselves. */
async function liveTotals(ctx: AppContext, scope: f.ForecastScope): Promise<Totals> {
  const [open, noDate, closed, reasons] = await Promise.all([
    f.openByMonthAndStage(ctx.db, scope),
    f.openWithoutCloseDate(ctx.db, scope),
    f.closedByMonth(ctx.db, scope),
    f.closeReasons(ctx.db, scope),
  ]);
  return { open, noDate, closed, reasons };
}

/** The whole pipeline: read from the totals kept in step with every write (a few hundred rows at most). */
async function maintainedTotals(ctx: AppContext, scope: f.ForecastScope, from: string, to: string): Promise<Totals> {
  const [openRows, closedRows] = await Promise.all([
    readOpenMonthStats(ctx.db, scope.workspaceId, scope.pipelineId, from, to),
    readClosedMonthStats(ctx.db, scope.workspaceId, scope.pipelineId, from, to),
  ]);
  const money = (r: {
    stage_id: string;
    deal_count: number;
    value_sum: number;
    default_prob_value_sum: number;
    own_weighted_sum: number;
  }) => ({
    stageId: r.stage_id,
    n: Number(r.deal_count),
    value: Number(r.value_sum),
    defaultProbValue: Number(r.default_prob_value_sum),
    ownWeighted: Number(r.own_weighted_sum),
  });
  const byPeriod = new Map<string, { period: string; status: string; n: number; value: number }>();
  const byReason = new Map<string, { status: string; reason: string | null; n: number; value: number }>();
  for (const r of closedRows) {
    const p = byPeriod.get(`${r.month}|${r.status}`) ?? { period: r.month, status: r.status, n: 0, value: 0 };
    p.n += Number(r.deal_count);
    p.value += Number(r.value_sum);
    byPeriod.set(`${r.month}|${r.status}`, p);
    const q = byReason.get(`${r.status}|${r.reason}`) ?? { status: r.status, reason: r.reason || null, n: 0, value: 0 };
    q.n += Number(r.deal_count);
    q.value += Number(r.value_sum);
    byReason.set(`${r.status}|${r.reason}`, q);
  }
  return {
    open: openRows.filter((r) => r.month !== '').map((r) => ({ period: r.month, ...money(r) })),
    noDate: openRows.filter((r) => r.month === '').map(money),
    closed: [...byPeriod.values()],
    reasons: [...byReason.values()].filter((r) => r.n > 0).sort((a, b) => b.n - a.n || b.value - a.value),
  };
}
