import zlib from 'node:zlib';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { installRouteGuard } from '../../src/server/http/guard.js';
import { rollbackOne } from '../../src/server/db/migrator.js';
import { createApiKey } from '../../src/server/modules/api-keys/api-keys.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import { captureLog, startNode } from './support.js';

// Routes plugins add for us (docs UI, its static files): not part of the API contract.
const PLUGIN_ROUTE = /^\/api\/docs(\/|$)|^\/api\/openapi\.json$/;

describeEachDialect('HTTP contract: permissions, schemas, OpenAPI, problems', (dialect) => {
  let t: TestApp;
  const extra: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const x of extra.splice(0)) await x.close();
    await t.close();
  });

  it('every route declares a permission and every API route a response schema', async () => {
    t = await createTestApp(dialect);
    const routes = t.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const api = routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !PLUGIN_ROUTE.test(r.url));
    expect(api.filter((r) => !r.responseStatuses?.length).map((r) => `${r.method} ${r.url}`)).toEqual([]);

    // ...and the published document agrees: each operation describes what it answers.
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const missing: string[] = [];
    for (const r of api) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const described = op && Object.values<{ content?: unknown }>(op.responses ?? {}).some((res) => res.content);
      if (!described) missing.push(`${r.method} ${r.url}`);
    }
    expect(missing).toEqual([]);
  });

  it('serves OpenAPI 3.1 and the interactive docs', async () => {
    t = await createTestApp(dialect);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/auth/login'].post;
    const body = login.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['email', 'password']));
    expect(body.additionalProperties).toBe(false);
    expect(login.responses['200'].content['application/json'].schema.properties).toHaveProperty('csrfToken');

    let docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (docs.statusCode === 302)
      docs = await t.app.inject({ method: 'GET', url: String(docs.headers.location).replace(/^\.\//, '/api/docs/') });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('answers bad requests with RFC 9457 problems naming the field', async () => {
    t = await createTestApp(dialect, { config: { BODY_LIMIT_BYTES: 2048 } });
    const { admin } = await seedWithClients(t);

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@demo.test', password: 'demo1234', rememberMe: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'rememberMe',
      type: '/problems/validation-failed',
    });

    const nested = await admin.patch('/api/workspace', { settings: { agentsSeeAll: true, superpowers: 1 } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors.map((e: { field: string }) => e.field)).toContain('settings.superpowers');

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().field).toBe('email');

    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "admin@demo.test",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.json().code).toBe('BAD_REQUEST');

    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@demo.test', password: 'x'.repeat(4000) },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });

    const noRoute = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(noRoute.statusCode).toBe(404);
    expect(noRoute.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(noRoute.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: '/api/no-such-thing' });
  });

  it('treats malformed ids as bad input, not as a server error', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    for (const res of [
      await admin.patch('/api/users/not-an-id', { role: 'viewer' }),
      await admin.delete('/api/api-keys/123'),
      await admin.post('/api/auth/switch-workspace', { workspaceId: 'nope' }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await admin.patch('/api/users/0190f5d2-7a1e-7cc0-8f00-000000000000', { role: 'viewer' })).statusCode).toBe(
      404,
    );
  });

  it('hides internals of a 500 from the client and logs them in full', async () => {
    t = await createTestApp(dialect);
    const { log, lines, entries } = captureLog('error');
    const node = await startNode(t.testDb, { channelSuffix: `${t.testDb.name.replace(/\W/g, '')}x`, log });
    extra.push(node);
    await seedWithClients(t);
    const admin = new TestClient(node.app);
    await admin.login('admin@demo.test');
    await sql`alter table audit_log rename to audit_log_moved`.execute(t.ctx.db);

    const res = await admin.get('/api/audit');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: '/problems/internal',
      title: 'Something went wrong on our side',
      status: 500,
      code: 'INTERNAL',
      instance: '/api/audit',
    });
    expect(res.body).not.toMatch(/audit_log|select|\bat\s|\.ts|node_modules|\/work\//i);

    const logged = entries().find((e) => e.msg === 'unhandled error') as
      { err: { message: string; stack: string } } | undefined;
    expect(logged?.err.message).toMatch(/audit_log/);
    expect(logged?.err.stack).toMatch(/\bat\b/);
    expect(lines.join('')).not.toContain('demo1234');
  });

  it('refuses to start when a route declares no permission', async () => {
    t = await createTestApp(dialect);
    const bare = Fastify();
    installRouteGuard(bare, t.ctx, []);
    await expect(
      (async () => {
        bare.get('/api/forgotten', async () => ({ ok: true }));
        await bare.ready();
      })(),
    ).rejects.toThrow(/GET \/api\/forgotten declares no permission/);
    await bare.close();
  });
});

describeEachDialect('security headers, CORS, compression, rate limit, health', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('sends CSP and frame-denial headers', async () => {
    t = await createTestApp(dialect);
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows only origins from CORS_ORIGINS', async () => {
    t = await createTestApp(dialect, { config: { CORS_ORIGINS: 'https://pesantren.example, https://crm.example' } });
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://crm.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const simple = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { origin: 'https://pesantren.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('https://pesantren.example');
    const denied = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const deniedSimple = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { origin: 'https://evil.example' },
    });
    expect(deniedSimple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gzips large JSON responses', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const res = await admin.request('GET', '/api/roles', undefined, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(zlib.gunzipSync(res.rawPayload).toString('utf8'));
    expect(body.items.map((r: { role: string }) => r.role)).toEqual(['admin', 'manager', 'agent', 'viewer']);
    const plain = await admin.get('/api/roles');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends a large JSON body with its exact byte length and its characters intact, plain or gzipped', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    // 40 tags of 480-character descriptions: a body of ~20 KB holding characters beyond Latin-1
    const description = 'Orang tua — wali santri, angkatan 2027/28; café ✓ '.repeat(10).slice(0, 480);
    for (let i = 0; i < 40; i++)
      expect((await admin.post('/api/tags', { name: `Angkatan ${i}`, description })).statusCode).toBe(201);
    const plain = await admin.get('/api/tags');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.rawPayload.length).toBeGreaterThan(16_384);
    expect(Number(plain.headers['content-length'])).toBe(plain.rawPayload.length);
    const items = JSON.parse(plain.rawPayload.toString('utf8')).items as Array<{
      name: string;
      description: string | null;
    }>;
    expect(items.filter((tag) => tag.name.startsWith('Angkatan')).map((tag) => tag.description)).toEqual(
      Array(40).fill(description),
    );
    const zipped = await admin.request('GET', '/api/tags', undefined, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('limits requests per user and per API key with 429 and Retry-After', async () => {
    t = await createTestApp(dialect, { config: { RATE_LIMIT_PER_MINUTE: 5 } });
    const { workspace, admin, manager } = await seedWithClients(t);
    const owner = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@demo.test')
      .executeTakeFirstOrThrow();
    const { key } = await createApiKey(
      t.ctx,
      systemActor(workspace.id),
      { name: 'Integration', role: 'viewer' },
      owner.id,
    );
    for (let i = 0; i < 5; i++) expect((await admin.get('/api/workspace')).statusCode).toBe(200);
    const limited = await admin.get('/api/workspace');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Someone else, and an integration's key, have their own allowance.
    expect((await manager.get('/api/workspace')).statusCode).toBe(200);
    const integration = new TestClient(t.app);
    integration.bearer = key;
    for (let i = 0; i < 5; i++) expect((await integration.get('/api/workspace')).statusCode).toBe(200);
    expect((await integration.get('/api/workspace')).statusCode).toBe(429);
  });

  it('reports liveness, readiness (database and migrations) and metrics', async () => {
    t = await createTestApp(dialect);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: dialect });

    await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/auth\/session",status="401"\} 1/,
    );

    await rollbackOne(t.ctx.database);
    const notReady = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'not_ready', reason: 'migrations pending' });
  });
});

describe('client IP behind proxies', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('believes X-Forwarded-For only from trusted proxies', async () => {
    t = await createTestApp('sqlite', { config: { TRUST_PROXY: 'false' } });
    await seedWithClients(t);
    const spoofed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { email: 'admin@demo.test', password: 'demo1234' },
    });
    expect(spoofed.statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.ip).toBe('127.0.0.1');
  });
});
