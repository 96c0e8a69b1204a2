import { afterEach, expect, it } from 'vitest';
import type { Config } from '../../src/server/config.js';
import { DEMO_PASSWORD, seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, type TestApp } from '../helpers/test-app.js';
import { eventually } from './support.js';

describeEachDialect('sign-in lockout under parallel and distributed guessing', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function start(config: Partial<Config> = {}, manualClock = false) {
    t = await createTestApp(dialect, { config: { LOGIN_FAILURE_DELAY_MS: 0, ...config }, manualClock });
    await seedDemoWorkspace(t.ctx, 'school');
  }
  function login(email: string, password: string, remoteAddress = '127.0.0.1') {
    return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
  }
  async function sessionsOf(email: string) {
    const userId = await userIdByEmail(t.ctx, email);
    return (await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;
  }
  const counts = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it('checks no more than the limit of 100 parallel wrong passwords; the rest and the right one get 429', async () => {
    await start();
    const burst = await Promise.all(Array.from({ length: 100 }, () => login('agent@demo.test', 'wrong-password')));
    expect(counts(burst.map((r) => r.statusCode))).toEqual({ 401: 5, 429: 95 });
    for (const res of burst) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const locked = await login('agent@demo.test', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await sessionsOf('agent@demo.test')).toBe(0);
  });

  it('does not sign in with the right password sent among 20 wrong ones still in flight', async () => {
    // the wrong ones wait before answering (the growing delay), so the right one arrives while they are in flight
    await start({ LOGIN_FAILURE_DELAY_MS: 200 });
    const wrong = Array.from({ length: 20 }, () => login('agent@demo.test', 'wrong-password'));
    // every wrong attempt has been counted (reserved) before the right one is sent
    await eventually(
      async () => {
        const row = await t.ctx.db
          .selectFrom('login_failures')
          .select('count')
          .where('key', '=', 'account:agent@demo.test')
          .executeTakeFirst();
        return Number(row?.count ?? 0) >= 20 || undefined;
      },
      10_000,
      'the 20 wrong attempts to be counted',
    ).catch(() => undefined); // without reservation the count never gets there early: the right one is sent anyway
    const right = await login('agent@demo.test', DEMO_PASSWORD);
    const statuses = (await Promise.all(wrong)).map((r) => r.statusCode);
    expect(right.statusCode).toBe(429);
    expect(counts(statuses)).toEqual({ 401: 5, 429: 15 });
    expect(await sessionsOf('agent@demo.test')).toBe(0);
  });

  it('signs in several parallel right passwords, and a success starts the count from that place over', async () => {
    await start();
    const parallel = await Promise.all(Array.from({ length: 4 }, () => login('manager@demo.test', DEMO_PASSWORD)));
    expect(parallel.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    for (let i = 0; i < 4; i++) expect((await login('manager@demo.test', 'typo')).statusCode).toBe(401);
    expect((await login('manager@demo.test', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('manager@demo.test', 'typo')).statusCode).toBe(401);
    expect((await login('manager@demo.test', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an account guessed from many addresses, for every address, until the window passes', async () => {
    await start({ LOGIN_ACCOUNT_MAX_FAILURES: 6 }, true);
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      for (let i = 0; i < 2; i++) expect((await login('viewer@demo.test', 'guess', ip)).statusCode).toBe(401);
    const fromNewPlace = await login('viewer@demo.test', DEMO_PASSWORD, '203.0.113.50');
    expect(fromNewPlace.statusCode).toBe(429);
    expect(fromNewPlace.json().code).toBe('LOGIN_THROTTLED');
    // another account from the same addresses is not affected
    expect((await login('manager@demo.test', DEMO_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    (t.clock as ManualClock).advance(15 * 60 + 1);
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('locks email+IP after the limit of sequential failures, unknown emails alike', async () => {
    await start();
    for (const email of ['agent@demo.test', 'nobody@demo.test']) {
      for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password')).statusCode).toBe(401);
      expect((await login(email, 'wrong-password')).statusCode).toBe(429);
    }
    // the same account from another address still may sign in (its account-wide limit is higher)
    expect((await login('agent@demo.test', DEMO_PASSWORD, '192.0.2.7')).statusCode).toBe(200);
  });

  it('answers each further failure from the same place later than the one before', async () => {
    await start({ LOGIN_FAILURE_DELAY_MS: 150, LOGIN_MAX_FAILURES: 10 });
    const took: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      expect((await login('agent@demo.test', 'wrong-password')).statusCode).toBe(401);
      took.push(performance.now() - started);
    }
    // failures 2, 3, 4 wait at least 150, 300, 600 ms on top of the hash
    expect(took[1]).toBeGreaterThanOrEqual(150);
    expect(took[2]).toBeGreaterThanOrEqual(300);
    expect(took[3]).toBeGreaterThanOrEqual(600);
  });

  it('costs an unknown email the same password hash as a known one', async () => {
    await start({ LOGIN_MAX_FAILURES: 100, LOGIN_ACCOUNT_MAX_FAILURES: 100 });
    const time = async (email: string, i: number) => {
      const started = performance.now();
      expect((await login(email, `wrong-${i}`)).statusCode).toBe(401);
      return performance.now() - started;
    };
    await time('nobody@demo.test', 0); // warm up (the stand-in hash is made on first use)
    const known: number[] = [];
    const unknown: number[] = [];
    // interleaved, so a busy machine slows both alike
    for (let i = 0; i < 9; i++) {
      known.push(await time('agent@demo.test', i));
      unknown.push(await time('nobody-else@demo.test', i));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[4];
    // without a stand-in hash an unknown email answers in a small fraction of the time (no scrypt)
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.5);
  });

  it('counts failed credentials per address: past the budget, sign-ins and API keys get 429 unchecked', async () => {
    await start({ AUTH_FAILURES_PER_MINUTE: 4 }, true);
    const ip = '198.51.100.99';
    const badKey = (remoteAddress = ip) =>
      t.app.inject({
        method: 'GET',
        url: '/api/workspace',
        headers: { authorization: `Bearer crm_deadbeef0000_${'x'.repeat(43)}` },
        remoteAddress,
      });
    // a credential sprayer: different emails, then made-up keys
    expect((await login('a@demo.test', 'x', ip)).statusCode).toBe(401);
    expect((await login('b@demo.test', 'x', ip)).statusCode).toBe(401);
    expect((await badKey()).statusCode).toBe(401);
    expect((await badKey()).statusCode).toBe(401);
    const limited = await badKey();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('admin@demo.test', DEMO_PASSWORD, ip)).statusCode).toBe(429);
    // another address is not affected, and the budget comes back after a minute
    expect((await badKey('198.51.100.100')).statusCode).toBe(401);
    (t.clock as ManualClock).advance(61);
    expect((await login('admin@demo.test', DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });
});
