import { afterEach, expect, it } from 'vitest';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';

describeEachDialect('API keys act for the member who owns them', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function keyClient(creator: TestClient, role: string, name = `${role} key`) {
    const res = await creator.post('/api/api-keys', { name, role });
    expect(res.statusCode).toBe(201);
    const c = new TestClient(t.app);
    c.bearer = res.json().key;
    return { client: c, id: res.json().id as string, created: res.json() };
  }
  async function contactOwnedBy(by: TestClient, ownerId: string, firstName: string) {
    const res = await by.post('/api/contacts', { firstName, ownerId });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  it("limits an agent-role key to its owner's records", async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const adminId = await userIdByEmail(t.ctx, 'admin@demo.test');
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    const mine = await contactOwnedBy(admin, adminId, 'Owned-by-admin');
    const theirs = await contactOwnedBy(admin, agentId, 'Owned-by-agent');
    const { client: key, created } = await keyClient(admin, 'agent');
    expect(created.owner).toMatchObject({ id: adminId, isActive: true });

    expect((await key.get(`/api/contacts/${mine}`)).statusCode).toBe(200);
    expect((await key.get(`/api/contacts/${theirs}`)).statusCode).toBe(404);
    const listed = (await key.get('/api/contacts?limit=200')).json().items as Array<{ id: string; ownerId: string }>;
    expect(listed.map((c) => c.id)).toContain(mine);
    expect(listed.every((c) => c.ownerId === adminId)).toBe(true);
    // an admin-role key of the same owner sees everyone's
    const { client: full } = await keyClient(admin, 'admin');
    expect((await full.get(`/api/contacts/${theirs}`)).statusCode).toBe(200);
  }, 90_000);

  it('stops when its owner is deactivated, and never does more than their current role allows', async () => {
    t = await createTestApp(dialect);
    const { admin, manager } = await seedWithClients(t);
    const adminId = await userIdByEmail(t.ctx, 'admin@demo.test');
    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    const { client: key, id } = await keyClient(admin, 'admin', 'Nightly sync');
    expect((await key.patch('/api/workspace', { name: 'Renamed by key' })).statusCode).toBe(200);
    // a second admin, so the first may be changed
    expect((await admin.patch(`/api/users/${managerId}`, { role: 'admin' })).statusCode).toBe(200);

    expect((await manager.patch(`/api/users/${adminId}`, { isActive: false })).statusCode).toBe(200);
    const stopped = await key.get('/api/workspace');
    expect(stopped.statusCode).toBe(401);
    expect(stopped.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stopped.json().detail).toMatch(/no longer active/);
    const listed = (await manager.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === id);
    expect(listed.owner).toMatchObject({ id: adminId, isActive: false });

    // back, but as a viewer: the admin-role key may only read
    expect((await manager.patch(`/api/users/${adminId}`, { isActive: true, role: 'viewer' })).statusCode).toBe(200);
    expect((await key.get('/api/workspace')).statusCode).toBe(200);
    const denied = await key.patch('/api/workspace', { name: 'Nope' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toMatch(/owns this API key/);
    expect((await key.get('/api/api-keys')).statusCode).toBe(403);

    // as an agent: only their own records
    expect((await manager.patch(`/api/users/${adminId}`, { role: 'agent' })).statusCode).toBe(200);
    const theirs = await contactOwnedBy(manager, agentId, 'Agent-owned');
    expect((await key.get(`/api/contacts/${theirs}`)).statusCode).toBe(404);
  });

  it('answers 403 with a problem on routes for a signed-in person, and creates no workspace', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const { client: key } = await keyClient(admin, 'admin');
    const { client: viewerKey } = await keyClient(admin, 'viewer');
    const before = (await t.ctx.db.selectFrom('workspaces').select('id').execute()).length;
    const calls: Array<[TestClient, 'GET' | 'POST' | 'PUT' | 'PATCH', string, unknown?]> = [
      [key, 'PUT', '/api/notifications/settings', { emailKinds: [] }],
      [key, 'GET', '/api/notifications/settings'],
      [key, 'GET', '/api/notifications'],
      [key, 'GET', '/api/notifications/unread-count'],
      [key, 'POST', '/api/notifications/read-all', {}],
      [key, 'POST', '/api/calendar/feed', {}],
      [key, 'GET', '/api/calendar/feed'],
      [key, 'PATCH', '/api/auth/profile', { name: 'Key' }],
      [key, 'POST', '/api/auth/switch-workspace', { workspaceId: '01900000-0000-7000-8000-000000000000' }],
      [key, 'POST', '/api/workspaces', { name: 'Made by a key', template: 'blank' }],
      [viewerKey, 'POST', '/api/workspaces', { name: 'Made by a viewer key', template: 'blank' }],
    ];
    for (const [client, method, url, body] of calls) {
      const res = await client.request(method, url, body);
      expect(`${method} ${url} ${res.statusCode}`).toBe(`${method} ${url} 403`);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'PERSONAL_ROUTE', status: 403 });
    }
    expect((await t.ctx.db.selectFrom('workspaces').select('id').execute()).length).toBe(before);
  });

  it('lets any signed-in person create a workspace, which they administer', async () => {
    t = await createTestApp(dialect);
    const { viewer } = await seedWithClients(t);
    const res = await viewer.post('/api/workspaces', { name: 'Viewer side project', template: 'blank' });
    expect(res.statusCode).toBe(201);
    const members = await t.ctx.db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'is_active'])
      .where('workspace_id', '=', res.json().id)
      .execute();
    expect(members).toEqual([
      { user_id: await userIdByEmail(t.ctx, 'viewer@demo.test'), role: 'admin', is_active: expect.anything() },
    ]);
    expect(Boolean(members[0].is_active)).toBe(true);
  });

  it('refuses a key whose owner was never recorded (made before keys had owners)', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const { client: key, id } = await keyClient(admin, 'admin');
    expect((await key.get('/api/workspace')).statusCode).toBe(200);
    await t.ctx.db.updateTable('api_keys').set({ created_by: null }).where('id', '=', id).execute();
    expect((await key.get('/api/workspace')).statusCode).toBe(401);
    expect((await admin.get('/api/api-keys')).json().items[0].owner).toBeNull();
  });
});
