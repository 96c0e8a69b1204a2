import { afterEach, expect, it } from 'vitest';
import { actorFromSession } from '../../src/server/modules/auth/auth.service.js';
import { ownerScope } from '../../src/server/platform/actor.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import { otherWorkspace, PASSWORD } from './support.js';

function tokenIn(text: string | undefined): string {
  const m = /token=([\w-]+)/.exec(text ?? '');
  if (!m) throw new Error(`no token link in: ${text}`);
  return m[1];
}

function sessionToken(client: TestClient): string {
  return client.cookie.split('=')[1];
}

describeEachDialect('accounts: invitations, password reset, deactivation, roles, workspaces', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('invites by email; the invitee previews, accepts and is signed in with the invited role', async () => {
    t = await createTestApp(dialect, { manualClock: true });
    const { admin, workspace } = await seedWithClients(t);
    const sent = await admin.post('/api/users/invitations', { email: 'Ustadzah.Aisyah@Pesantren.test', role: 'agent' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ email: 'ustadzah.aisyah@pesantren.test', role: 'agent', acceptedAt: null });
    const mail = t.mailer.last('ustadzah.aisyah@pesantren.test');
    expect(mail?.subject).toContain(workspace.name);
    const token = tokenIn(mail?.text);

    const preview = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(preview.json()).toEqual({
      email: 'ustadzah.aisyah@pesantren.test',
      workspaceName: workspace.name,
      role: 'agent',
      userExists: false,
    });

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, name: 'Aisyah', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      role: 'agent',
      workspace: { id: workspace.id },
      user: { email: 'ustadzah.aisyah@pesantren.test', name: 'Aisyah' },
    });
    const invitee = new TestClient(t.app);
    invitee.cookie = String(accepted.headers['set-cookie']).split(';')[0];
    expect((await invitee.get('/api/auth/session')).json().role).toBe('agent');
    expect((await admin.get('/api/users')).json().items.map((m: { email: string }) => m.email)).toContain(
      'ustadzah.aisyah@pesantren.test',
    );

    // Single use, and the invitation list shows it accepted.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, name: 'Aisyah', password: PASSWORD },
    });
    expect(again.json().code).toBe('TOKEN_INVALID');
    expect((await admin.get('/api/users/invitations')).json().items[0].acceptedAt).not.toBeNull();

    // A second invitation expires after a week.
    await admin.post('/api/users/invitations', { email: 'late@pesantren.test', role: 'viewer' });
    (t.clock as ManualClock).advance(8 * 86_400);
    const expired = await t.app.inject({
      method: 'GET',
      url: `/api/auth/invitations/${tokenIn(t.mailer.last('late@pesantren.test')?.text)}`,
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('TOKEN_INVALID');
  });

  it('lets someone with an account join with their own password, and only with it', async () => {
    t = await createTestApp(dialect);
    const { admin, workspace } = await seedWithClients(t);
    const other = await otherWorkspace(t, 'rina@other.test');
    await admin.post('/api/users/invitations', { email: 'rina@other.test', role: 'manager' });
    const token = tokenIn(t.mailer.last('rina@other.test')?.text);
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` })).json().userExists).toBe(true);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, name: 'Rina', password: 'not-her-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'password' });
    expect((await admin.get('/api/users')).json().items).toHaveLength(4);

    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, name: 'Rina', password: PASSWORD },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().workspace.id).toBe(workspace.id);
    expect(
      right
        .json()
        .workspaces.map((w: { id: string }) => w.id)
        .sort(),
    ).toEqual([workspace.id, other.workspace.id].sort());
  });

  it('resets a password by emailed token without revealing which emails exist', async () => {
    t = await createTestApp(dialect, { manualClock: true });
    const { manager } = await seedWithClients(t);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'nobody@demo.test' },
    });
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'manager@demo.test' },
    });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    expect(t.mailer.outbox.map((m) => m.to)).toEqual(['manager@demo.test']);
    const token = tokenIn(t.mailer.last('manager@demo.test')?.text);

    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('password');

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      headers: { 'user-agent': 'ResetAgent/1.0' },
      payload: { token, password: 'a-new-password' },
    });
    expect(done.statusCode).toBe(200);
    expect((await manager.get('/api/auth/session')).statusCode).toBe(401); // signed out everywhere
    const oldPw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'manager@demo.test', password: 'demo1234' },
    });
    expect(oldPw.statusCode).toBe(401);
    await new TestClient(t.app).login('manager@demo.test', 'a-new-password');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'yet-another-one' },
    });
    expect(reused.json().code).toBe('TOKEN_INVALID');

    const admin = new TestClient(t.app);
    await admin.login('admin@demo.test');
    const audit = (await admin.get('/api/audit?action=user.password_reset')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: await userIdByEmail(t.ctx, 'manager@demo.test'),
      userAgent: 'ResetAgent/1.0',
    });
    expect(JSON.stringify(audit)).not.toContain('a-new-password');

    // Links expire after an hour.
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'manager@demo.test' },
    });
    (t.clock as ManualClock).advance(3601);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: tokenIn(t.mailer.last()?.text), password: 'too-late-now' },
    });
    expect(late.json().code).toBe('TOKEN_INVALID');
  });

  it('deactivating a member ends their session and refuses their sign-in', async () => {
    t = await createTestApp(dialect);
    const { admin, agent } = await seedWithClients(t);
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    // a request just before: the session is resolved (and remembered) while still valid
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${agentId}`, { isActive: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: agentId, isActive: false });
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'agent@demo.test', password: 'demo1234' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('ACCOUNT_DEACTIVATED');

    expect((await admin.patch(`/api/users/${agentId}`, { isActive: true })).statusCode).toBe(200);
    await new TestClient(t.app).login('agent@demo.test');
  });

  it("applies a role change to the member's open session at once", async () => {
    t = await createTestApp(dialect);
    const { admin, agent } = await seedWithClients(t);
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    expect((await agent.get('/api/auth/session')).json().role).toBe('agent');
    expect((await admin.patch(`/api/users/${agentId}`, { role: 'manager' })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/session')).json().role).toBe('manager');
    expect((await admin.patch(`/api/users/${agentId}`, { role: 'viewer' })).statusCode).toBe(200);
    const session = (await agent.get('/api/auth/session')).json();
    expect(session.role).toBe('viewer');
    expect(session.permissions).not.toContain('contacts.edit');
  });

  it('keeps at least one active admin', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const adminId = await userIdByEmail(t.ctx, 'admin@demo.test');
    for (const change of [{ role: 'manager' }, { isActive: false }]) {
      const res = await admin.patch(`/api/users/${adminId}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LAST_ADMIN');
    }
    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');
    expect((await admin.patch(`/api/users/${managerId}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${adminId}`, { role: 'manager' })).json().role).toBe('manager');
  });

  it('switches between workspaces and shows only the current one', async () => {
    t = await createTestApp(dialect);
    const { admin, workspace } = await seedWithClients(t);
    const created = await admin.post('/api/workspaces', { name: 'Klinik Sehat', template: 'hospital' });
    expect(created.statusCode).toBe(201);
    const clinic = created.json();
    expect(clinic).toMatchObject({ template: 'hospital', timezone: 'Asia/Jakarta', currency: 'IDR' });
    expect(
      (await admin.get('/api/auth/session'))
        .json()
        .workspaces.map((w: { id: string }) => w.id)
        .sort(),
    ).toEqual([workspace.id, clinic.id].sort());

    const switched = await admin.post('/api/auth/switch-workspace', { workspaceId: clinic.id });
    expect(switched.json()).toMatchObject({ workspace: { id: clinic.id }, role: 'admin' });
    expect((await admin.get('/api/workspace')).json().name).toBe('Klinik Sehat');
    expect((await admin.get('/api/users')).json().items.map((m: { email: string }) => m.email)).toEqual([
      'admin@demo.test',
    ]);
    expect(
      (await admin.get('/api/audit?entityType=workspace'))
        .json()
        .items.every((e: { entityId: string }) => e.entityId === clinic.id),
    ).toBe(true);

    await admin.post('/api/auth/switch-workspace', { workspaceId: workspace.id });
    expect((await admin.get('/api/users')).json().items).toHaveLength(4);

    const { workspace: foreign } = await otherWorkspace(t);
    const refused = await admin.post('/api/auth/switch-workspace', { workspaceId: foreign.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_A_MEMBER');
  });

  it('limits agents to their own records unless the workspace lets them see all', async () => {
    t = await createTestApp(dialect);
    const { admin, agent, manager } = await seedWithClients(t);
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    const scopeOf = async (c: TestClient) => ownerScope((await actorFromSession(t.ctx, sessionToken(c), {}))!);
    expect(await scopeOf(agent)).toBe(agentId);
    expect(await scopeOf(manager)).toBeNull();
    expect(await scopeOf(admin)).toBeNull();
    expect(
      (await admin.patch('/api/workspace', { settings: { agentsSeeAll: true } })).json().settings.agentsSeeAll,
    ).toBe(true);
    expect(await scopeOf(agent)).toBeNull();
  });
});
