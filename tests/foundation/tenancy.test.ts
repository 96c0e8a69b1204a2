import { afterEach, expect, it } from 'vitest';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import { otherWorkspace } from './support.js';

describeEachDialect('tenancy: one workspace never sees or changes another', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('keeps users, invitations, audit, API keys and settings apart', async () => {
    t = await createTestApp(dialect);
    const { admin: schoolAdmin, workspace: school } = await seedWithClients(t);
    const { client: rina, workspace: clinic } = await otherWorkspace(t);
    const schoolAgent = await userIdByEmail(t.ctx, 'agent@demo.test');

    const schoolKey = (await schoolAdmin.post('/api/api-keys', { name: 'School sync', role: 'admin' })).json();
    await schoolAdmin.post('/api/users/invitations', { email: 'new.teacher@pesantren.test', role: 'agent' });
    await schoolAdmin.patch('/api/workspace', { name: 'Pesantren Secret Name' });

    // Reads: nothing of the school shows up for the clinic's admin.
    expect((await rina.get('/api/users')).json().items.map((m: { email: string }) => m.email)).toEqual([
      'rina@other.test',
    ]);
    expect((await rina.get('/api/users/invitations')).json().items).toEqual([]);
    expect((await rina.get('/api/api-keys')).json().items).toEqual([]);
    expect((await rina.get('/api/workspace')).json()).toMatchObject({ id: clinic.id });
    const clinicAudit = (await rina.get('/api/audit?limit=500')).json().items;
    expect(clinicAudit.length).toBeGreaterThan(0);
    expect(JSON.stringify(clinicAudit)).not.toMatch(
      new RegExp(`${school.id}|Pesantren Secret Name|${schoolKey.id}|new.teacher`),
    );
    expect((await rina.get(`/api/audit?entityId=${school.id}`)).json().items).toEqual([]);
    expect(
      (await rina.get(`/api/audit?actorId=${await userIdByEmail(t.ctx, 'admin@demo.test')}`)).json().items,
    ).toEqual([]);

    // Writes aimed at the school's records find nothing to change.
    const demote = await rina.patch(`/api/users/${schoolAgent}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(404);
    const revoke = await rina.delete(`/api/api-keys/${schoolKey.id}`);
    expect(revoke.statusCode).toBe(404);
    expect((await rina.post('/api/auth/switch-workspace', { workspaceId: school.id })).json().code).toBe(
      'NOT_A_MEMBER',
    );
    await rina.patch('/api/workspace', { name: 'Klinik Renamed', settings: { agentsSeeAll: true } });

    const schoolNow = (await schoolAdmin.get('/api/workspace')).json();
    expect(schoolNow).toMatchObject({ name: 'Pesantren Secret Name', settings: { agentsSeeAll: false } });
    expect(
      (await schoolAdmin.get('/api/users')).json().items.find((m: { id: string }) => m.id === schoolAgent).role,
    ).toBe('agent');
    const integration = new TestClient(t.app);
    integration.bearer = schoolKey.key;
    const viaKey = await integration.get('/api/workspace');
    expect(viaKey.json().id).toBe(school.id);
    expect((await integration.get('/api/users')).json().items).toHaveLength(4);
    expect(JSON.stringify((await schoolAdmin.get('/api/audit?limit=500')).json().items)).not.toMatch(
      new RegExp(`${clinic.id}|Klinik Renamed|rina@`),
    );
  });
});
