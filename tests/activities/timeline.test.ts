import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendEvent, type EventInput, type EventType } from '../../src/server/modules/events/events.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { insertContact } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { manual, people } from './helpers.js';

describeEachDialect('the timeline', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  /** An event as another module (notes, pipelines, contacts) writes it. */
  async function otherModuleEvent<T extends EventType>(workspaceId: string, input: EventInput<T>) {
    await withTransaction(t.ctx.db, (trx) =>
      appendEvent(t.ctx, trx, systemActor(workspaceId), input, t.clock.now().toISOString()),
    );
  }

  it('merges activities, tasks, notes, stage changes and edits of a contact, newest first, filterable by kind', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const c = p.contactId;
    await s.agent.post('/api/activities', {
      typeId: 'call',
      contactId: c,
      title: 'Intro call',
      occurredAt: '2026-01-05T08:00:00Z',
    });
    manual(t).advance(60);
    await otherModuleEvent(s.workspace.id, {
      type: 'contact.note_added',
      entityType: 'contact',
      entityId: c,
      payload: { noteId: '018f0000-0000-7000-8000-00000000000a', excerpt: 'Prefers WhatsApp', isPinned: false },
    });
    manual(t).advance(60);
    // a deal's timeline answers only for a deal that exists (as its page does)
    const pipelineId = (await s.manager.get('/api/pipelines')).json().items[0].id;
    const dealId = (await s.manager.post('/api/deals', { pipelineId, title: 'Enrollment' })).json().id;
    await otherModuleEvent(s.workspace.id, {
      type: 'deal.moved',
      entityType: 'deal',
      entityId: dealId,
      payload: {
        pipelineId: '018f0000-0000-7000-8000-00000000000e',
        fromStageId: '018f0000-0000-7000-8000-0000000000e1',
        toStageId: '018f0000-0000-7000-8000-0000000000e2',
        fromStage: 'Lead',
        toStage: 'Qualified',
        contactId: c,
        ownerId: null,
        title: 'Grade 7',
        reason: 'Visited campus',
        version: 2,
      },
    });
    manual(t).advance(60);
    await s.agent.post('/api/tasks', { title: 'Send brochure', contactId: c, dueAt: '2026-01-08T02:00:00Z' });
    manual(t).advance(60);
    await otherModuleEvent(s.workspace.id, {
      type: 'contact.updated',
      entityType: 'contact',
      entityId: c,
      payload: { changes: ['primaryPhone'] },
    });
    // another contact's history stays out
    const other = await insertContact(t.ctx, s.workspace.id, { ownerId: p.agent });
    await s.agent.post('/api/activities', { typeId: 'call', contactId: other, title: 'Someone else' });

    const res = await s.agent.get(`/api/timeline/contact/${c}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { kind: string; eventType: string }) => `${i.kind}:${i.eventType}`)).toEqual([
      'edit:contact.updated',
      'task:task.created',
      'stage_change:deal.moved',
      'note:contact.note_added',
      'activity:activity.created',
    ]);
    expect(items[2].payload).toMatchObject({ toStage: 'Qualified', reason: 'Visited campus' });
    expect(items[4]).toMatchObject({
      actor: { id: p.agent },
      payload: { activity: { title: 'Intro call', type: { key: 'call' } } },
    });
    const kinds = await s.agent.get(`/api/timeline/contact/${c}?kinds=activity,note`);
    expect(kinds.json().items.map((i: { kind: string }) => i.kind)).toEqual(['note', 'activity']);
    expect((await s.agent.get(`/api/timeline/contact/${c}?kinds=gossip`)).statusCode).toBe(400);

    // the deal's own stream has the stage change
    const deal = await s.manager.get(`/api/timeline/deal/${dealId}?kinds=stage_change`);
    expect(deal.json().items.map((i: { kind: string }) => i.kind)).toEqual(['stage_change']);
    expect((await s.manager.get('/api/timeline/deal/018f0000-0000-7000-8000-00000000000d')).statusCode).toBe(404);
  });

  it('pages with a cursor and sorts activities by their own date', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    for (let i = 0; i < 7; i++) {
      await s.agent.post('/api/activities', {
        typeId: 'whatsapp',
        contactId: p.contactId,
        title: `Message ${i}`,
        occurredAt: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3600_000).toISOString(),
      });
    }
    // logged late, but it happened first
    await s.agent.post('/api/activities', {
      typeId: 'call',
      contactId: p.contactId,
      title: 'Oldest call',
      occurredAt: '2025-12-31T00:00:00Z',
    });
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ payload: { activity: { title: string } } }>; nextCursor: string | null } = (
        await s.agent.get(`/api/timeline/contact/${p.contactId}?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      titles.push(...page.items.map((i) => i.payload.activity.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual([
      'Message 6',
      'Message 5',
      'Message 4',
      'Message 3',
      'Message 2',
      'Message 1',
      'Message 0',
      'Oldest call',
    ]);
  });

  it('shows an edited activity once, as it is now, and forgets a deleted one', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const a = (
      await s.agent.post('/api/activities', {
        typeId: 'call',
        contactId: p.contactId,
        title: 'Draft title',
        status: 'scheduled',
        occurredAt: '2026-01-06T02:00:00Z',
      })
    ).json();
    await s.agent.patch(`/api/activities/${a.id}`, { title: 'Final title', version: 1 });
    let items = (await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=activity`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      eventType: 'activity.updated',
      payload: { activity: { title: 'Final title', status: 'scheduled' } },
    });
    await s.agent.post(`/api/activities/${a.id}/complete`, {});
    items = (await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=activity`)).json().items;
    expect(
      items.map(
        (i: { eventType: string; payload: { activity: { status: string } } }) =>
          `${i.eventType}:${i.payload.activity.status}`,
      ),
    ).toEqual(['activity.completed:done']);
    await s.agent.delete(`/api/activities/${a.id}`);
    expect((await s.agent.get(`/api/timeline/contact/${p.contactId}?kinds=activity`)).json().items).toEqual([]);
  });

  it('keeps confidential entries to their author and managers, and contacts to those who may see them', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.agent.post('/api/activities', {
      typeId: 'note',
      contactId: p.contactId,
      title: 'Sensitive',
      isConfidential: true,
    });
    const seen = async (c: typeof s.agent) => (await c.get(`/api/timeline/contact/${p.contactId}`)).json().items.length;
    expect(await seen(s.agent)).toBe(1);
    expect(await seen(s.manager)).toBe(1);
    expect(await seen(s.viewer)).toBe(0);
    const managers = await insertContact(t.ctx, s.workspace.id, { ownerId: p.manager });
    expect((await s.agent.get(`/api/timeline/contact/${managers}`)).statusCode).toBe(404);
    expect((await s.manager.get(`/api/timeline/contact/${managers}`)).statusCode).toBe(200);
  });
});
