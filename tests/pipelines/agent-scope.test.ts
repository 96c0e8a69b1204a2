import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertContact, userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createDeal, pipelinesByName } from './helpers.js';

describeEachDialect("an agent's scope on deals, their timelines and companies", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  async function setup() {
    const s = await seedWithClients(t, 'sales');
    const sales = (await pipelinesByName(s.manager)).Sales;
    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    const hidden = await insertContact(t.ctx, s.workspace.id, { firstName: 'Rahasia', ownerId: managerId });
    const own = await insertContact(t.ctx, s.workspace.id, { firstName: 'Milik', ownerId: agentId });
    return { s, sales, managerId, agentId, hidden, own };
  }

  it("answers a deal's timeline exactly when it answers the deal", async () => {
    const { s, sales, managerId } = await setup();
    const theirs = await createDeal(s.manager, { pipelineId: sales.id, title: 'Manager deal', ownerId: managerId });
    const mine = await createDeal(s.agent, { pipelineId: sales.id, title: 'Agent deal' });
    expect((await s.agent.get(`/api/deals/${theirs.id}`)).statusCode).toBe(404);
    expect((await s.agent.get(`/api/timeline/deal/${theirs.id}`)).statusCode).toBe(404);
    expect((await s.agent.get(`/api/timeline/deal/${mine.id}`)).statusCode).toBe(200);
    expect((await s.manager.get(`/api/timeline/deal/${theirs.id}`)).statusCode).toBe(200);

    await s.admin.patch('/api/workspace', { settings: { agentsSeeAll: true } });
    expect((await s.agent.get(`/api/deals/${theirs.id}`)).statusCode).toBe(200);
    expect((await s.agent.get(`/api/timeline/deal/${theirs.id}`)).statusCode).toBe(200);
  });

  it('refuses a deal with a contact the agent cannot see, on create, edit and move, without naming it', async () => {
    const { s, sales, hidden, own } = await setup();
    const created = await s.agent.post('/api/deals', { pipelineId: sales.id, title: 'Sneaky', contactId: hidden });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0].field).toBe('contactId');
    expect(created.body).not.toContain('Rahasia');
    // a task is refused the same way
    const task = await s.agent.post('/api/tasks', { title: 'Sneaky', contactId: hidden });
    expect(task.statusCode).toBe(400);
    expect(task.json().errors[0].field).toBe('contactId');

    const deal = await createDeal(s.agent, { pipelineId: sales.id, title: 'Mine', contactId: own });
    expect(deal.contactId).toBe(own);
    const edited = await s.agent.patch(`/api/deals/${deal.id}`, { version: deal.version, contactId: hidden });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().errors[0].field).toBe('contactId');
    expect(edited.body).not.toContain('Rahasia');
    const moved = await s.agent.post(`/api/deals/${deal.id}/move`, {
      stageId: sales.stages[1].id,
      version: deal.version,
      fields: { contactId: hidden },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].field).toBe('fields.contactId');
    expect((await s.agent.get(`/api/deals/${deal.id}`)).json().contactId).toBe(own);

    // a manager may; and an agent's deal keeps the contact a manager gave it
    const given = await s.manager.patch(`/api/deals/${deal.id}`, { version: deal.version, contactId: hidden });
    expect(given.statusCode).toBe(200);
    const retitled = await s.agent.patch(`/api/deals/${deal.id}`, {
      version: given.json().version,
      title: 'Renamed',
      contactId: hidden,
    });
    expect(retitled.statusCode).toBe(200);
  });

  it("shares companies with agents, but a company's timeline shows them only its own history and their doing", async () => {
    const { s, managerId, agentId } = await setup();
    const company = (await s.manager.post('/api/companies', { name: 'PT Bersama' })).json();
    expect((await s.agent.get(`/api/companies/${company.id}`)).statusCode).toBe(200);
    const at = async (c: typeof s.agent, ownerId: string, title: string) => {
      const person = await c.post('/api/contacts', { firstName: title, companyId: company.id, ownerId });
      expect(person.statusCode).toBe(201);
      const logged = await c.post('/api/activities', { typeId: 'call', contactId: person.json().id, title });
      expect(logged.statusCode).toBe(201);
    };
    await at(s.manager, managerId, 'Secret expansion');
    await at(s.agent, agentId, 'Agent pitch');
    const titles = async (c: typeof s.agent) =>
      (await c.get(`/api/timeline/company/${company.id}`))
        .json()
        .items.map(
          (i: { entityType: string; payload: { title?: string; activity?: { title: string } } }) =>
            `${i.entityType}:${i.payload.activity?.title ?? i.payload.title ?? ''}`,
        );
    const managerSees = await titles(s.manager);
    expect(managerSees).toContain('activity:Secret expansion');
    expect(managerSees).toContain('activity:Agent pitch');
    const agentSees = await titles(s.agent);
    expect(agentSees).toContain('activity:Agent pitch');
    expect(agentSees).not.toContain('activity:Secret expansion');
    expect(agentSees.some((x: string) => x.startsWith('company:'))).toBe(true);
    expect((await s.agent.get('/api/timeline/company/0190a7c2-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
