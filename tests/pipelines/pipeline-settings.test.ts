import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createDeal, pipelinesByName, stageId, clock, LONG_SESSIONS } from './helpers.js';

describeEachDialect('pipelines and stages', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  it('gives each template its funnels with the stages, kinds and colours customers asked for', async () => {
    const school = await seedWithClients(t, 'school');
    const byName = await pipelinesByName(school.viewer);
    const enrollment = byName['Enrollment 2027/28'];
    expect(enrollment.category).toBe('enrollment');
    expect(enrollment.itemLabel).toBe('Application');
    expect(enrollment.currency).toBe('IDR');
    expect(enrollment.rules).toEqual({ allowBackward: false, closedStagesTerminal: true, reasonRequired: false });
    expect(enrollment.wonContactType).toBe('student_parent');
    expect(enrollment.stages.map((s) => [s.name, s.kind, s.color])).toEqual([
      ['Lead', 'open', '#22c55e'],
      ['Qualified', 'open', '#3b82f6'],
      ['Application', 'open', '#eab308'],
      ['Assessment', 'open', '#f97316'],
      ['Accepted', 'open', '#a855f7'],
      ['Enrolled', 'won', '#10b981'],
      ['Rejected', 'lost', '#ef4444'],
      ['Lost', 'lost', '#6b7280'],
    ]);
    expect(byName['General inquiry'].category).toBe('general');

    const hospital = await seedWithClients(t, 'hospital');
    await hospital.admin.post('/api/auth/switch-workspace', { workspaceId: hospital.workspace.id });
    const leads = (await pipelinesByName(hospital.admin))['Patient leads'];
    expect(leads.stages.map((s) => s.name)).toEqual([
      'New',
      'Contacted',
      'Qualified',
      'Appointment scheduled',
      'Converted',
      'Lost',
    ]);
    expect(leads.wonContactType).toBe('patient');

    const sales = await seedWithClients(t, 'sales');
    await sales.admin.post('/api/auth/switch-workspace', { workspaceId: sales.workspace.id });
    const pipeline = (await pipelinesByName(sales.admin)).Sales;
    expect(pipeline.stages.map((s) => `${s.name}:${s.kind}:${s.probability}`)).toEqual([
      'Lead:open:10',
      'Qualified:open:25',
      'Proposal:open:50',
      'Negotiation:open:75',
      'Won:won:100',
      'Lost:lost:0',
    ]);
  });

  it('creates a pipeline, then adds, renames, recolours, reorders and deletes stages', async () => {
    const { admin, manager } = await seedWithClients(t, 'blank');
    const created = await manager.post('/api/pipelines', {
      name: 'Partnerships',
      category: 'custom',
      itemLabel: 'Partner deal',
      currency: 'EUR',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.stages.map((s: { name: string }) => s.name)).toEqual(['New', 'Won', 'Lost']);
    // without stages, a pipeline of a known category starts from that category's usual funnel
    const sales = (await manager.post('/api/pipelines', { name: 'Renewals', category: 'sales' })).json();
    expect(sales.stages.map((s: { name: string }) => s.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    const school = (
      await manager.post('/api/pipelines', {
        name: 'Enrollment 2028/29',
        category: 'enrollment',
        itemLabel: 'Application',
      })
    ).json();
    expect(school.stages.map((s: { name: string; color: string }) => `${s.name}:${s.color}`).slice(0, 2)).toEqual([
      'Lead:#22c55e',
      'Qualified:#3b82f6',
    ]);

    const added = await manager.post(`/api/pipelines/${p.id}/stages`, {
      name: 'Pitch',
      color: '#3b82f6',
      probability: 40,
      staleDays: 10,
    });
    expect(added.statusCode, added.body).toBe(201);
    // open stages go before the first won/lost stage
    expect(added.json().stages.map((s: { name: string }) => s.name)).toEqual(['New', 'Pitch', 'Won', 'Lost']);
    const pitch = stageId(added.json(), 'Pitch');

    const renamed = await manager.patch(`/api/pipelines/${p.id}/stages/${pitch}`, {
      name: 'Pitched',
      color: '#a855f7',
      requiredFields: ['value', 'custom.region'],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stage = renamed.json().stages.find((s: { id: string }) => s.id === pitch);
    expect(stage).toMatchObject({
      name: 'Pitched',
      color: '#a855f7',
      probability: 40,
      staleDays: 10,
      requiredFields: ['value', 'custom.region'],
    });

    const ids = renamed.json().stages.map((s: { id: string }) => s.id);
    const reordered = await manager.put(`/api/pipelines/${p.id}/stages/order`, {
      stageIds: [ids[1], ids[0], ids[2], ids[3]],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().stages.map((s: { name: string }) => s.name)).toEqual(['Pitched', 'New', 'Won', 'Lost']);

    const deleted = await admin.delete(`/api/pipelines/${p.id}/stages/${pitch}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    const after = await manager.get(`/api/pipelines/${p.id}`);
    expect(after.json().stages.map((s: { name: string; position: number }) => `${s.position}:${s.name}`)).toEqual([
      '0:New',
      '1:Won',
      '2:Lost',
    ]);

    const audit = await admin.get(`/api/audit?entityType=pipeline_stage`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'pipeline.stage_created',
        'pipeline.stage_updated',
        'pipeline.stages_reordered',
        'pipeline.stage_deleted',
      ]),
    );
  });

  it('deleting a stage with items needs a target; the items move there with history', async () => {
    const { manager } = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(manager)).Sales;
    const qualified = stageId(sales, 'Qualified');
    const a = await createDeal(manager, { pipelineId: sales.id, stageId: qualified, title: 'A', valueMinor: 1000 });
    await createDeal(manager, { pipelineId: sales.id, stageId: qualified, title: 'B', valueMinor: 2000 });

    const refused = await manager.delete(`/api/pipelines/${sales.id}/stages/${qualified}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('STAGE_HAS_ITEMS');
    expect((await manager.get(`/api/deals/${a.id}`)).json().stageId).toBe(qualified);

    const other = (await manager.post('/api/pipelines', { name: 'Other' })).json();
    const wrongTarget = await manager.delete(
      `/api/pipelines/${sales.id}/stages/${qualified}?targetStageId=${other.stages[0].id}`,
    );
    expect(wrongTarget.statusCode).toBe(400);
    expect(wrongTarget.json().field).toBe('targetStageId');

    clock(t).advance(3600);
    const proposal = stageId(sales, 'Proposal');
    const ok = await manager.delete(`/api/pipelines/${sales.id}/stages/${qualified}?targetStageId=${proposal}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().movedItems).toBe(2);
    const moved = (await manager.get(`/api/deals/${a.id}`)).json();
    expect(moved.stageId).toBe(proposal);
    expect(moved.version).toBe(2);
    const history = (await manager.get(`/api/deals/${a.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      toStageId: proposal,
      secondsInPrevious: 3600,
      reason: 'Stage "Qualified" was deleted',
    });
    const board = (await manager.get(`/api/pipelines/${sales.id}/board`)).json();
    const col = board.columns.find((c: { stageId: string }) => c.stageId === proposal);
    expect(col).toMatchObject({ count: 2, valueSum: 3000 });
  });

  it('keeps at least one open stage', async () => {
    const { manager } = await seedWithClients(t, 'blank');
    const p = (await manager.post('/api/pipelines', { name: 'Tiny' })).json();
    const only = p.stages[0].id;
    expect((await manager.delete(`/api/pipelines/${p.id}/stages/${only}`)).json().code).toBe('LAST_STAGE');
    expect((await manager.patch(`/api/pipelines/${p.id}/stages/${only}`, { kind: 'won' })).json().code).toBe(
      'LAST_STAGE',
    );
    const noOpen = await manager.post('/api/pipelines', {
      name: 'Closed only',
      stages: [{ name: 'Done', kind: 'won' }],
    });
    expect(noOpen.statusCode).toBe(409);
    expect(noOpen.json().code).toBe('LAST_STAGE');
  });

  it('refuses bad settings with a 400 naming the field, and changes nothing', async () => {
    const { manager } = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(manager)).Sales;
    const lead = stageId(sales, 'Lead');
    const cases: Array<[string, string, unknown, string]> = [
      ['PATCH', `/api/pipelines/${sales.id}/stages/${lead}`, { probability: 101 }, 'probability'],
      ['PATCH', `/api/pipelines/${sales.id}/stages/${lead}`, { probability: -1 }, 'probability'],
      ['PATCH', `/api/pipelines/${sales.id}/stages/${lead}`, { color: 'green' }, 'color'],
      ['PATCH', `/api/pipelines/${sales.id}/stages/${lead}`, { requiredFields: ['shoeSize'] }, 'requiredFields.0'],
      ['PATCH', `/api/pipelines/${sales.id}/stages/${lead}`, { name: 'x', sneaky: 1 }, 'sneaky'],
      ['POST', '/api/pipelines', { name: 'X', category: 'weird' }, 'category'],
      ['POST', '/api/pipelines', { name: 'X', currency: 'rupiah' }, 'currency'],
      ['POST', '/api/pipelines', { name: '' }, 'name'],
      ['PUT', `/api/pipelines/${sales.id}/stages/order`, { stageIds: [lead] }, 'stageIds'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await manager.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const after = (await manager.get(`/api/pipelines/${sales.id}`)).json();
    expect(after.stages).toEqual(sales.stages);
    expect((await manager.get('/api/pipelines')).json().items).toHaveLength(1);
  });

  it('pipeline edits use optimistic versions, and the currency is locked once items exist', async () => {
    const { manager } = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(manager)).Sales;
    const first = await manager.patch(`/api/pipelines/${sales.id}`, {
      version: sales.version,
      name: 'New business',
      rules: { allowBackward: false },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().rules).toEqual({ allowBackward: false, closedStagesTerminal: true, reasonRequired: false });
    const stale = await manager.patch(`/api/pipelines/${sales.id}`, { version: sales.version, name: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await manager.get(`/api/pipelines/${sales.id}`)).json().name).toBe('New business');

    await createDeal(manager, { pipelineId: sales.id, title: 'Big one', valueMinor: 5 });
    const currency = await manager.patch(`/api/pipelines/${sales.id}`, {
      version: first.json().version,
      currency: 'EUR',
    });
    expect(currency.statusCode).toBe(409);
    expect(currency.json().code).toBe('CURRENCY_LOCKED');
    expect((await manager.delete(`/api/pipelines/${sales.id}`)).json().code).toBe('PIPELINE_NOT_EMPTY');
    const archived = await manager.patch(`/api/pipelines/${sales.id}`, {
      version: first.json().version,
      isArchived: true,
    });
    expect(archived.json().isArchived).toBe(true);
  });

  it('only managers and admins change pipelines; everyone with deals.view reads them', async () => {
    const { agent, viewer } = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(viewer)).Sales;
    expect((await agent.post('/api/pipelines', { name: 'Mine' })).statusCode).toBe(403);
    expect(
      (await agent.patch(`/api/pipelines/${sales.id}/stages/${sales.stages[0].id}`, { name: 'X' })).statusCode,
    ).toBe(403);
    expect((await viewer.get(`/api/pipelines/${sales.id}/board`)).statusCode).toBe(200);
  });

  it("does not show or change another workspace's pipeline", async () => {
    const one = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(one.manager)).Sales;
    const two = await seedWithClients(t, 'sales');
    // the demo users joined the second workspace too; switch the manager there
    await two.manager.post('/api/auth/switch-workspace', { workspaceId: two.workspace.id });
    expect((await two.manager.get(`/api/pipelines/${sales.id}`)).statusCode).toBe(404);
    expect(
      (await two.manager.patch(`/api/pipelines/${sales.id}/stages/${sales.stages[0].id}`, { name: 'Hijack' }))
        .statusCode,
    ).toBe(404);
    expect((await two.manager.get('/api/pipelines/not-an-id')).statusCode).toBe(404);
    expect((await one.manager.get(`/api/pipelines/${sales.id}`)).json().stages[0].name).toBe('Lead');
  });
});
