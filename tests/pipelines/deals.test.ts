import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertContact, userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { contact, createDeal, pipelinesByName, stageId, LONG_SESSIONS } from './helpers.js';

describeEachDialect('deals', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  it('creates an item in the first open stage, owned by its creator, linked to a contact', async () => {
    const s = await seedWithClients(t, 'school');
    const enrollment = (await pipelinesByName(s.agent))['Enrollment 2027/28'];
    // the agent's own contact: a deal may name only a contact its creator can see
    const parent = await insertContact(t.ctx, s.workspace.id, {
      firstName: 'Budi',
      ownerId: await userIdByEmail(t.ctx, 'agent@demo.test'),
    });
    const res = await s.agent.post('/api/deals', {
      pipelineId: enrollment.id,
      title: 'Aisyah — grade 7',
      contactId: parent,
      valueMinor: 45_000_000,
      tags: ['sibling'],
      custom: { academicYear: '2027/28' },
      source: 'open_day',
    });
    expect(res.statusCode, res.body).toBe(201);
    const deal = res.json();
    expect(deal).toMatchObject({
      stageId: stageId(enrollment, 'Lead'),
      status: 'open',
      currency: 'IDR',
      probability: null,
      effectiveProbability: 10,
      ownerId: await userIdByEmail(t.ctx, 'agent@demo.test'),
      owner: { name: 'Citra Agent' },
      contact: { id: parent, name: 'Budi Rahma' },
      tags: ['sibling'],
      custom: { academicYear: '2027/28' },
      version: 1,
    });
    // a second application for the same parent (one per child)
    expect(
      (await s.agent.post('/api/deals', { pipelineId: enrollment.id, title: 'Umar — grade 10', contactId: parent }))
        .statusCode,
    ).toBe(201);
    const forContact = await s.agent.get(`/api/deals?contactId=${parent}&includeTotal=true`);
    expect(forContact.json().total).toBe(2);
    const audit = await s.admin.get(`/api/audit?entityType=deal&entityId=${deal.id}`);
    expect(audit.json().items[0].action).toBe('deal.created');
  });

  it('refuses bad input with a 4xx naming the field and writes nothing', async () => {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const other = (await s.manager.post('/api/pipelines', { name: 'Other' })).json();
    const elsewhere = await seedWithClients(t, 'sales');
    const foreignContact = await contact(t, elsewhere.workspace.id, 'Foreign');
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ valueMinor: -5 }, 'valueMinor', 400],
      [{ valueMinor: 10.5 }, 'valueMinor', 400],
      [{ probability: 101 }, 'probability', 400],
      [{ probability: -1 }, 'probability', 400],
      [{ expectedCloseDate: '31/12/2027' }, 'expectedCloseDate', 400],
      [{ stageId: other.stages[0].id }, 'stageId', 400],
      [{ contactId: foreignContact }, 'contactId', 400],
      [{ ownerId: foreignContact }, 'ownerId', 400],
      [{ title: '' }, 'title', 400],
      [{ pipelineId: '01a20101-0000-7000-8000-000000000000' }, 'pipelineId', 400],
      [{ custom: { 'bad key': 1 } }, 'custom.bad key', 400],
      [{ colour: 'red' }, 'colour', 400],
    ];
    for (const [patch, field, status] of cases) {
      const res = await s.manager.post('/api/deals', { pipelineId: sales.id, title: 'Deal', ...patch });
      expect(res.statusCode, JSON.stringify(patch) + res.body).toBe(status);
      expect(JSON.stringify(res.json().errors ?? res.json().field), JSON.stringify(patch)).toContain(field);
    }
    expect((await s.manager.get('/api/deals?includeTotal=true')).json().total).toBe(0);
    const board = (await s.manager.get(`/api/pipelines/${sales.id}/board`)).json();
    expect(board.columns.every((c: { count: number }) => c.count === 0)).toBe(true);
  });

  it("applies the first stage's required fields on create", async () => {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const lost = await s.manager.post('/api/deals', {
      pipelineId: sales.id,
      stageId: stageId(sales, 'Lost'),
      title: 'Gone',
    });
    expect(lost.statusCode).toBe(422);
    expect(lost.json()).toMatchObject({ code: 'MOVE_FIELDS_REQUIRED', rule: 'requiredFields', field: 'closeReason' });
    const ok = await s.manager.post('/api/deals', {
      pipelineId: sales.id,
      stageId: stageId(sales, 'Lost'),
      title: 'Gone',
      closeReason: 'Budget',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'lost', closeReason: 'Budget', closedOn: '2026-01-05' });
  });

  it('edits with optimistic versions: the stale writer gets 409 and nothing is lost', async () => {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const d = await createDeal(s.manager, {
      pipelineId: sales.id,
      title: 'Renewal',
      valueMinor: 1000,
      custom: { region: 'EU', seats: 5 },
    });
    const first = await s.manager.patch(`/api/deals/${d.id}`, {
      version: 1,
      valueMinor: 2500,
      probability: 40,
      custom: { seats: 9, region: null },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      valueMinor: 2500,
      probability: 40,
      effectiveProbability: 40,
      custom: { seats: 9 },
      version: 2,
    });
    expect(first.json().custom).not.toHaveProperty('region');
    const stale = await s.admin.patch(`/api/deals/${d.id}`, { version: 1, title: 'Overwrite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const now = (await s.manager.get(`/api/deals/${d.id}`)).json();
    expect(now).toMatchObject({ title: 'Renewal', valueMinor: 2500, version: 2 });
    const moveField = await s.manager.patch(`/api/deals/${d.id}`, { version: 2, stageId: sales.stages[1].id });
    expect(moveField.statusCode).toBe(400);
    expect(moveField.json().errors[0].field).toBe('stageId');
  });

  it('agents see and change only their own items unless the workspace shares all', async () => {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');
    const theirs = await createDeal(s.manager, {
      pipelineId: sales.id,
      title: 'Manager deal',
      valueMinor: 700,
      ownerId: managerId,
    });
    const mine = await createDeal(s.agent, { pipelineId: sales.id, title: 'Agent deal', valueMinor: 300 });
    expect((await s.agent.get(`/api/deals/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await s.agent.post(`/api/deals/${theirs.id}/move`, { stageId: sales.stages[1].id, version: 1 })).statusCode,
    ).toBe(404);
    const board = (await s.agent.get(`/api/pipelines/${sales.id}/board`)).json();
    expect(board.filtered).toBe(true);
    expect(board.columns[0]).toMatchObject({ count: 1, valueSum: 300 });
    expect(board.columns[0].cards.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await s.agent.get('/api/deals')).json().items.map((d: { id: string }) => d.id)).toEqual([mine.id]);

    await s.admin.patch('/api/workspace', { settings: { agentsSeeAll: true } });
    expect((await s.agent.get(`/api/deals/${theirs.id}`)).statusCode).toBe(200);
    expect((await s.viewer.post('/api/deals', { pipelineId: sales.id, title: 'No' })).statusCode).toBe(403);
  });

  it('deletes an item and takes it out of the stage totals', async () => {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const d = await createDeal(s.manager, { pipelineId: sales.id, title: 'Temp', valueMinor: 900 });
    expect((await s.manager.delete(`/api/deals/${d.id}`)).statusCode).toBe(200);
    expect((await s.manager.get(`/api/deals/${d.id}`)).statusCode).toBe(404);
    const board = (await s.manager.get(`/api/pipelines/${sales.id}/board`)).json();
    expect(board.columns[0]).toMatchObject({ count: 0, valueSum: 0 });
    expect(
      (await s.admin.get(`/api/audit?entityId=${d.id}`)).json().items.map((e: { action: string }) => e.action),
    ).toContain('deal.deleted');
  });
});
