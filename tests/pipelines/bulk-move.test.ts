import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createDeal, move, pipelinesByName, stageId, LONG_SESSIONS } from './helpers.js';

describeEachDialect('bulk stage change', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  it('checks each selected item against the rules and reports per item', async () => {
    const s = await seedWithClients(t, 'school');
    const p: Pipeline = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
    const early = await createDeal(s.agent, { pipelineId: p.id, title: 'Early' });
    const late = await createDeal(s.manager, { pipelineId: p.id, stageId: stageId(p, 'Accepted'), title: 'Late' });
    const closed = await createDeal(s.agent, { pipelineId: p.id, title: 'Closed' });
    await move(s.agent, closed, stageId(p, 'Lost'), { closeReason: 'Moved abroad' });
    const foreign = await seedWithClients(t, 'school');
    await foreign.manager.post('/api/auth/switch-workspace', { workspaceId: foreign.workspace.id });
    const foreignP = (await pipelinesByName(foreign.manager))['Enrollment 2027/28'];
    const stranger = await createDeal(foreign.manager, { pipelineId: foreignP.id, title: 'Stranger' });

    const res = await s.agent.post('/api/deals/bulk-move', {
      ids: [early.id, late.id, closed.id, stranger.id],
      stageId: stageId(p, 'Application'),
      reason: 'Forms received',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.moved).toBe(1);
    expect(body.refused).toBe(3);
    const byId = Object.fromEntries(body.results.map((r: { id: string }) => [r.id, r]));
    expect(byId[early.id]).toMatchObject({ ok: true, version: 2 });
    // the agent does not own "Late" (the manager does): not found for them
    expect(byId[late.id]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(byId[closed.id]).toMatchObject({
      ok: false,
      code: 'MOVE_FROM_CLOSED_NOT_ALLOWED',
      rule: 'closedStagesTerminal',
    });
    expect(byId[stranger.id]).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const asManager = await s.manager.post('/api/deals/bulk-move', {
      ids: [late.id],
      stageId: stageId(p, 'Qualified'),
    });
    expect(asManager.json().results[0]).toMatchObject({
      ok: false,
      code: 'MOVE_BACKWARD_NOT_ALLOWED',
      rule: 'allowBackward',
    });
    expect((await s.manager.get(`/api/deals/${late.id}`)).json().version).toBe(1);
    expect((await s.manager.get(`/api/deals/${early.id}/history`)).json().items[0]).toMatchObject({
      toStageName: 'Application',
      reason: 'Forms received',
    });
  });

  it('moves everything a filter matches', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    for (let i = 0; i < 4; i++) await createDeal(s.manager, { pipelineId: p.id, title: `Web ${i}`, source: 'web' });
    await createDeal(s.manager, { pipelineId: p.id, title: 'Referral', source: 'referral' });
    const res = await s.manager.post('/api/deals/bulk-move', {
      filter: { pipelineId: p.id, stageId: stageId(p, 'Lead'), source: 'web' },
      stageId: stageId(p, 'Qualified'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ moved: 4, refused: 0 });
    const board = (await s.manager.get(`/api/pipelines/${p.id}/board`)).json();
    expect(board.columns.slice(0, 2).map((c: { count: number }) => c.count)).toEqual([1, 4]);
    // lost needs a reason: a bulk move without one is refused per item
    const lost = await s.manager.post('/api/deals/bulk-move', {
      filter: { pipelineId: p.id, source: 'web' },
      stageId: stageId(p, 'Lost'),
    });
    expect(lost.json()).toMatchObject({ moved: 0, refused: 4 });
    expect(lost.json().results[0]).toMatchObject({ code: 'MOVE_FIELDS_REQUIRED', rule: 'requiredFields' });
  });

  it('refuses malformed bulk requests', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const both = await s.manager.post('/api/deals/bulk-move', {
      ids: ['a'],
      filter: { pipelineId: p.id },
      stageId: p.stages[0].id,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('ids');
    const neither = await s.manager.post('/api/deals/bulk-move', { stageId: p.stages[0].id });
    expect(neither.statusCode).toBe(400);
    const badPipeline = await s.manager.post('/api/deals/bulk-move', {
      filter: { pipelineId: 'nope' },
      stageId: p.stages[0].id,
    });
    expect(badPipeline.statusCode).toBe(400);
    expect(badPipeline.json().field).toBe('filter.pipelineId');
    expect((await s.viewer.post('/api/deals/bulk-move', { ids: ['a'], stageId: p.stages[0].id })).statusCode).toBe(403);
  });
});
