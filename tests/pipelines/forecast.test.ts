import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createDeal, move, pipelinesByName, stageId, clock, LONG_SESSIONS } from './helpers.js';

describeEachDialect('forecast', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  it('weights open value by expected close month, and counts won and lost by period with reasons', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const won = stageId(p, 'Won');
    const lost = stageId(p, 'Lost');
    // clock: 2026-01-05. Open items closing in February and March.
    await createDeal(s.manager, {
      pipelineId: p.id,
      title: 'Feb default',
      valueMinor: 10_000,
      expectedCloseDate: '2026-02-10',
    }); // Lead 10% -> 1000
    await createDeal(s.manager, {
      pipelineId: p.id,
      stageId: stageId(p, 'Proposal'),
      title: 'Feb own',
      valueMinor: 20_000,
      probability: 60,
      expectedCloseDate: '2026-02-28',
    }); // 12000
    await createDeal(s.manager, {
      pipelineId: p.id,
      stageId: stageId(p, 'Proposal'),
      title: 'March',
      valueMinor: 8_000,
      expectedCloseDate: '2026-03-01',
    }); // 50% -> 4000
    await createDeal(s.manager, { pipelineId: p.id, title: 'Someday', valueMinor: 5_000 }); // no date: 500
    // closed in January
    const w1 = await createDeal(s.manager, { pipelineId: p.id, title: 'Won 1', valueMinor: 7_000 });
    await move(s.manager, w1, won, { closeReason: 'Best price' });
    const l1 = await createDeal(s.manager, { pipelineId: p.id, title: 'Lost 1', valueMinor: 3_000 });
    await move(s.manager, l1, lost, { closeReason: 'Budget' });
    // closed in February
    clock(t).set('2026-02-15T10:00:00.000Z');
    const l2 = await createDeal(s.manager, { pipelineId: p.id, title: 'Lost 2', valueMinor: 4_000 });
    await move(s.manager, l2, lost, { closeReason: 'Budget' });
    const l3 = await createDeal(s.manager, { pipelineId: p.id, title: 'Lost 3', valueMinor: 1_000 });
    await move(s.manager, l3, lost, { closeReason: 'Went silent' });

    const res = await s.manager.get(`/api/pipelines/${p.id}/forecast?from=2026-01&to=2026-04`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.currency).toBe('USD');
    expect(f.openByCloseMonth).toEqual([
      { period: '2026-01', count: 0, valueSum: 0, weightedValue: 0 },
      { period: '2026-02', count: 2, valueSum: 30_000, weightedValue: 13_000 },
      { period: '2026-03', count: 1, valueSum: 8_000, weightedValue: 4_000 },
      { period: '2026-04', count: 0, valueSum: 0, weightedValue: 0 },
    ]);
    expect(f.noCloseDate).toEqual({ count: 1, valueSum: 5_000, weightedValue: 500 });
    expect(f.closedByPeriod.slice(0, 2)).toEqual([
      { period: '2026-01', wonCount: 1, wonValue: 7_000, lostCount: 1, lostValue: 3_000 },
      { period: '2026-02', wonCount: 0, wonValue: 0, lostCount: 2, lostValue: 5_000 },
    ]);
    expect(f.reasons.lost).toEqual([
      { reason: 'Budget', count: 2, valueSum: 7_000 },
      { reason: 'Went silent', count: 1, valueSum: 1_000 },
    ]);
    expect(f.reasons.won).toEqual([{ reason: 'Best price', count: 1, valueSum: 7_000 }]);

    const quarters = (
      await s.manager.get(`/api/pipelines/${p.id}/forecast?from=2026-01&to=2026-06&interval=quarter`)
    ).json();
    expect(
      quarters.openByCloseMonth.map((x: { period: string; weightedValue: number }) => [x.period, x.weightedValue]),
    ).toEqual([
      ['2026-Q1', 17_000],
      ['2026-Q2', 0],
    ]);
    expect(quarters.closedByPeriod[0]).toMatchObject({ period: '2026-Q1', lostCount: 3, wonCount: 1 });

    // reopening takes an item out of the closed numbers
    const reopened = await move(s.manager, { id: l3.id, version: 2 }, stageId(p, 'Lead'));
    expect(reopened.statusCode, reopened.body).toBe(200);
    const again = (await s.manager.get(`/api/pipelines/${p.id}/forecast?from=2026-01&to=2026-04`)).json();
    expect(again.closedByPeriod[1]).toMatchObject({ lostCount: 1, lostValue: 4_000 });
  });

  it('keeps its maintained totals equal to a count of the items through edits, moves, deletes and stage changes', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const ids: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < 8; i++)
      ids.push(
        await createDeal(s.manager, {
          pipelineId: p.id,
          stageId: p.stages[i % 4].id,
          title: `D${i}`,
          valueMinor: 1000 * (i + 1),
          probability: i % 3 ? null : 70,
          expectedCloseDate: i % 4 ? `2026-0${(i % 5) + 1}-15` : null,
        }),
      );
    const edit = await s.manager.patch(`/api/deals/${ids[1].id}`, {
      version: 1,
      valueMinor: 99_000,
      expectedCloseDate: '2026-06-01',
      probability: 10,
    });
    expect(edit.statusCode).toBe(200);
    await move(s.manager, ids[2], stageId(p, 'Won'), { closeReason: 'Fast' });
    await move(s.manager, ids[3], stageId(p, 'Lost'), { closeReason: 'Slow' });
    await s.manager.delete(`/api/deals/${ids[4].id}`);
    const proposal = stageId(p, 'Proposal');
    await s.admin.delete(`/api/pipelines/${p.id}/stages/${stageId(p, 'Qualified')}?targetStageId=${proposal}`);
    await s.admin.patch(`/api/pipelines/${p.id}/stages/${stageId(p, 'Negotiation')}`, { probability: 90 });
    const range = 'from=2026-01&to=2026-12';
    const maintained = (await s.manager.get(`/api/pipelines/${p.id}/forecast?${range}`)).json();
    const live = (await s.manager.get(`/api/pipelines/${p.id}/forecast?${range}&ownerId=me`)).json();
    expect(maintained.openByCloseMonth.some((m: { count: number }) => m.count > 0)).toBe(true);
    expect(maintained).toEqual(live);
  });

  it("counts the closing day in the workspace's time zone", async () => {
    const s = await seedWithClients(t, 'school'); // Asia/Jakarta, UTC+7
    const p: Pipeline = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
    clock(t).set('2026-01-31T20:00:00.000Z'); // already 1 February in Jakarta
    const d = await createDeal(s.manager, { pipelineId: p.id, title: 'Late enrolment', valueMinor: 1_000 });
    const res = await move(s.manager, d, stageId(p, 'Enrolled'));
    expect(res.json().closedOn).toBe('2026-02-01');
    const f = (await s.manager.get(`/api/pipelines/${p.id}/forecast?from=2026-01&to=2026-02`)).json();
    expect(f.closedByPeriod).toEqual([
      { period: '2026-01', wonCount: 0, wonValue: 0, lostCount: 0, lostValue: 0 },
      { period: '2026-02', wonCount: 1, wonValue: 1_000, lostCount: 0, lostValue: 0 },
    ]);
  });

  it('agents forecast their own items; bad ranges are 400s naming the field', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    await createDeal(s.manager, {
      pipelineId: p.id,
      title: 'Manager',
      valueMinor: 10_000,
      expectedCloseDate: '2026-02-01',
    });
    await createDeal(s.agent, { pipelineId: p.id, title: 'Agent', valueMinor: 2_000, expectedCloseDate: '2026-02-01' });
    const agent = (await s.agent.get(`/api/pipelines/${p.id}/forecast?from=2026-02&to=2026-02`)).json();
    expect(agent.openByCloseMonth).toEqual([{ period: '2026-02', count: 1, valueSum: 2_000, weightedValue: 200 }]);
    const mine = (await s.manager.get(`/api/pipelines/${p.id}/forecast?from=2026-02&to=2026-02&ownerId=me`)).json();
    expect(mine.openByCloseMonth[0].valueSum).toBe(10_000);
    for (const [q, field] of [
      ['from=2026-13', 'from'],
      ['from=2026-05&to=2026-01', 'from'],
      ['from=2020-01&to=2026-01', 'to'],
      ['interval=week', 'interval'],
    ]) {
      const res = await s.manager.get(`/api/pipelines/${p.id}/forecast?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().errors ?? res.json().field)).toContain(field);
    }
  });
});
