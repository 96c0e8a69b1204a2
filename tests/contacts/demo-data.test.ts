import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoContacts } from '../../src/server/modules/contacts/contacts-demo.service.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';

describeEachDialect('contacts: demo data', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('fills a school demo workspace with parents, links, notes and a duplicate to merge', async () => {
    const { admin, agent, workspace } = await seedWithClients(t, 'school');
    const ids: Record<string, string> = {};
    for (const role of ['admin', 'manager', 'agent', 'viewer'])
      ids[role] = await userIdByEmail(t.ctx, `${role}@demo.test`);
    const seeded = await seedDemoContacts(t.ctx, workspace.id, 'school', ids);
    expect(seeded.contactIds.length).toBeGreaterThanOrEqual(10);
    const page = (await admin.post('/api/contacts/query', { includeTotal: true, limit: 100 })).json();
    expect(page.total).toBe(seeded.contactIds.length);
    expect(new Set(page.items.map((c: { typeKey: string }) => c.typeKey))).toEqual(
      new Set(['student_parent', 'prospect_parent', 'alumni_parent', 'external']),
    );
    expect(page.items.every((c: { primaryPhone: string }) => c.primaryPhone.startsWith('+62'))).toBe(true);
    expect((await agent.get('/api/contacts')).json().items.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/contacts/${seeded.contactIds[0]}/links`)).json().items.length).toBeGreaterThanOrEqual(
      2,
    );
    expect((await admin.get('/api/contacts/duplicates')).json().items.length).toBeGreaterThanOrEqual(1);
  });
});
