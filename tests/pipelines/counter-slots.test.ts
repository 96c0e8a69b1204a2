import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DB } from '../../src/server/db/schema.js';
import { postgresDialect } from '../../src/server/db/dialect-postgres.js';
import {
  applyForecastDeltas,
  readClosedMonthStats,
  readOpenMonthStats,
} from '../../src/server/modules/pipelines/forecast-stats.repository.js';
import {
  applyStatsDeltas,
  contributionOf,
  listStageStats,
  recountStage,
} from '../../src/server/modules/pipelines/stage-stats.repository.js';
import { createTestApp, describeEachDialect, type TestApp } from '../helpers/test-app.js';
import { createDeal, move, schoolFunnel, stageId, LONG_SESSIONS } from './helpers.js';

// The running totals are kept in slots (one row per key and writer connection on PostgreSQL) that
// readers sum: concurrent writers don't queue on one row, and every total still adds up.
describeEachDialect('running totals in slots', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  const school = async () => {
    const s = await schoolFunnel(t);
    return { ...s, ws: s.workspace.id };
  };

  /** The board's numbers per stage: maintained (summed slots) and counted live from the items. */
  async function boards(s: Awaited<ReturnType<typeof school>>) {
    const kept = (await s.manager.get(`/api/pipelines/${s.p.id}/board`)).json();
    const live = (await s.manager.get(`/api/pipelines/${s.p.id}/board?createdFrom=2000-01-01`)).json();
    expect(live.filtered).toBe(true);
    const numbers = (b: { columns: Array<{ count: number; valueSum: number; weightedValue: number }> }) =>
      b.columns.map((c) => [c.count, c.valueSum, c.weightedValue]);
    return { kept: numbers(kept), live: numbers(live) };
  }

  /** Holds two connections of the pool whose slots differ, and runs fn on them. */
  async function onTwoSlots(db: Kysely<DB>, fn: (a: Kysely<DB>, b: Kysely<DB>) => Promise<void>): Promise<void> {
    const held: Array<{ conn: Kysely<DB>; slot: number }> = [];
    const take = (): Promise<void> =>
      db.connection().execute(async (conn) => {
        const slot = Number(
          (await sql<{ slot: number }>`select ${postgresDialect.counterSlot()} as slot`.execute(conn)).rows[0].slot,
        );
        const other = held.find((h) => h.slot !== slot);
        if (other) return fn(other.conn, conn);
        if (held.length >= 3) throw new Error("the pool's connections all share one slot");
        held.push({ conn, slot });
        return take();
      });
    return take();
  }

  it.runIf(dialect === 'postgres')(
    'writers on two connections add to the same stage and month without waiting for each other',
    async () => {
      const s = await school();
      const [x, y] = [stageId(s.p, 'Application'), stageId(s.p, 'Assessment')];
      const before = await listStageStats(t.ctx.db, s.ws, s.p.id);
      const countOf = (rows: typeof before, stage: string) =>
        Number(rows.find((r) => r.stage_id === stage)?.deal_count ?? 0);
      const item = {
        status: 'open',
        stage_id: x,
        expected_close_date: '2027-07-15',
        closed_on: null,
        close_reason: null,
        value_minor: 5_000,
        probability: null,
        stage_entered_at: '2026-01-05T09:00:00.000Z',
      };
      const won = { ...item, status: 'won', closed_on: '2027-06-01', close_reason: 'Scholarship' };
      const write = async (db: Kysely<DB>) => {
        // what a move from y to x writes, and a win: the same rows a concurrent writer would touch
        await applyStatsDeltas(
          db,
          s.ws,
          s.p.id,
          new Map([
            [x, { ...contributionOf(item), enteredTotal: 1 }],
            [y, { ...contributionOf(item, -1), exitedTotal: 1 }],
          ]),
        );
        await applyForecastDeltas(db, s.ws, s.p.id, [
          [null, item],
          [null, won],
        ]);
      };

      await onTwoSlots(t.ctx.db, async (a, b) => {
        await sql`begin`.execute(a);
        await write(a);
        // a holds its rows until it commits; b gives up after a second if it has to wait for them
        await sql`begin`.execute(b);
        await sql`set local lock_timeout = '1s'`.execute(b);
        await write(b);
        await sql`commit`.execute(b);
        expect(countOf(await listStageStats(t.ctx.db, s.ws, s.p.id), x)).toBe(countOf(before, x) + 1);
        await sql`commit`.execute(a);
      });

      const after = await listStageStats(t.ctx.db, s.ws, s.p.id);
      expect(countOf(after, x)).toBe(countOf(before, x) + 2);
      // y went below zero in each slot it was written in: only the sum is a count
      expect(countOf(after, y)).toBe(countOf(before, y) - 2);
      const rows = await t.ctx.db
        .selectFrom('pipeline_stage_stats')
        .select(['slot'])
        .where('stage_id', '=', x)
        .execute();
      expect(new Set(rows.map((r) => r.slot)).size).toBeGreaterThanOrEqual(2);
      const open = (await readOpenMonthStats(t.ctx.db, s.ws, s.p.id, '2027-01', '2027-12')).filter(
        (r) => r.stage_id === x && r.month === '2027-07',
      );
      expect(open.map((r) => Number(r.deal_count))).toEqual([2]);
      const closed = (await readClosedMonthStats(t.ctx.db, s.ws, s.p.id, '2027-01', '2027-12')).filter(
        (r) => r.reason === 'Scholarship',
      );
      expect(closed.map((r) => [r.status, r.month, Number(r.deal_count), Number(r.value_sum)])).toEqual([
        ['won', '2027-06', 2, 10_000],
      ]);

      // a recount puts a stage's true totals in slot 0 and empties its other slots
      await recountStage(t.ctx.db, s.ws, s.p.id, x);
      await recountStage(t.ctx.db, s.ws, s.p.id, y);
      const { kept, live } = await boards(s);
      expect(kept).toEqual(live);
    },
  );

  it('moves and edits on many connections at once keep every total equal to the items', async () => {
    const s = await school();
    const stages = ['Qualified', 'Application', 'Assessment'].map((n) => stageId(s.p, n));
    const deals = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        createDeal(s.manager, {
          pipelineId: s.p.id,
          title: `Child ${i}`,
          valueMinor: 1_000 * (i + 1),
          probability: i % 3 ? 40 : null,
          expectedCloseDate: `2027-0${(i % 3) + 6}-10`,
        }),
      ),
    );
    // each item goes forward, then on (some are won): the totals move in several slots at once
    const first = await Promise.all(deals.map((d, i) => move(i % 2 ? s.manager : s.admin, d, stages[i % 3])));
    expect(first.map((r) => r.statusCode)).toEqual(deals.map(() => 200));
    const second = await Promise.all(
      first.map((r, i) => move(s.admin, r.json(), i % 2 ? stageId(s.p, 'Accepted') : stageId(s.p, 'Enrolled'))),
    );
    expect(second.map((r) => r.statusCode)).toEqual(deals.map(() => 200));
    const { kept, live } = await boards(s);
    expect(kept).toEqual(live);

    const forecast = (await s.manager.get(`/api/pipelines/${s.p.id}/forecast`)).json();
    const items = await t.ctx.db
      .selectFrom('deals')
      .select(['status', 'expected_close_date', 'closed_on'])
      .where('pipeline_id', '=', s.p.id)
      .execute();
    const inWindow = (date: string | null) =>
      date !== null && String(date).slice(0, 7) >= forecast.from && String(date).slice(0, 7) <= forecast.to;
    const sum = (xs: Array<Record<string, number>>, k: string) => xs.reduce((a, x) => a + x[k], 0);
    expect(sum(forecast.openByCloseMonth, 'count')).toBe(
      items.filter((d) => d.status === 'open' && inWindow(d.expected_close_date)).length,
    );
    expect(forecast.noCloseDate.count).toBe(items.filter((d) => d.status === 'open' && !d.expected_close_date).length);
    expect(sum(forecast.closedByPeriod, 'wonCount')).toBe(
      items.filter((d) => d.status === 'won' && inWindow(d.closed_on)).length,
    );
    expect(sum(forecast.closedByPeriod, 'wonCount')).toBeGreaterThanOrEqual(5);
  });
});
