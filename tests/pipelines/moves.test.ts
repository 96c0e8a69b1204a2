import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createDeal, move, pipelinesByName, schoolFunnel, stageId, clock, LONG_SESSIONS } from './helpers.js';

describeEachDialect('moving items between stages', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  const school = () => schoolFunnel(t);

  /** Expects a refusal naming its rule, and that the item did not change. */
  async function expectRefused(res: { statusCode: number; json(): any }, status: number, code: string, rule?: string) {
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    expect(res.json().code).toBe(code);
    if (rule) expect(res.json().rule).toBe(rule);
    expect(res.json().detail).toBeTruthy();
  }

  it('records history (from, to, who, when, reason, time in the previous stage), audit and an event', async () => {
    const s = await school();
    const d = await createDeal(s.agent, { pipelineId: s.p.id, title: 'Aisyah' });
    clock(t).advance(2 * 86_400 + 60);
    const res = await move(s.agent, d, stageId(s.p, 'Qualified'), { reason: 'Visited the campus' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stageId: stageId(s.p, 'Qualified'), version: 2, effectiveProbability: 25 });
    const history = (await s.agent.get(`/api/deals/${d.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      fromStageName: 'Lead',
      toStageName: 'Qualified',
      actorName: 'Citra Agent',
      reason: 'Visited the campus',
      secondsInPrevious: 2 * 86_400 + 60,
      movedAt: '2026-01-07T09:01:00.000Z',
    });
    const audit = (await s.admin.get(`/api/audit?entityType=deal&entityId=${d.id}&action=deal.moved`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].changes.meta).toMatchObject({ reason: 'Visited the campus', secondsInPrevious: 172860 });
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('entity_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['deal.created', 'deal.moved']);
  });

  it('refuses backward moves where the pipeline forbids them, naming the rule', async () => {
    const s = await school();
    const d = await createDeal(s.manager, { pipelineId: s.p.id, stageId: stageId(s.p, 'Application'), title: 'Umar' });
    await expectRefused(
      await move(s.manager, d, stageId(s.p, 'Qualified')),
      422,
      'MOVE_BACKWARD_NOT_ALLOWED',
      'allowBackward',
    );
    const after = (await s.manager.get(`/api/deals/${d.id}`)).json();
    expect(after).toMatchObject({ stageId: stageId(s.p, 'Application'), version: 1 });
    expect((await s.manager.get(`/api/deals/${d.id}/history`)).json().items).toHaveLength(1);
    // the sales pipeline allows it
    const sales = await seedWithClients(t, 'sales');
    await sales.manager.post('/api/auth/switch-workspace', { workspaceId: sales.workspace.id });
    const sp = (await pipelinesByName(sales.manager)).Sales;
    const sd = await createDeal(sales.manager, { pipelineId: sp.id, stageId: stageId(sp, 'Qualified'), title: 'Back' });
    expect((await move(sales.manager, sd, stageId(sp, 'Lead'))).statusCode).toBe(200);
  });

  it('won and lost are final when the pipeline says so: only managers reopen', async () => {
    const s = await school();
    const d = await createDeal(s.agent, { pipelineId: s.p.id, title: 'Hana' });
    const lost = await move(s.agent, d, stageId(s.p, 'Lost'), { closeReason: 'Chose another school' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({ status: 'lost', closeReason: 'Chose another school', closedOn: '2026-01-05' });
    await expectRefused(
      await move(s.agent, lost.json(), stageId(s.p, 'Lead')),
      422,
      'MOVE_FROM_CLOSED_NOT_ALLOWED',
      'closedStagesTerminal',
    );
    await expectRefused(
      await move(s.agent, lost.json(), stageId(s.p, 'Enrolled')),
      422,
      'MOVE_FROM_CLOSED_NOT_ALLOWED',
      'closedStagesTerminal',
    );
    const reopened = await move(s.manager, lost.json(), stageId(s.p, 'Lead'), { reason: 'Parent called back' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, closedOn: null, closeReason: null });
  });

  it('requires a reason on every move when the pipeline asks for one', async () => {
    const s = await school();
    const updated = await s.manager.patch(`/api/pipelines/${s.p.id}`, {
      version: s.p.version,
      rules: { reasonRequired: true },
    });
    expect(updated.statusCode).toBe(200);
    const d = await createDeal(s.agent, { pipelineId: s.p.id, title: 'Rafi' });
    const refused = await move(s.agent, d, stageId(s.p, 'Qualified'));
    await expectRefused(refused, 422, 'MOVE_REASON_REQUIRED', 'reasonRequired');
    expect(refused.json().field).toBe('reason');
    expect((await move(s.agent, d, stageId(s.p, 'Qualified'), { reason: 'Passed screening' })).statusCode).toBe(200);
  });

  it("requires the target stage's fields, which the move may fill in", async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const d = await createDeal(s.manager, { pipelineId: p.id, title: 'Globex' });
    const refused = await move(s.manager, d, stageId(p, 'Negotiation'));
    await expectRefused(refused, 422, 'MOVE_FIELDS_REQUIRED', 'requiredFields');
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'fields.valueMinor',
      'fields.expectedCloseDate',
    ]);
    expect((await s.manager.get(`/api/deals/${d.id}`)).json()).toMatchObject({
      valueMinor: 0,
      expectedCloseDate: null,
      version: 1,
    });

    const ok = await move(s.manager, d, stageId(p, 'Negotiation'), {
      fields: { valueMinor: 120_000, expectedCloseDate: '2026-03-31' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      valueMinor: 120_000,
      expectedCloseDate: '2026-03-31',
      stageId: stageId(p, 'Negotiation'),
    });

    // a custom field requirement, and a reason requirement on the stage
    await s.manager.patch(`/api/pipelines/${p.id}/stages/${stageId(p, 'Won')}`, {
      requiredFields: ['custom.contractNo', 'reason'],
    });
    const won = await move(s.manager, ok.json(), stageId(p, 'Won'));
    expect(won.json().errors.map((e: { field: string }) => e.field)).toEqual(['fields.custom.contractNo', 'reason']);
    const wonOk = await move(s.manager, ok.json(), stageId(p, 'Won'), {
      reason: 'Signed',
      fields: { custom: { contractNo: 'C-77' } },
    });
    expect(wonOk.statusCode, wonOk.body).toBe(200);
    expect(wonOk.json()).toMatchObject({ status: 'won', custom: { contractNo: 'C-77' } });
  });

  it('refuses a stage of another pipeline or workspace, and bad move input, changing nothing', async () => {
    const s = await school();
    const general = (await pipelinesByName(s.manager))['General inquiry'];
    const d = await createDeal(s.manager, { pipelineId: s.p.id, title: 'Zahra' });
    const other = await move(s.manager, d, general.stages[0].id);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'STAGE_NOT_IN_PIPELINE', field: 'stageId' });
    expect((await move(s.manager, d, 'nonsense')).statusCode).toBe(400);
    const negative = await move(s.manager, d, stageId(s.p, 'Qualified'), { fields: { valueMinor: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('fields.valueMinor');
    const prob = await move(s.manager, d, stageId(s.p, 'Qualified'), { fields: { probability: 150 } });
    expect(prob.json().errors[0].field).toBe('fields.probability');
    const noVersion = await s.manager.post(`/api/deals/${d.id}/move`, { stageId: stageId(s.p, 'Qualified') });
    expect(noVersion.json().errors[0].field).toBe('version');
    expect((await s.manager.get(`/api/deals/${d.id}`)).json()).toMatchObject({
      stageId: stageId(s.p, 'Lead'),
      version: 1,
      valueMinor: 0,
    });
  });

  it('two users moving the same item at once: one wins, the other gets 409, nothing is lost', async () => {
    const s = await school();
    const d = await createDeal(s.manager, { pipelineId: s.p.id, title: 'Salma', valueMinor: 1000 });
    const [a, b] = await Promise.all([
      move(s.manager, d, stageId(s.p, 'Qualified'), { reason: 'manager' }),
      move(s.admin, d, stageId(s.p, 'Application'), { reason: 'admin' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('VERSION_CONFLICT');
    const winner = a.statusCode === 200 ? a : b;
    const now = (await s.manager.get(`/api/deals/${d.id}`)).json();
    expect(now).toMatchObject({ stageId: winner.json().stageId, version: 2 });
    expect((await s.manager.get(`/api/deals/${d.id}/history`)).json().items).toHaveLength(2);
    const board = (await s.manager.get(`/api/pipelines/${s.p.id}/board`)).json();
    const total = board.columns.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(total).toBe(1);
    // the loser retries with the fresh version and succeeds (the backward rule permitting)
    const retry = await move(s.manager, now, stageId(s.p, 'Assessment'));
    expect(retry.statusCode).toBe(200);
  });

  it('many concurrent moves of different items keep the stage totals exact', async () => {
    const s = await school();
    const stages = ['Qualified', 'Application', 'Assessment'].map((n) => stageId(s.p, n));
    const deals = [];
    for (let i = 0; i < 12; i++)
      deals.push(
        await createDeal(s.manager, {
          pipelineId: s.p.id,
          title: `App ${i}`,
          valueMinor: 100 * (i + 1),
          probability: i % 2 ? 30 : null,
        }),
      );
    const results = await Promise.all(deals.map((d, i) => move(i % 2 ? s.manager : s.admin, d, stages[i % 3])));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const board = (await s.manager.get(`/api/pipelines/${s.p.id}/board`)).json();
    const live = (await s.manager.get(`/api/pipelines/${s.p.id}/board?createdFrom=2000-01-01`)).json();
    expect(live.filtered).toBe(true);
    for (const [i, col] of board.columns.entries()) {
      expect(col.count).toBe(live.columns[i].count);
      expect(col.valueSum).toBe(live.columns[i].valueSum);
      expect(col.weightedValue).toBe(live.columns[i].weightedValue);
    }
    expect(board.columns.map((c: { count: number }) => c.count).slice(0, 4)).toEqual([0, 4, 4, 4]);
  });
});
