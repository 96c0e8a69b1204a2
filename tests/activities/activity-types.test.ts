import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { people } from './helpers.js';

describeEachDialect('activity types', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('each template starts with its own types', async () => {
    const s = await seedWithClients(t, 'school');
    const school = (await s.viewer.get('/api/activity-types')).json().items;
    expect(school.map((x: { name: string; icon: string }) => `${x.icon} ${x.name}`)).toEqual([
      '📞 Phone Call',
      '💬 WhatsApp Message',
      '📧 Email',
      '🏫 School Visit',
      '👥 Meeting',
      '📝 Note',
      '📋 Assessment',
      '🔜 Follow-up',
    ]);
    const names = async (template: 'hospital' | 'sales') => {
      const ws = await seedDemoWorkspace(t.ctx, template, `T ${template}`);
      return (
        await t.ctx.db
          .selectFrom('activity_types')
          .select('name')
          .where('workspace_id', '=', ws.workspace.id)
          .orderBy('position')
          .execute()
      ).map((r) => r.name);
    };
    expect(await names('hospital')).toEqual(['Phone call', 'Email', 'SMS', 'WhatsApp', 'In-person', 'Video call']);
    expect(await names('sales')).toEqual(['Call', 'Email', 'Meeting', 'Demo', 'Note']);
  });

  it('admins add, rename, archive and delete types; others may not', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    expect((await s.manager.post('/api/activity-types', { name: 'Home visit' })).statusCode).toBe(403);
    const created = await s.admin.post('/api/activity-types', {
      name: 'Home visit',
      icon: '🏠',
      color: '#0ea5e9',
      hasDuration: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'home_visit',
      name: 'Home visit',
      hasDuration: true,
      hasOutcome: false,
      position: 8,
    });
    expect((await s.admin.post('/api/activity-types', { name: 'Home visit' })).json().code).toBe(
      'ACTIVITY_TYPE_KEY_TAKEN',
    );
    expect((await s.admin.post('/api/activity-types', { name: 'Bad colour', color: 'blue' })).json().field).toBe(
      'color',
    );
    const id = created.json().id;
    const renamed = await s.admin.patch(`/api/activity-types/${id}`, { name: 'Home visit (parents)', version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Home visit (parents)', version: 2 });
    expect((await s.admin.patch(`/api/activity-types/${id}`, { name: 'stale', version: 1 })).statusCode).toBe(409);

    expect(
      (await s.agent.post('/api/activities', { typeId: id, contactId: p.contactId, title: 'Visited' })).statusCode,
    ).toBe(201);
    expect((await s.admin.delete(`/api/activity-types/${id}`)).json().code).toBe('ACTIVITY_TYPE_IN_USE');
    expect((await s.admin.patch(`/api/activity-types/${id}`, { isArchived: true, version: 2 })).statusCode).toBe(200);
    expect((await s.agent.get('/api/activity-types')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(
      (await s.agent.get('/api/activity-types?includeArchived=true')).json().items.map((x: { id: string }) => x.id),
    ).toContain(id);
    expect(
      (await s.agent.post('/api/activities', { typeId: id, contactId: p.contactId, title: 'Again' })).json().field,
    ).toBe('typeId');
    // old activities keep their archived type
    expect((await s.agent.get('/api/activities')).json().items[0].type.name).toBe('Home visit (parents)');

    const unused = (await s.admin.post('/api/activity-types', { name: 'Fax' })).json();
    expect((await s.admin.delete(`/api/activity-types/${unused.id}`)).statusCode).toBe(200);
  });
});
