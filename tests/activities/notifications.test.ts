import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendEvent } from '../../src/server/modules/events/events.service.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import {
  createTestApp,
  describeEachDialect,
  seedWithClients,
  type TestApp,
  type TestClient,
} from '../helpers/test-app.js';
import { manual, people, runDueJobs } from './helpers.js';

/** Reads a live SSE stream of a signed-in client until `until` matches what arrived. */
async function openStream(port: number, client: TestClient) {
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/realtime`, {
    headers: { cookie: client.cookie },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  let text = '';
  return {
    async waitFor(pattern: RegExp): Promise<string> {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += new TextDecoder().decode(value);
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

describeEachDialect('notifications', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  it("arrive live on the recipient's stream only", async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const agentStream = await openStream(port, s.agent);
    const viewerStream = await openStream(port, s.viewer);
    await agentStream.waitFor(/connected/);
    await viewerStream.waitFor(/connected/);
    await s.manager.post('/api/tasks', { title: 'Live one', assigneeId: p.agent });
    const agentSaw = await agentStream.waitFor(/event: notification\.created/);
    expect(agentSaw).toContain('assigned you a task: Live one');
    // both then see a workspace event; only the agent saw the notification before it
    await s.manager.post('/api/activities', { typeId: 'note', contactId: p.contactId, title: 'Everyone sees this' });
    const viewerSaw = await viewerStream.waitFor(/event: activity\.created/);
    expect(viewerSaw).not.toContain('notification.created');
    expect(viewerSaw).toContain('event: task.created');
    agentStream.close();
    viewerStream.close();
  });

  it('counts unread, marks one or all read', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    for (const title of ['One', 'Two', 'Three']) await s.manager.post('/api/tasks', { title, assigneeId: p.agent });
    expect((await s.agent.get('/api/notifications/unread-count')).json()).toEqual({ count: 3 });
    const items = (await s.agent.get('/api/notifications')).json().items;
    expect(items.map((n: { title: string }) => n.title.split(': ')[1])).toEqual(['Three', 'Two', 'One']);
    expect((await s.agent.post(`/api/notifications/${items[0].id}/read`, {})).json()).toEqual({ count: 2 });
    expect((await s.agent.get('/api/notifications?unread=true')).json().items).toHaveLength(2);
    // someone else's notification is not yours to read
    expect((await s.manager.post(`/api/notifications/${items[1].id}/read`, {})).statusCode).toBe(404);
    expect((await s.agent.post('/api/notifications/read-all', {})).json()).toEqual({ count: 0 });
    expect(
      (await s.agent.get('/api/notifications')).json().items.every((n: { readAt: string | null }) => n.readAt),
    ).toBe(true);
  });

  it('emails the kinds a user chose, and not the others', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    expect((await s.agent.get('/api/notifications/settings')).json()).toEqual({
      emailKinds: ['assignment', 'reminder', 'mention'],
      dailyDigest: false,
      digestHour: 7,
    });
    await s.manager.post('/api/tasks', { title: 'Emailed', assigneeId: p.agent });
    await runDueJobs(t);
    expect(t.mailer.last('agent@demo.test')?.subject).toBe('Budi Manager assigned you a task: Emailed');
    expect((await s.agent.put('/api/notifications/settings', { emailKinds: ['reminder'] })).json().emailKinds).toEqual([
      'reminder',
    ]);
    expect((await s.agent.put('/api/notifications/settings', { emailKinds: ['pigeon'] })).statusCode).toBe(400);
    await s.manager.post('/api/tasks', { title: 'Not emailed', assigneeId: p.agent });
    await runDueJobs(t);
    expect(t.mailer.outbox.map((m) => m.subject)).not.toContain('Budi Manager assigned you a task: Not emailed');
    expect((await s.agent.get('/api/notifications')).json().items[0].title).toBe(
      'Budi Manager assigned you a task: Not emailed',
    );
  });

  it('tells people they were @mentioned in an activity or a note', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.agent.post('/api/activities', {
      typeId: 'note',
      contactId: p.contactId,
      title: 'Fees question',
      description: `@[Budi Manager](user:${p.manager}) can you call back? cc @admin@demo.test`,
    });
    expect((await s.manager.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'mention',
      title: 'Citra Agent mentioned you: Fees question',
      body: '@Budi Manager can you call back? cc @admin@demo.test',
    });
    expect((await s.admin.get('/api/notifications')).json().items[0].kind).toBe('mention');
    // a note written by the contacts module, read from its event
    await withTransaction(t.ctx.db, async (trx) => {
      const actor = {
        kind: 'user' as const,
        id: p.manager,
        name: 'Budi Manager',
        workspaceId: s.workspace.id,
        role: 'manager' as const,
        agentsSeeAll: false,
      };
      await appendEvent(
        t.ctx,
        trx,
        actor,
        {
          type: 'contact.note_added',
          entityType: 'contact',
          entityId: p.contactId,
          payload: {
            noteId: '018f0000-0000-7000-8000-0000000000aa',
            excerpt: `Thanks @[Citra](user:${p.agent})`,
            isPinned: false,
          },
        },
        t.clock.now().toISOString(),
      );
    });
    expect((await s.agent.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'mention',
      title: 'Budi Manager mentioned you in a note',
      url: `/contacts/${p.contactId}`,
    });
  });

  it('tells a deal owner when someone else moves their deal', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await withTransaction(t.ctx.db, async (trx) => {
      const actor = {
        kind: 'user' as const,
        id: p.manager,
        name: 'Budi Manager',
        workspaceId: s.workspace.id,
        role: 'manager' as const,
        agentsSeeAll: false,
      };
      await appendEvent(
        t.ctx,
        trx,
        actor,
        {
          type: 'deal.moved',
          entityType: 'deal',
          entityId: '018f0000-0000-7000-8000-0000000000dd',
          payload: {
            pipelineId: '018f0000-0000-7000-8000-0000000000de',
            fromStageId: '018f0000-0000-7000-8000-0000000000d1',
            toStageId: '018f0000-0000-7000-8000-0000000000d2',
            fromStage: 'Interview',
            toStage: 'Accepted',
            contactId: null,
            ownerId: p.agent,
            title: 'Siti — Grade 7',
            reason: 'Passed the assessment',
            version: 3,
          },
        },
        t.clock.now().toISOString(),
      );
    });
    expect((await s.agent.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'stage_change',
      title: 'Siti — Grade 7 moved to Accepted',
      body: 'Passed the assessment',
    });
  });

  it('sends a daily digest at the chosen local hour, once a day', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.agent.put('/api/notifications/settings', { dailyDigest: true, digestHour: 7 });
    await s.agent.post('/api/tasks', { title: 'Overdue thing', dueAt: '2026-01-04T00:00:00Z' });
    await s.manager.post('/api/tasks', { title: 'Assigned thing', assigneeId: p.agent, dueAt: '2026-01-06T03:00:00Z' });
    const scan = t.ctx.jobs.definitions.get('notifications.digest')!;
    const run = (payload: unknown) => ({
      id: 'x',
      workspaceId: null,
      payload,
      attempt: 1,
      progress: async () => undefined,
      signal: new AbortController().signal,
    });
    manual(t).set('2026-01-05T23:30:00Z'); // 06:30 in Jakarta: not yet
    expect(await scan.handler(t.ctx, run({}))).toEqual({ queued: 0 });
    manual(t).set('2026-01-06T00:05:00Z'); // 07:05 in Jakarta
    expect(await scan.handler(t.ctx, run({}))).toEqual({ queued: 1 });
    expect(await scan.handler(t.ctx, run({}))).toEqual({ queued: 0 });
    await runDueJobs(t);
    const digest = t.mailer.outbox.find((m) => m.subject.startsWith('Daily digest'));
    expect(digest?.to).toBe('agent@demo.test');
    expect(digest?.text).toContain('- Overdue thing (overdue)');
    expect(digest?.text).toContain('- Assigned thing');
    expect(digest?.text).toMatch(/Unread notifications \(\d\)/);
    expect(digest?.text).toContain('- Budi Manager assigned you a task: Assigned thing');
    manual(t).set('2026-01-06T05:00:00Z');
    expect(await scan.handler(t.ctx, run({}))).toEqual({ queued: 0 });
  });
});
