import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { insertContact } from '../helpers/fixtures.js';
import { people, typeIdByKey } from './helpers.js';

describeEachDialect('activities', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  it('logs a call with outcome and next action, and lists it with filters', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const call = await typeIdByKey(s.agent, 'call');
    const res = await s.agent.post('/api/activities', {
      typeId: call,
      contactId: p.contactId,
      title: 'Asked about the 2027 intake',
      occurredAt: '2026-01-05T08:00:00+07:00',
      durationMinutes: 12,
      outcome: 'follow_up_required',
      nextAction: 'Send the brochure',
      nextActionAt: '2026-01-07T09:00:00Z',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      title: 'Asked about the 2027 intake',
      status: 'done',
      occurredAt: '2026-01-05T01:00:00.000Z',
      type: { key: 'call', icon: '📞' },
      contact: { id: p.contactId, name: 'Siti Rahma' },
      createdBy: { id: p.agent },
    });
    expect(a.ip).toBeNull(); // only managers see the IP
    expect((await s.manager.get(`/api/activities/${a.id}`)).json().ip).toBeTruthy();

    // by key too, and a second contact
    const other = await insertContact(t.ctx, s.workspace.id, { firstName: 'Budi', ownerId: p.agent });
    expect(
      (
        await s.agent.post('/api/activities', {
          typeId: 'whatsapp',
          contactId: other,
          title: 'Sent fees',
          outcome: 'successful',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await s.manager.post('/api/activities', {
          typeId: 'meeting',
          contactId: other,
          title: 'Campus tour',
          status: 'scheduled',
          occurredAt: '2026-01-09T03:00:00Z',
        })
      ).statusCode,
    ).toBe(201);

    const list = async (qs: string) =>
      (await s.manager.get(`/api/activities?${qs}`)).json().items.map((x: { title: string }) => x.title);
    expect(await list('')).toEqual(['Campus tour', 'Sent fees', 'Asked about the 2027 intake']);
    expect(await list(`contactId=${p.contactId}`)).toEqual(['Asked about the 2027 intake']);
    expect(await list('typeId=whatsapp,meeting')).toEqual(['Campus tour', 'Sent fees']);
    expect(await list(`userId=${p.manager}`)).toEqual(['Campus tour']);
    expect(await list('outcome=successful')).toEqual(['Sent fees']);
    expect(await list('status=scheduled')).toEqual(['Campus tour']);
    expect(await list('from=2026-01-05T00:00:00Z&to=2026-01-05T05:00:00Z')).toEqual(['Asked about the 2027 intake']);
    const page1 = (await s.manager.get('/api/activities?limit=2&includeTotal=true')).json();
    expect(page1.total).toBe(3);
    const page2 = (await s.manager.get(`/api/activities?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((x: { title: string }) => x.title)).toEqual([
      'Campus tour',
      'Sent fees',
      'Asked about the 2027 intake',
    ]);
    expect(page2.nextCursor).toBeNull();
  });

  it('creates a task from a next action when the workspace wants it, not otherwise', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const body = {
      typeId: 'call',
      contactId: p.contactId,
      title: 'First call',
      nextAction: 'Call back',
      nextActionAt: '2026-01-06T02:00:00Z',
    };
    const a = (await s.agent.post('/api/activities', body)).json();
    expect(a.taskId).toBeTruthy();
    const task = (await s.agent.get(`/api/tasks/${a.taskId}`)).json();
    expect(task).toMatchObject({
      title: 'Call back',
      type: 'follow_up_call',
      dueAt: '2026-01-06T02:00:00.000Z',
      assignee: { id: p.agent },
      contact: { id: p.contactId },
      activityId: a.id,
    });

    expect((await s.agent.put('/api/activity-settings', { nextActionCreatesTask: false })).statusCode).toBe(403);
    expect((await s.admin.put('/api/activity-settings', { nextActionCreatesTask: false })).json()).toEqual({
      nextActionCreatesTask: false,
    });
    const b = (await s.agent.post('/api/activities', body)).json();
    expect(b.taskId).toBeNull();
  });

  it('marks a scheduled activity done, and refuses to do it twice', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const a = (
      await s.agent.post('/api/activities', {
        typeId: 'school_visit',
        contactId: p.contactId,
        title: 'Visit',
        status: 'scheduled',
        occurredAt: '2026-01-08T02:00:00Z',
      })
    ).json();
    expect(a.status).toBe('scheduled');
    const done = await s.agent.post(`/api/activities/${a.id}/complete`, { outcome: 'successful' });
    expect(done.statusCode).toBe(200);
    // it was scheduled for later than now, so it is logged at the time it was marked done
    expect(done.json()).toMatchObject({
      status: 'done',
      outcome: 'successful',
      occurredAt: t.clock.now().toISOString(),
    });
    expect((await s.agent.post(`/api/activities/${a.id}/complete`, {})).json().code).toBe('ACTIVITY_NOT_SCHEDULED');
  });

  it('keeps confidential activities to their author and managers', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const secret = (
      await s.agent.post('/api/activities', {
        typeId: 'note',
        contactId: p.contactId,
        title: 'Family situation',
        isConfidential: true,
      })
    ).json();
    expect((await s.agent.get(`/api/activities/${secret.id}`)).statusCode).toBe(200);
    expect((await s.manager.get(`/api/activities/${secret.id}`)).statusCode).toBe(200);
    expect((await s.viewer.get(`/api/activities/${secret.id}`)).statusCode).toBe(404);
    expect((await s.viewer.get('/api/activities')).json().items).toHaveLength(0);
    expect((await s.manager.get('/api/activities')).json().items).toHaveLength(1);
  });

  it('lets only the author or a manager change or delete, with optimistic concurrency', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const a = (
      await s.manager.post('/api/activities', { typeId: 'call', contactId: p.contactId, title: 'Manager call' })
    ).json();
    expect((await s.agent.patch(`/api/activities/${a.id}`, { title: 'Mine now', version: 1 })).json().code).toBe(
      'NOT_YOUR_RECORD',
    );
    const edited = await s.manager.patch(`/api/activities/${a.id}`, { title: 'Manager call (edited)', version: 1 });
    expect(edited.json()).toMatchObject({ title: 'Manager call (edited)', version: 2 });
    const stale = await s.manager.patch(`/api/activities/${a.id}`, { title: 'Lost update', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await s.manager.get(`/api/activities/${a.id}`)).json().title).toBe('Manager call (edited)');
    expect((await s.agent.delete(`/api/activities/${a.id}`)).statusCode).toBe(403);
    expect((await s.viewer.delete(`/api/activities/${a.id}`)).statusCode).toBe(403);
    expect((await s.manager.delete(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect((await s.manager.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
  });

  it('agents see activities they wrote or on contacts they own, unless the workspace lets them see all', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const managers = await insertContact(t.ctx, s.workspace.id, { firstName: 'Dewi', ownerId: p.manager });
    await s.manager.post('/api/activities', { typeId: 'call', contactId: managers, title: 'Not for the agent' });
    await s.manager.post('/api/activities', {
      typeId: 'call',
      contactId: p.contactId,
      title: "On the agent's contact",
    });
    expect((await s.agent.get('/api/activities')).json().items.map((x: { title: string }) => x.title)).toEqual([
      "On the agent's contact",
    ]);
    await s.admin.patch('/api/workspace', { settings: { agentsSeeAll: true } });
    await s.agent.login('agent@demo.test');
    expect((await s.agent.get('/api/activities')).json().items).toHaveLength(2);
  });

  it('bulk-creates activities all or nothing', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const ok = await s.agent.post('/api/activities/bulk', {
      items: [1, 2, 3].map((i) => ({ typeId: 'whatsapp', contactId: p.contactId, title: `Broadcast reply ${i}` })),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().items).toHaveLength(3);
    const bad = await s.agent.post('/api/activities/bulk', {
      items: [
        { typeId: 'call', contactId: p.contactId, title: 'fine' },
        { typeId: 'nope', contactId: p.contactId, title: 'bad type' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('items.1.typeId');
    expect((await s.agent.get('/api/activities?includeTotal=true')).json().total).toBe(3);
  });
});
