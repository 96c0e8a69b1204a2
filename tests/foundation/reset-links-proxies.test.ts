import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';

function tokenIn(text: string | undefined): string {
  const m = /token=([\w-]+)/.exec(text ?? '');
  if (!m) throw new Error(`no token link in: ${text}`);
  return m[1];
}

describeEachDialect('password reset links: only the newest works, and once', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function requestLink(email = 'manager@demo.test') {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
    expect(res.statusCode).toBe(202);
    return tokenIn(t.mailer.last(email)?.text);
  }
  function confirm(token: string, password: string) {
    return t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
  }

  it('a newer link supersedes the older ones; using one ends every other', async () => {
    t = await createTestApp(dialect);
    await seedWithClients(t);
    const first = await requestLink();
    const second = await requestLink();
    const older = await confirm(first, 'from-the-first-link');
    expect(older.statusCode).toBe(400);
    expect(older.json().code).toBe('TOKEN_INVALID');
    expect((await confirm(second, 'from-the-second-link')).statusCode).toBe(200);
    expect((await confirm(first, 'from-the-first-link')).json().code).toBe('TOKEN_INVALID');
    expect((await confirm(second, 'again-and-again')).json().code).toBe('TOKEN_INVALID');
    await new TestClient(t.app).login('manager@demo.test', 'from-the-second-link');
    // another account's link is not touched
    const admins = await requestLink('admin@demo.test');
    await requestLink('manager@demo.test');
    expect((await confirm(admins, 'admin-new-password')).statusCode).toBe(200);
  });

  it('works once when the same link is sent twice at the same time', async () => {
    t = await createTestApp(dialect);
    await seedWithClients(t);
    const token = await requestLink();
    const both = await Promise.all([confirm(token, 'first-new-password'), confirm(token, 'second-new-password')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });
});

describe('X-Forwarded-For from configured proxies only', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function loginIp(remoteAddress: string, forwardedFor: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: 'admin@demo.test', password: 'demo1234' },
      remoteAddress,
    });
    expect(res.statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return audit.ip;
  }

  it('believes the header from a listed proxy address or range, and ignores it from anyone else', async () => {
    t = await createTestApp('sqlite', { config: { TRUST_PROXY: '10.0.0.5, 192.168.10.0/24' } });
    await seedWithClients(t);
    expect(await loginIp('10.0.0.5', '203.0.113.9')).toBe('203.0.113.9');
    expect(await loginIp('192.168.10.77', '203.0.113.10')).toBe('203.0.113.10');
    expect(await loginIp('198.51.100.20', '203.0.113.11')).toBe('198.51.100.20');
  });

  it('does not let a client dodge the per-IP sign-in lock by making up the header', async () => {
    t = await createTestApp('sqlite', { config: { TRUST_PROXY: '10.0.0.5', LOGIN_FAILURE_DELAY_MS: 0 } });
    await seedWithClients(t);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { email: 'agent@demo.test', password: 'wrong' },
        remoteAddress: '198.51.100.20',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
