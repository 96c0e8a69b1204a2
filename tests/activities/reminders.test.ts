import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { manual, people, runDueJobs } from './helpers.js';

describeEachDialect('reminders and due notices (controllable clock)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true, config: { PUBLIC_URL: 'https://crm.example.test' } });
  });
  afterEach(async () => t.close());

  const reminders = async (t: TestApp, userId: string) =>
    (
      await t.ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('kind', '=', 'reminder')
        .execute()
    ).length;

  it('at the reminder time the assignee gets an in-app notification and an email, once', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const task = (
      await s.manager.post('/api/tasks', {
        title: 'Call about fees',
        assigneeId: p.agent,
        dueAt: '2026-01-05T12:00:00Z',
        reminderAt: '2026-01-05T11:30:00Z',
      })
    ).json();
    await runDueJobs(t);
    expect(await reminders(t, p.agent)).toBe(0);
    manual(t).set('2026-01-05T11:29:59Z');
    await runDueJobs(t);
    expect(await reminders(t, p.agent)).toBe(0);
    manual(t).set('2026-01-05T11:30:00Z');
    expect(await runDueJobs(t)).toEqual(['tasks.remind', 'notifications.email']);
    const inbox = (await s.agent.get('/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({
      kind: 'reminder',
      title: 'Reminder: Call about fees',
      url: `/activities/tasks?task=${task.id}`,
      readAt: null,
    });
    const mail = t.mailer.last('agent@demo.test');
    expect(mail?.subject).toBe('Reminder: Call about fees');
    expect(mail?.text).toContain(`https://crm.example.test/activities/tasks?task=${task.id}`);

    // a job may run twice: the second run sends nothing
    const def = t.ctx.jobs.definitions.get('tasks.remind')!;
    const again = await def.handler(t.ctx, {
      id: 'x',
      workspaceId: s.workspace.id,
      payload: { workspaceId: s.workspace.id, taskId: task.id, at: '2026-01-05T11:30:00.000Z' },
      attempt: 2,
      progress: async () => undefined,
      signal: new AbortController().signal,
    });
    expect(again).toEqual({ sent: false });
    expect(await reminders(t, p.agent)).toBe(1);
    expect(t.mailer.outbox.filter((m) => m.subject.startsWith('Reminder')).length).toBe(1);

    // at the due time, a "task due" notice
    manual(t).set('2026-01-05T12:00:00Z');
    await runDueJobs(t);
    expect((await s.agent.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'task_due',
      title: 'Task due: Call about fees',
    });
  });

  it('a completed task does not remind', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const task = (
      await s.manager.post('/api/tasks', {
        title: 'Done early',
        assigneeId: p.agent,
        dueAt: '2026-01-06T00:00:00Z',
        reminderAt: '2026-01-05T10:00:00Z',
      })
    ).json();
    await s.agent.post(`/api/tasks/${task.id}/complete`, {});
    manual(t).set('2026-01-06T01:00:00Z');
    await runDueJobs(t);
    expect(await reminders(t, p.agent)).toBe(0);
    expect(
      (await s.agent.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind !== 'assignment'),
    ).toEqual([]);
  });

  it('a moved task reminds at its new time only, and a reassigned one reminds its new assignee', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const task = (
      await s.agent.post('/api/tasks', {
        title: 'Visit',
        dueAt: '2026-01-06T00:00:00Z',
        reminderAt: '2026-01-05T10:00:00Z',
      })
    ).json();
    await s.agent.patch(`/api/tasks/${task.id}`, {
      dueAt: '2026-01-08T00:00:00Z',
      reminderAt: '2026-01-07T10:00:00Z',
      version: 1,
    });
    manual(t).set('2026-01-05T10:00:00Z');
    await runDueJobs(t);
    expect(await reminders(t, p.agent)).toBe(0);
    await s.agent.patch(`/api/tasks/${task.id}`, { assigneeId: p.manager, version: 2 });
    manual(t).set('2026-01-07T10:00:00Z');
    await runDueJobs(t);
    expect(await reminders(t, p.agent)).toBe(0);
    expect(await reminders(t, p.manager)).toBe(1);
  });

  it('a reminder set again after it was sent is sent again', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const task = (
      await s.agent.post('/api/tasks', {
        title: 'Snooze me',
        dueAt: '2026-01-06T00:00:00Z',
        reminderAt: '2026-01-05T09:30:00Z',
      })
    ).json();
    manual(t).set('2026-01-05T09:30:00Z');
    await runDueJobs(t);
    await s.agent.patch(`/api/tasks/${task.id}`, { reminderAt: '2026-01-05T10:30:00Z', version: 1 });
    manual(t).set('2026-01-05T10:30:00Z');
    await runDueJobs(t);
    // own tasks remind too (a reminder is not "your own doing")
    expect(await reminders(t, p.agent)).toBe(2);
  });
});
