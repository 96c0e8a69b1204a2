import type { Kysely } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { dialectOf } from '../../src/server/db/dialect.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';

/** Every text value stored anywhere in the database, to prove a secret is not among them. */
async function everythingStored(t: TestApp): Promise<string> {
  const db = t.ctx.db as unknown as Kysely<any>;
  const parts: string[] = [];
  for (const table of await dialectOf(db).listTables(db)) {
    if (table.endsWith('_fts') || /_fts_/.test(table)) continue; // SQLite's search index shadows contact_search
    parts.push(JSON.stringify(await db.selectFrom(table).selectAll().execute()));
  }
  return parts.join('\n');
}

describeEachDialect('API keys', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('are shown once, stored hashed, act with their role, and stop working when revoked', async () => {
    t = await createTestApp(dialect);
    const { admin, viewer } = await seedWithClients(t);
    expect((await viewer.post('/api/api-keys', { name: 'Nope', role: 'admin' })).statusCode).toBe(403);

    const created = await admin.post('/api/api-keys', { name: 'Sync from school app', role: 'admin' });
    expect(created.statusCode).toBe(201);
    const { key, id, prefix } = created.json();
    expect(key).toMatch(/^crm_[a-f0-9]{12}_[\w-]{40,}$/);
    expect(key).toContain(prefix);
    const listed = (await admin.get('/api/api-keys')).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('key');
    expect(JSON.stringify(listed)).not.toContain(key.slice(-20));
    const stored = await everythingStored(t);
    expect(stored).not.toContain(key);
    // the secret is everything after crm_<prefix>_ (it may itself contain '_')
    expect(key.startsWith(`crm_${prefix}_`)).toBe(true);
    expect(stored).not.toContain(key.slice(`crm_${prefix}_`.length));

    // Bearer: no cookie, no CSRF token; the key's role decides.
    const integration = new TestClient(t.app);
    integration.bearer = key;
    expect((await integration.get('/api/workspace')).statusCode).toBe(200);
    const renamed = await integration.patch('/api/workspace', { name: 'Renamed by integration' });
    expect(renamed.statusCode).toBe(200);
    const byKey = (await admin.get('/api/audit?action=workspace.updated')).json().items[0];
    expect(byKey).toMatchObject({ actorType: 'api_key', actorId: id, actorName: 'API key Sync from school app' });

    const readOnly = await admin.post('/api/api-keys', { name: 'Dashboard', role: 'viewer' });
    const dashboard = new TestClient(t.app);
    dashboard.bearer = readOnly.json().key;
    expect((await dashboard.get('/api/workspace')).statusCode).toBe(200);
    const forbidden = await dashboard.patch('/api/workspace', { name: 'Nope' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    expect((await dashboard.get('/api/audit')).statusCode).toBe(403);

    const revoked = await admin.delete(`/api/api-keys/${id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await integration.get('/api/workspace');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    expect((await dashboard.get('/api/workspace')).statusCode).toBe(200);

    const actions = (await admin.get('/api/audit?entityType=api_key'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual(['api_key.created', 'api_key.created', 'api_key.revoked']);
  });

  it('refuse made-up and malformed keys', async () => {
    t = await createTestApp(dialect);
    const { admin } = await seedWithClients(t);
    const { key } = (await admin.post('/api/api-keys', { name: 'Real', role: 'admin' })).json();
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bearer of [forged, 'crm_deadbeef0000_' + 'x'.repeat(43), 'not-a-key', '']) {
      const c = new TestClient(t.app);
      c.bearer = bearer;
      const res = await c.request('GET', '/api/workspace', undefined, bearer ? {} : { authorization: 'Bearer ' });
      expect(res.statusCode).toBe(401);
    }
  });
});
