import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import { insertContact } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { countRows, people } from './helpers.js';

describeEachDialect('activities and tasks refuse bad input, writing nothing', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  async function expectRefused(
    res: { statusCode: number; json(): { code: string; field?: string; errors?: Array<{ field: string }> } },
    field: string,
    before: number[],
  ) {
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json();
    expect([body.field, ...(body.errors ?? []).map((e) => e.field)]).toContain(field);
    expect([
      await countRows(t, 'activities'),
      await countRows(t, 'tasks'),
      await countRows(t, 'events'),
      await countRows(t, 'timeline_entries'),
    ]).toEqual(before);
  }

  it('names the field for each kind of bad activity', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const other = await seedDemoWorkspace(t.ctx, 'sales', 'Other org');
    const foreignContact = await insertContact(t.ctx, other.workspace.id, { firstName: 'Foreign' });
    const before = [
      await countRows(t, 'activities'),
      await countRows(t, 'tasks'),
      await countRows(t, 'events'),
      await countRows(t, 'timeline_entries'),
    ];
    const base = { typeId: 'call', contactId: p.contactId, title: 'Call' };
    const post = (body: object) => s.agent.post('/api/activities', { ...base, ...body });

    await expectRefused(await post({ typeId: 'carrier_pigeon' }), 'typeId', before);
    await expectRefused(await post({ contactId: foreignContact }), 'contactId', before);
    await expectRefused(await post({ contactId: 'not-an-id' }), 'contactId', before);
    await expectRefused(await post({ occurredAt: '2026-01-06T09:00:00Z' }), 'occurredAt', before);
    await expectRefused(
      await post({
        occurredAt: '2026-01-05T08:00:00Z',
        nextAction: 'Call again',
        nextActionAt: '2026-01-05T07:00:00Z',
      }),
      'nextActionAt',
      before,
    );
    await expectRefused(await post({ title: 'x'.repeat(256) }), 'title', before);
    await expectRefused(await post({ title: '   ' }), 'title', before);
    await expectRefused(await post({ outcome: 'maybe' }), 'outcome', before);
    await expectRefused(await post({ outcome: 'custom' }), 'outcomeNote', before);
    await expectRefused(await post({ colour: 'red' }), 'colour', before);
    // a scheduled activity may be in the future
    expect((await post({ status: 'scheduled', occurredAt: '2026-01-06T09:00:00Z' })).statusCode).toBe(201);
  });

  it('refuses a bad edit without changing the activity', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const a = (await s.agent.post('/api/activities', { typeId: 'call', contactId: p.contactId, title: 'Call' })).json();
    const before = [
      await countRows(t, 'activities'),
      await countRows(t, 'tasks'),
      await countRows(t, 'events'),
      await countRows(t, 'timeline_entries'),
    ];
    await expectRefused(
      await s.agent.patch(`/api/activities/${a.id}`, { occurredAt: '2027-01-01T00:00:00Z', version: 1 }),
      'occurredAt',
      before,
    );
    await expectRefused(
      await s.agent.patch(`/api/activities/${a.id}`, { typeId: 'nope', version: 1 }),
      'typeId',
      before,
    );
    expect((await s.agent.get(`/api/activities/${a.id}`)).json()).toMatchObject({
      version: 1,
      occurredAt: a.occurredAt,
    });
  });

  it('names the field for each kind of bad task', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    const other = await seedDemoWorkspace(t.ctx, 'blank', 'Elsewhere');
    const foreignContact = await insertContact(t.ctx, other.workspace.id, { firstName: 'Foreign' });
    const before = [
      await countRows(t, 'activities'),
      await countRows(t, 'tasks'),
      await countRows(t, 'events'),
      await countRows(t, 'timeline_entries'),
    ];
    const post = (body: object) => s.agent.post('/api/tasks', { title: 'Follow up', ...body });
    await expectRefused(
      await post({ dueAt: '2026-01-06T09:00:00Z', reminderAt: '2026-01-06T10:00:00Z' }),
      'reminderAt',
      before,
    );
    await expectRefused(await post({ contactId: foreignContact }), 'contactId', before);
    await expectRefused(await post({ assigneeId: '018f0000-0000-7000-8000-000000000000' }), 'assigneeId', before);
    await expectRefused(await post({ title: 'y'.repeat(256) }), 'title', before);
    await expectRefused(await post({ priority: 'whenever' }), 'priority', before);
    await expectRefused(await post({ dueAt: 'tomorrow' }), 'dueAt', before);
    await expectRefused(
      await s.agent.post('/api/tasks/bulk', { ids: [p.contactId], action: 'reassign' }),
      'assigneeId',
      before,
    );
  });
});
