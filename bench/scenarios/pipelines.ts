import { newId } from '../../src/server/db/ids.js';
import { dialectOf } from '../../src/server/db/dialect.js';
import { countEnteredBefore, listFirstCards } from '../../src/server/modules/pipelines/board.repository.js';
import { STALE_COUNT_CAP } from '../../src/server/modules/pipelines/board.service.js';
import { findDealRow, insertHistory, updateDealRow } from '../../src/server/modules/pipelines/deals.repository.js';
import {
  readClosedMonthStats,
  readOpenMonthStats,
} from '../../src/server/modules/pipelines/forecast-stats.repository.js';
import {
  applyStatsDeltas,
  contributionOf,
  listStageStats,
} from '../../src/server/modules/pipelines/stage-stats.repository.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import type { BenchContext, Scenario } from './types.js';

async function funnelStages(b: BenchContext) {
  return b.database.db
    .selectFrom('pipeline_stages')
    .select(['id', 'name', 'kind', 'position', 'stale_days'])
    .where('workspace_id', '=', b.manifest.workspaceId)
    .where('pipeline_id', '=', b.manifest.funnelPipelineId)
    .orderBy('position')
    .execute();
}

export const board: Scenario = {
  name: 'pipelines.board',
  title: "Board of the 10-stage pipeline: every column's metrics and first 50 cards",
  connections: 4,
  async prepare(b) {
    const { workspaceId: ws, funnelPipelineId: pipelineId } = b.manifest;
    const stages = await funnelStages(b);
    const scope = { sql: dialectOf(b.database.db), actorId: b.actor.id, ownerOnly: null };
    return {
      request: { method: 'GET', path: `/api/pipelines/${pipelineId}/board` },
      // what board.service reads: the stage counters, every column's first cards, the open columns' stale counts
      raw: async () => {
        await listStageStats(b.database.db, ws, pipelineId);
        await listFirstCards(
          b.database.db,
          ws,
          pipelineId,
          stages.map((s) => s.id),
          {},
          scope,
          50,
        );
        const cutoffs = stages
          .filter((s) => s.kind === 'open' && s.stale_days)
          .map((s) => ({ stageId: s.id, cutoff: new Date(Date.now() - s.stale_days! * 86_400_000).toISOString() }));
        await countEnteredBefore(b.database.db, ws, pipelineId, cutoffs, {}, scope, STALE_COUNT_CAP);
      },
      details: {
        deals: Number(
          (
            await b.database.db
              .selectFrom('deals')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('workspace_id', '=', ws)
              .where('pipeline_id', '=', pipelineId)
              .executeTakeFirst()
          )?.n ?? 0,
        ),
        stages: stages.length,
      },
    };
  },
};

interface PooledDeal {
  id: string;
  version: number;
  stageId: string;
}

async function dealPool(b: BenchContext, stageId: string, size: number): Promise<PooledDeal[]> {
  const rows = await b.database.db
    .selectFrom('deals')
    .select(['id', 'version', 'stage_id'])
    .where('workspace_id', '=', b.manifest.workspaceId)
    .where('pipeline_id', '=', b.manifest.funnelPipelineId)
    .where('stage_id', '=', stageId)
    .orderBy('id')
    .limit(size)
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, stageId: r.stage_id }));
}

export const move: Scenario = {
  name: 'deals.move',
  title: 'Move a deal between two open stages (rules, history, counters, audit, event, timeline)',
  connections: 2,
  async prepare(b) {
    const stages = await funnelStages(b);
    const [a, c] = [stages[3], stages[4]];
    const other = (stageId: string) => (stageId === a.id ? c.id : a.id);
    // deals rest in either stage between runs; each is in flight at most once, so moves never conflict
    const pool = [...(await dealPool(b, a.id, 300)), ...(await dealPool(b, c.id, 300))];
    const rawPool = pool.splice(0, 100);
    const idle = [...pool];
    let refusal = '';
    return {
      isWrite: true,
      request: {
        method: 'POST',
        setupRequest: (req, context) => {
          const deal = idle.shift();
          if (!deal) return null;
          context.deal = deal;
          return {
            ...req,
            path: `/api/deals/${deal.id}/move`,
            body: JSON.stringify({ stageId: other(deal.stageId), version: deal.version }),
          };
        },
        onResponse: (status, body, context) => {
          const deal = context.deal as PooledDeal;
          if (status !== 200) {
            if (!refusal) process.stderr.write(`deals.move: ${status} ${(refusal = body.slice(0, 300))}\n`);
            // a refused move changed nothing: the deal goes back as it was; a conflict leaves the pool
            if (status !== 409) idle.push(deal);
            return;
          }
          const moved = JSON.parse(body) as { version: number; stageId: string };
          idle.push({ id: deal.id, version: moved.version, stageId: moved.stageId });
        },
      },
      // the move's writes: the deal row (version-checked), a history row, two stages' counters
      raw: async (i) => {
        const pooled = rawPool[i % rawPool.length];
        const now = new Date().toISOString();
        await withTransaction(b.database.db, async (trx) => {
          const row = (await findDealRow(trx, b.manifest.workspaceId, pooled.id))!;
          const to = other(row.stage_id);
          await updateDealRow(trx, b.manifest.workspaceId, row.id, row.version, {
            stage_id: to,
            stage_entered_at: now,
            updated_at: now,
          });
          await insertHistory(trx, {
            id: newId(),
            workspace_id: b.manifest.workspaceId,
            deal_id: row.id,
            pipeline_id: row.pipeline_id,
            from_stage_id: row.stage_id,
            to_stage_id: to,
            actor_id: b.actor.id,
            actor_name: b.actor.name,
            reason: null,
            seconds_in_previous: 1,
            created_at: now,
            updated_at: now,
          });
          await applyStatsDeltas(
            trx,
            b.manifest.workspaceId,
            row.pipeline_id,
            new Map([
              [row.stage_id, { ...contributionOf(row, -1), exitedTotal: 1 }],
              [to, { ...contributionOf({ ...row, stage_entered_at: now }), enteredTotal: 1 }],
            ]),
          );
        });
      },
      details: { stages: [a.name, c.name], pool: idle.length },
    };
  },
};

export const forecastScenario: Scenario = {
  name: 'pipelines.forecast',
  title: 'Forecast of the 10-stage pipeline: weighted value by close month, won/lost by month, reasons',
  connections: 2,
  async prepare(b) {
    const { workspaceId: ws, funnelPipelineId: pipelineId } = b.manifest;
    const now = new Date();
    const month = (offset: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    return {
      request: { method: 'GET', path: `/api/pipelines/${pipelineId}/forecast` },
      // the whole pipeline's forecast reads the per-month totals kept in step with every deal write
      raw: async () => {
        await readOpenMonthStats(b.database.db, ws, pipelineId, month(-11), month(12));
        await readClosedMonthStats(b.database.db, ws, pipelineId, month(-11), month(12));
      },
    };
  },
};
