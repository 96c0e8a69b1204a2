import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  createTestApp,
  describeEachDialect,
  seedWithClients,
  type TestApp,
  type TestClient,
} from '../helpers/test-app.js';
import { manual, people } from './helpers.js';

const titles = async (c: TestClient, qs: string) =>
  (await c.get(`/api/tasks?${qs}`)).json().items.map((x: { title: string }) => x.title);

describeEachDialect('tasks', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    // 09:00 UTC is 16:00 in Jakarta (the school template's zone)
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  it('creates a task assigned to its creator by default, with the views my tasks, today, overdue and all', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const mk = (c: TestClient, body: object) => c.post('/api/tasks', body);
    const first = await mk(s.agent, {
      title: 'Overdue call',
      type: 'follow_up_call',
      priority: 'high',
      dueAt: '2026-01-04T03:00:00Z',
      contactId: p.contactId,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      assignee: { id: p.agent },
      createdBy: { id: p.agent },
      status: 'pending',
      isOverdue: true,
      contact: { name: 'Siti Rahma' },
    });
    await mk(s.agent, { title: 'Earlier today', dueAt: '2026-01-05T01:00:00Z' }); // 08:00 Jakarta, past
    await mk(s.agent, { title: 'Later today', dueAt: '2026-01-05T15:00:00Z' }); // 22:00 Jakarta
    await mk(s.agent, { title: 'Tomorrow in Jakarta', dueAt: '2026-01-05T18:00:00Z' }); // 01:00 next day
    await mk(s.agent, { title: 'Someday' });
    await mk(s.manager, { title: 'Manager own', dueAt: '2026-01-03T00:00:00Z' });
    await mk(s.manager, { title: 'For the agent', assigneeId: p.agent, dueAt: '2026-01-10T00:00:00Z' });

    expect(await titles(s.agent, 'view=mine')).toEqual([
      'Overdue call',
      'Earlier today',
      'Later today',
      'Tomorrow in Jakarta',
      'For the agent',
      'Someday',
    ]);
    expect(await titles(s.agent, 'view=today')).toEqual(['Earlier today', 'Later today']);
    expect(await titles(s.agent, 'view=overdue')).toEqual(['Overdue call', 'Earlier today']);
    expect(await titles(s.manager, 'view=overdue')).toEqual(['Manager own']);
    expect(await titles(s.manager, `view=overdue&assigneeId=${p.agent}`)).toEqual(['Overdue call', 'Earlier today']);
    expect(await titles(s.manager, 'view=all&priority=high')).toEqual(['Overdue call']);
    expect((await s.manager.get('/api/tasks?view=all&includeTotal=true')).json().total).toBe(7);
    // agents see their own tasks only (assigned to or created by them)
    expect((await s.agent.get('/api/tasks?view=all&includeTotal=true')).json().total).toBe(6);
    expect(await titles(s.agent, `view=mine&assigneeId=${p.manager}`)).toEqual([]);

    // paging keeps the order, undated last
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ title: string }>; nextCursor: string | null } = (
        await s.agent.get(`/api/tasks?view=mine&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Overdue call',
      'Earlier today',
      'Later today',
      'Tomorrow in Jakarta',
      'For the agent',
      'Someday',
    ]);
  });

  it('completes, reopens and reassigns, notifying the new assignee', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const task = (
      await s.agent.post('/api/tasks', {
        title: 'Collect documents',
        type: 'document_collection',
        dueAt: '2026-01-07T00:00:00Z',
      })
    ).json();
    const done = await s.agent.post(`/api/tasks/${task.id}/complete`, { version: 1 });
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: t.clock.now().toISOString(), version: 2 });
    expect(await titles(s.agent, 'view=mine')).toEqual([]);
    expect(await titles(s.agent, 'view=mine&status=completed')).toEqual(['Collect documents']);
    expect((await s.agent.post(`/api/tasks/${task.id}/reopen`, { version: 1 })).statusCode).toBe(409);
    expect((await s.agent.post(`/api/tasks/${task.id}/reopen`, {})).json()).toMatchObject({
      status: 'pending',
      completedAt: null,
    });
    const moved = await s.agent.patch(`/api/tasks/${task.id}`, { assigneeId: p.manager, version: 3 });
    expect(moved.json().assignee.id).toBe(p.manager);
    const inbox = (await s.manager.get('/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({
      kind: 'assignment',
      title: 'Citra Agent assigned you a task: Collect documents',
      url: `/activities/tasks?task=${task.id}`,
    });
    // the agent created it, so still sees it; a viewer can read but not change
    expect((await s.viewer.post(`/api/tasks/${task.id}/complete`, {})).statusCode).toBe(403);
  });

  it('acts on many tasks at once with a result per task', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const mine = [];
    for (const title of ['A', 'B', 'C']) mine.push((await s.agent.post('/api/tasks', { title })).json().id);
    const managers = (await s.manager.post('/api/tasks', { title: "Not the agent's" })).json().id;
    const res = await s.agent.post('/api/tasks/bulk', { ids: [...mine, managers], action: 'complete' });
    expect(res.json().results).toEqual([
      ...mine.map((id) => ({ id, ok: true })),
      { id: managers, ok: false, code: 'NOT_FOUND', message: 'Task not found' },
    ]);
    const reassigned = await s.manager.post('/api/tasks/bulk', {
      ids: mine,
      action: 'reassign',
      assigneeId: p.manager,
    });
    expect(reassigned.json().results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(
      (await s.manager.post('/api/tasks/bulk', { ids: mine.slice(0, 1), action: 'delete' })).json().results[0].ok,
    ).toBe(true);
    expect((await s.manager.get(`/api/tasks/${mine[0]}`)).statusCode).toBe(404);
  });

  it('summarises open, overdue and due-today tasks per assignee', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.manager.post('/api/tasks', { title: '1', assigneeId: p.agent, dueAt: '2026-01-01T00:00:00Z' });
    await s.manager.post('/api/tasks', { title: '2', assigneeId: p.agent, dueAt: '2026-01-05T12:00:00Z' });
    await s.manager.post('/api/tasks', { title: '3', assigneeId: p.agent });
    await s.manager.post('/api/tasks', { title: '4' });
    const summary = (await s.manager.get('/api/tasks/summary')).json().items;
    expect(summary).toEqual([
      { assignee: { id: p.manager, name: 'Budi Manager' }, open: 1, overdue: 0, dueToday: 0 },
      { assignee: { id: p.agent, name: 'Citra Agent' }, open: 3, overdue: 1, dueToday: 1 },
    ]);
    manual(t).advance(24 * 3600);
    const later = (await s.manager.get('/api/tasks/summary')).json().items;
    expect(later[1]).toMatchObject({ overdue: 2, dueToday: 0 });
  });
});
