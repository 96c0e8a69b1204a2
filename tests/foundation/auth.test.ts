import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';

describeEachDialect('sign-in, sessions and CSRF', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('signs in, reads the session, and signs out', async () => {
    await seedWithClients(t);
    const c = new TestClient(t.app);
    const info = await c.login('manager@demo.test');
    expect(info.role).toBe('manager');
    expect(info.permissions).toContain('contacts.view');
    expect(info.permissions).not.toContain('users.manage');
    const session = await c.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe('manager@demo.test');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    await seedWithClients(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@demo.test', password: 'demo1234' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/crm_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a problem body, and throttles repeated failures', async () => {
    await seedWithClients(t);
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'agent@demo.test', password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'agent@demo.test', password: 'demo1234' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rejects a cookie-authenticated change without the CSRF header', async () => {
    const { admin } = await seedWithClients(t);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/workspace',
      headers: { cookie: admin.cookie },
      payload: { name: 'Renamed' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const ok = await admin.patch('/api/workspace', { name: 'Renamed' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Renamed');
  });

  it('rejects unknown body fields naming the field', async () => {
    const { admin } = await seedWithClients(t);
    const res = await admin.patch('/api/workspace', { name: 'X', workspaceId: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('workspaceId');
  });

  it('enforces permissions by role', async () => {
    const { viewer, admin } = await seedWithClients(t);
    const res = await viewer.patch('/api/workspace', { name: 'Nope' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await admin.get('/api/api-keys')).statusCode).toBe(200);
    expect((await viewer.get('/api/api-keys')).statusCode).toBe(403);
  });
});
