import { afterEach, beforeEach, expect, it } from 'vitest';
import { dialectOf } from '../../src/server/db/dialect.js';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { countEnteredBefore } from '../../src/server/modules/pipelines/board.repository.js';
import type { FilterScope } from '../../src/server/modules/pipelines/deals.repository.js';
import { contact, createDeal, move, pipelinesByName, stageId, clock, LONG_SESSIONS } from './helpers.js';

interface Column {
  stageId: string;
  count: number;
  valueSum: number;
  weightedValue: number;
  avgDaysInStage: number | null;
  avgDaysBeforeLeaving: number | null;
  conversionToNext: number | null;
  staleCount: number | null;
  staleCountCapped: boolean;
  cards: Array<{
    id: string;
    title: string;
    isStale: boolean;
    owner: { name: string } | null;
    contact: { name: string } | null;
  }>;
  nextCursor: string | null;
}

describeEachDialect('board', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  async function sales() {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const column = (board: { columns: Column[] }, name: string) =>
      board.columns.find((c) => c.stageId === stageId(p, name))!;
    const board = async (query = '') => {
      const res = await s.manager.get(`/api/pipelines/${p.id}/board${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        columns: Column[];
        filtered: boolean;
        totals: { count: number; valueSum: number; weightedValue: number };
      };
    };
    return { ...s, p, column, board };
  }

  it('shows per stage the count, value, weighted value, days in stage and conversion', async () => {
    const s = await sales();
    const lead = stageId(s.p, 'Lead');
    const qualified = stageId(s.p, 'Qualified');
    // Lead (10%): 1000 at the stage default, 3000 at its own 50%
    const a = await createDeal(s.manager, { pipelineId: s.p.id, title: 'A', valueMinor: 1000 });
    const b = await createDeal(s.manager, { pipelineId: s.p.id, title: 'B', valueMinor: 3000, probability: 50 });
    const c = await createDeal(s.manager, { pipelineId: s.p.id, title: 'C', valueMinor: 5000 });
    clock(t).advance(4 * 86_400);
    await move(s.manager, c, qualified);
    clock(t).advance(2 * 86_400);

    const board = await s.board();
    expect(board.filtered).toBe(false);
    expect(s.column(board, 'Lead')).toMatchObject({
      count: 2,
      valueSum: 4000,
      weightedValue: 100 + 1500,
      avgDaysInStage: 6,
      conversionToNext: 0.333,
      avgDaysBeforeLeaving: 4,
    });
    expect(s.column(board, 'Qualified')).toMatchObject({
      count: 1,
      valueSum: 5000,
      weightedValue: 1250,
      avgDaysInStage: 2,
      conversionToNext: 0,
    });
    expect(s.column(board, 'Won').conversionToNext).toBeNull();
    expect(board.totals).toEqual({ count: 3, valueSum: 9000, weightedValue: 2850 });
    expect(s.column(board, 'Lead').cards.map((x) => x.title)).toEqual(['B', 'A']);

    // a stage's default probability change reweighs its items without its own
    await s.manager.patch(`/api/pipelines/${s.p.id}/stages/${lead}`, { probability: 20 });
    expect(s.column(await s.board(), 'Lead').weightedValue).toBe(200 + 1500);
    // editing value and probability keeps the totals right
    await s.manager.patch(`/api/deals/${a.id}`, { version: 1, valueMinor: 2000, probability: 100 });
    await s.manager.patch(`/api/deals/${b.id}`, { version: 1, probability: null });
    const after = s.column(await s.board(), 'Lead');
    expect(after).toMatchObject({ count: 2, valueSum: 5000, weightedValue: 2000 + 600 });
    const live = s.column(await s.board('?createdFrom=2020-01-01'), 'Lead');
    expect(live).toMatchObject({
      count: 2,
      valueSum: 5000,
      weightedValue: 2600,
      avgDaysInStage: 6,
      conversionToNext: null,
    });
  });

  it("flags items past the stage's limit as stale and counts them", async () => {
    const s = await sales();
    const old = await createDeal(s.manager, { pipelineId: s.p.id, title: 'Old' });
    clock(t).advance(10 * 86_400);
    await createDeal(s.manager, { pipelineId: s.p.id, title: 'Fresh' });
    clock(t).advance(5 * 86_400); // Lead's limit is 14 days: Old is 15 days in, Fresh 5
    const lead = s.column(await s.board(), 'Lead');
    expect(lead).toMatchObject({ staleCount: 1, staleCountCapped: false });
    // counting stops one past the cap, so an old pipeline's column costs the same at any size
    const cutoff = '2999-01-01T00:00:00.000Z';
    const scope: FilterScope = { sql: dialectOf(t.ctx.db), actorId: s.workspace.id, ownerOnly: null };
    const lead1 = { stageId: stageId(s.p, 'Lead'), cutoff };
    expect(await countEnteredBefore(t.ctx.db, s.workspace.id, s.p.id, [lead1], {}, scope, 1)).toEqual(
      new Map([[lead1.stageId, 2]]),
    );
    // several stages in one statement; a stage with none counts 0
    const qualified = { stageId: stageId(s.p, 'Qualified'), cutoff };
    expect(await countEnteredBefore(t.ctx.db, s.workspace.id, s.p.id, [lead1, qualified], {}, scope, 5)).toEqual(
      new Map([
        [lead1.stageId, 2],
        [qualified.stageId, 0],
      ]),
    );
    expect(Object.fromEntries(lead.cards.map((c) => [c.title, c.isStale]))).toEqual({ Old: true, Fresh: false });
    expect((await s.manager.get(`/api/deals/${old.id}`)).json().isStale).toBe(true);
    expect(s.column(await s.board(), 'Won').staleCount).toBeNull();
  });

  it('pages each column with its own cursor, newest arrivals first, without gaps or repeats', async () => {
    const s = await sales();
    const titles: string[] = [];
    for (let i = 0; i < 7; i++) {
      await createDeal(s.manager, { pipelineId: s.p.id, title: `Deal ${i}` });
      titles.unshift(`Deal ${i}`);
      if (i % 2) clock(t).advance(60); // some share a timestamp: the id breaks ties
    }
    const first = s.column(await s.board('?limit=3'), 'Lead');
    expect(first.cards.map((c) => c.title)).toEqual(titles.slice(0, 3));
    const seen = [...first.cards.map((c) => c.title)];
    let cursor = first.nextCursor;
    while (cursor) {
      const res = await s.manager.get(
        `/api/pipelines/${s.p.id}/stages/${stageId(s.p, 'Lead')}/cards?limit=3&cursor=${cursor}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((c: { title: string }) => c.title));
      cursor = res.json().nextCursor;
    }
    expect(seen).toEqual(titles);
    expect(
      (await s.manager.get(`/api/pipelines/${s.p.id}/stages/${stageId(s.p, 'Lead')}/cards?cursor=garbage`)).statusCode,
    ).toBe(400);
  });

  it('filters by owner, tags, source, custom field, created range and title, with matching totals', async () => {
    const s = await sales();
    const person = await contact(t, s.workspace.id, 'Dewi');
    await createDeal(s.manager, {
      pipelineId: s.p.id,
      title: 'Mine',
      valueMinor: 100,
      tags: ['vip', 'q1'],
      source: 'web',
      custom: { academicYear: '2027/28' },
      contactId: person,
    });
    await createDeal(s.agent, {
      pipelineId: s.p.id,
      title: 'Agent',
      valueMinor: 200,
      tags: ['vip'],
      source: 'referral',
      custom: { academicYear: '2026/27' },
    });
    clock(t).advance(3 * 86_400);
    await createDeal(s.manager, { pipelineId: s.p.id, title: 'Nobody', valueMinor: 400, ownerId: null });

    const titles = async (q: string) =>
      s
        .column(await s.board(q), 'Lead')
        .cards.map((c) => c.title)
        .sort();
    expect(await titles('?ownerId=me')).toEqual(['Mine']);
    expect(await titles('?ownerId=none')).toEqual(['Nobody']);
    expect(await titles('?tags=vip')).toEqual(['Agent', 'Mine']);
    expect(await titles('?tags=vip,q1')).toEqual(['Mine']);
    expect(await titles('?source=referral')).toEqual(['Agent']);
    expect(await titles(`?custom=${encodeURIComponent('academicYear:2027/28')}`)).toEqual(['Mine']);
    expect(await titles('?createdFrom=2026-01-06')).toEqual(['Nobody']);
    expect(await titles('?createdTo=2026-01-05')).toEqual(['Agent', 'Mine']);
    expect(await titles('?q=agen')).toEqual(['Agent']);
    expect(await titles(`?contactId=${person}`)).toEqual(['Mine']);
    const vip = s.column(await s.board('?tags=vip'), 'Lead');
    expect(vip).toMatchObject({ count: 2, valueSum: 300 });
    expect(s.column(await s.board(`?contactId=${person}`), 'Lead').cards[0].contact?.name).toBe('Dewi Rahma');

    for (const [q, field] of [
      ['?custom=noseparator', 'custom'],
      ['?ownerId=someone', 'ownerId'],
      ['?createdFrom=yesterday', 'createdFrom'],
      ['?limit=0', 'limit'],
    ]) {
      const res = await s.manager.get(`/api/pipelines/${s.p.id}/board${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().errors ?? res.json().field)).toContain(field);
    }
  });

  it('lists items as a table with sorting, keyset pages and totals', async () => {
    const s = await sales();
    for (const [title, value] of [
      ['Gamma', 300],
      ['Alpha', 100],
      ['Beta', 200],
    ] as const) {
      await createDeal(s.manager, { pipelineId: s.p.id, title, valueMinor: value });
      clock(t).advance(1);
    }
    const byValue = await s.manager.get(
      `/api/deals?pipelineId=${s.p.id}&sort=value&order=asc&limit=2&includeTotal=true`,
    );
    expect(byValue.json().items.map((d: { title: string }) => d.title)).toEqual(['Alpha', 'Beta']);
    expect(byValue.json().total).toBe(3);
    const next = await s.manager.get(
      `/api/deals?pipelineId=${s.p.id}&sort=value&order=asc&limit=2&cursor=${byValue.json().nextCursor}`,
    );
    expect(next.json().items.map((d: { title: string }) => d.title)).toEqual(['Gamma']);
    expect(next.json().nextCursor).toBeNull();
    const byTitle = await s.manager.get(`/api/deals?sort=title&order=desc`);
    expect(byTitle.json().items.map((d: { title: string }) => d.title)).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect((await s.manager.get(`/api/deals?stageId=${stageId(s.p, 'Won')}`)).json().items).toEqual([]);
    expect((await s.manager.get('/api/deals?sort=shoeSize')).statusCode).toBe(400);
  });
});
