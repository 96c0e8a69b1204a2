import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoActivities } from '../../src/server/modules/activities/activities-demo.service.js';
import { insertContact } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { people } from './helpers.js';

describeEachDialect('activities with the contacts and pipelines modules', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  async function firstPipeline(s: Awaited<ReturnType<typeof seedWithClients>>) {
    const pipeline = (await s.manager.get('/api/pipelines')).json().items[0];
    return { id: pipeline.id as string, stages: pipeline.stages as Array<{ id: string; name: string; kind: string }> };
  }

  it("links activities and tasks to a deal of this workspace only; both show on the deal's timeline", async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const pipeline = await firstPipeline(s);
    const deal = (
      await s.agent.post('/api/deals', { pipelineId: pipeline.id, title: 'Siti — Grade 7', contactId: p.contactId })
    ).json();
    expect(deal.id).toBeTruthy();
    const a = await s.agent.post('/api/activities', {
      typeId: 'call',
      contactId: p.contactId,
      dealId: deal.id,
      title: 'Discussed the application',
    });
    expect(a.statusCode).toBe(201);
    expect((await s.agent.post('/api/tasks', { title: 'Collect report card', dealId: deal.id })).statusCode).toBe(201);
    const missing = await s.agent.post('/api/activities', {
      typeId: 'call',
      contactId: p.contactId,
      dealId: '018f0000-0000-7000-8000-000000000001',
      title: 'Ghost deal',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('dealId');
    const kinds = (await s.agent.get(`/api/timeline/deal/${deal.id}`))
      .json()
      .items.map((i: { kind: string; eventType: string }) => i.eventType);
    expect(kinds).toEqual(['task.created', 'activity.created', 'deal.created']);
    expect((await s.agent.get(`/api/activities?dealId=${deal.id}`)).json().items).toHaveLength(1);
  });

  it("a stage change shows on the contact's timeline with its reason, and tells the deal owner", async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const pipeline = await firstPipeline(s);
    const deal = (
      await s.agent.post('/api/deals', { pipelineId: pipeline.id, title: 'Siti — Grade 7', contactId: p.contactId })
    ).json();
    const next = pipeline.stages.find((st) => st.kind === 'open' && st.id !== deal.stageId)!;
    const moved = await s.manager.post(`/api/deals/${deal.id}/move`, {
      stageId: next.id,
      version: deal.version,
      reason: 'Visited the campus',
    });
    expect(moved.statusCode).toBe(200);
    const stageEntries = (await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=stage_change`)).json().items;
    expect(stageEntries[0]).toMatchObject({
      eventType: 'deal.moved',
      actor: { id: p.manager },
      payload: { toStage: next.name, reason: 'Visited the campus' },
    });
    const inbox = (await s.agent.get('/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({
      kind: 'stage_change',
      title: `Siti — Grade 7 moved to ${next.name}`,
      body: 'Visited the campus',
      url: `/deals/${deal.id}`,
    });
  });

  it('notes appear once as edited and vanish when deleted; an @mention in a note notifies', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const note = await s.agent.post(`/api/contacts/${p.contactId}/notes`, {
      body: 'Mother asked about fees, @Budi Manager please call',
    });
    expect(note.statusCode).toBe(201);
    expect((await s.manager.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'mention',
      title: 'Citra Agent mentioned you in a note',
    });
    await s.agent.patch(`/api/notes/${note.json().id}`, {
      body: 'Mother asked about fees (updated)',
      version: note.json().version ?? 1,
    });
    let notes = (await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=note`)).json().items;
    expect(notes).toHaveLength(1);
    expect(notes[0].payload.excerpt).toContain('(updated)');
    await s.agent.delete(`/api/notes/${note.json().id}`);
    notes = (await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=note`)).json().items;
    expect(notes).toEqual([]);
  });

  it('activities, tasks and history follow a contact merge, and go back on undo', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const dup = await insertContact(t.ctx, s.workspace.id, { firstName: 'Siti', lastName: 'R.', ownerId: p.agent });
    await s.agent.post('/api/activities', { typeId: 'call', contactId: dup, title: 'Call on the duplicate' });
    await s.agent.post('/api/tasks', { title: 'Task on the duplicate', contactId: dup });
    const merge = await s.admin.post('/api/contacts/merge', { survivorId: p.contactId, mergedIds: [dup] });
    expect(merge.statusCode).toBe(200);
    expect(
      (await s.agent.get(`/api/activities?contactId=${p.contactId}`))
        .json()
        .items.map((a: { title: string }) => a.title),
    ).toEqual(['Call on the duplicate']);
    expect((await s.agent.get(`/api/tasks?view=all&contactId=${p.contactId}`)).json().items).toHaveLength(1);
    const history = (await s.agent.get(`/api/timeline/contact/${p.contactId}`))
      .json()
      .items.map((i: { eventType: string }) => i.eventType);
    expect(history).toEqual(expect.arrayContaining(['activity.created', 'task.created']));
    const undo = await s.admin.post(`/api/contacts/merges/${merge.json().merge.id}/undo`, {});
    expect(undo.statusCode).toBe(200);
    expect((await s.agent.get(`/api/activities?contactId=${dup}`)).json().items).toHaveLength(1);
    expect((await s.agent.get(`/api/activities?contactId=${p.contactId}`)).json().items).toHaveLength(0);
  });

  it('agents log only on contacts they own (unless the workspace lets them see all)', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const managers = await insertContact(t.ctx, s.workspace.id, { ownerId: p.manager });
    const res = await s.agent.post('/api/activities', { typeId: 'call', contactId: managers, title: 'Not my contact' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('contactId');
    expect((await s.agent.post('/api/tasks', { title: 'Not my contact', contactId: managers })).json().field).toBe(
      'contactId',
    );
    expect(
      (await s.manager.post('/api/activities', { typeId: 'call', contactId: managers, title: 'Mine' })).statusCode,
    ).toBe(201);
  });

  it("the demo workspace gets a lived-in history: activities, the agent's tasks and a scheduled visit", async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const contactIds = [p.contactId];
    for (let i = 0; i < 5; i++)
      contactIds.push(
        await insertContact(t.ctx, s.workspace.id, { firstName: `Demo${i}`, ownerId: i % 2 ? p.agent : p.manager }),
      );
    await seedDemoActivities(t.ctx, s.workspace.id, 'school', contactIds, { agent: p.agent, manager: p.manager });
    expect((await s.manager.get('/api/activities?includeTotal=true')).json().total).toBeGreaterThan(10);
    expect((await s.agent.get('/api/tasks?view=mine')).json().items).toHaveLength(3);
    expect((await s.agent.get('/api/tasks?view=overdue')).json().items).toHaveLength(1);
    expect((await s.manager.get('/api/activities?status=scheduled')).json().items).toHaveLength(1);
  });

  it('a bulk reassignment of contacts is one notification that counts them', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(await insertContact(t.ctx, s.workspace.id, { firstName: `Bulk${i}`, ownerId: p.manager }));
    const res = await s.manager.post('/api/contacts/bulk', {
      selection: { ids },
      action: { kind: 'owner', ownerId: p.agent },
    });
    expect(res.statusCode).toBe(200);
    const inbox = (await s.agent.get('/api/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'assignment');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ title: 'Budi Manager assigned 4 contacts to you', url: '/contacts' });
    // one contact reassigned on its own reads by name
    const one = await insertContact(t.ctx, s.workspace.id, {
      firstName: 'Single',
      lastName: 'One',
      ownerId: p.manager,
    });
    await s.manager.post('/api/contacts/bulk', {
      selection: { ids: [one] },
      action: { kind: 'owner', ownerId: p.agent },
    });
    expect((await s.agent.get('/api/notifications')).json().items[0].url).toBe(`/contacts/${one}`);
  });
});
