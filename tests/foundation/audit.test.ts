import { afterEach, expect, it } from 'vitest';
import { auditRetentionJob } from '../../src/server/modules/audit/audit.jobs.js';
import { recordAudit } from '../../src/server/modules/audit/audit.service.js';
import type { JobRun } from '../../src/server/modules/jobs/job-definition.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { nowIso, type ManualClock } from '../../src/server/platform/clock.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { otherWorkspace } from './support.js';

type Entry = {
  id: string;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  createdAt: string;
  changes: any;
};

describeEachDialect('audit log', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('records who, what, when, from where, and the before/after diff', async () => {
    t = await createTestApp(dialect, { manualClock: true });
    const { admin, workspace } = await seedWithClients(t);
    const res = await admin.request(
      'PATCH',
      '/api/workspace',
      { name: 'Pesantren Al-Hikmah', settings: { agentsSeeAll: true } },
      { 'user-agent': 'Mozilla/5.0 (Audit test)', 'x-forwarded-for': '198.51.100.7' },
    );
    expect(res.statusCode).toBe(200);
    const [entry] = (await admin.get('/api/audit?entityType=workspace&action=workspace.updated')).json().items;
    expect(entry).toMatchObject({
      actorType: 'user',
      actorId: await userIdByEmail(t.ctx, 'admin@demo.test'),
      actorName: 'Ayu Admin',
      entityId: workspace.id,
      ip: '198.51.100.7',
      userAgent: 'Mozilla/5.0 (Audit test)',
      createdAt: nowIso(t.clock),
    });
    expect(entry.changes.diff.name).toEqual({ from: workspace.name, to: 'Pesantren Al-Hikmah' });
    expect(entry.changes.diff.settings).toEqual({
      from: { agentsSeeAll: false, auditRetentionDays: 365 },
      to: { agentsSeeAll: true, auditRetentionDays: 365 },
    });
    expect(entry.changes.diff).not.toHaveProperty('timezone');
    expect(entry.changes.before.name).toBe(workspace.name);
  });

  it('masks secrets wherever they appear in a change', async () => {
    t = await createTestApp(dialect);
    const { admin, workspace } = await seedWithClients(t);
    await withTransaction(t.ctx.db, (trx) =>
      recordAudit(
        trx,
        systemActor(workspace.id),
        {
          action: 'integration.configured',
          entityType: 'integration',
          entityId: 'wa-1',
          before: { password: 'old-pass', name: 'WA' },
          after: {
            password: 'new-pass',
            name: 'WA gateway',
            config: { apiKey: 'wa_live_123', accessToken: 'tok-456', webhook: { secret: 's3' } },
          },
        },
        nowIso(t.clock),
      ),
    );
    const [entry] = (await admin.get('/api/audit?entityType=integration')).json().items;
    const text = JSON.stringify(entry);
    for (const secret of ['old-pass', 'new-pass', 'wa_live_123', 'tok-456', '"s3"']) expect(text).not.toContain(secret);
    expect(entry.changes.after.name).toBe('WA gateway');
    expect(entry.changes.after.password).toBe('••••••');
    expect(entry.changes.after.config.webhook.secret).toBe('••••••');
  });

  it('is queryable by entity, actor and date range, page by page', async () => {
    t = await createTestApp(dialect, { manualClock: true });
    const clock = t.clock as ManualClock;
    clock.set('2026-03-01T08:00:00.000Z');
    const { admin, manager, viewer } = await seedWithClients(t);
    for (const name of ['Day one A', 'Day one B', 'Day one C']) {
      await admin.patch('/api/workspace', { name });
      clock.advance(3600);
    }
    clock.set('2026-03-10T08:00:00.000Z');
    await manager.patch('/api/auth/profile', { name: 'Budi M.' });
    await admin.patch('/api/workspace', { name: 'Day ten' });
    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');

    const byActor = (await admin.get(`/api/audit?actorId=${managerId}&action=user.profile_updated`)).json();
    expect(byActor.items.map((e: Entry) => [e.action, e.entityId])).toEqual([['user.profile_updated', managerId]]);
    expect(
      (await admin.get(`/api/audit?entityType=user&entityId=${managerId}&action=user.profile_updated`)).json().items,
    ).toHaveLength(1);

    const dayOne = (
      await admin.get(
        '/api/audit?action=workspace.updated&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&includeTotal=true',
      )
    ).json();
    expect(dayOne.total).toBe(3);
    expect(dayOne.items.map((e: Entry) => e.changes.after.name)).toEqual(['Day one C', 'Day one B', 'Day one A']);

    // Cursor pages: newest first, no repeats, no gaps.
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = (
        await admin.get(`/api/audit?entityType=workspace&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await admin.get('/api/audit?entityType=workspace&limit=500')).json().items as Entry[];
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(all.length).toBeGreaterThanOrEqual(5);

    expect((await admin.get('/api/audit?cursor=garbage')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'cursor',
    });
    expect((await admin.get('/api/audit?from=last-tuesday')).json().field).toBe('from');
    expect((await viewer.get('/api/audit')).statusCode).toBe(403);
    expect((await manager.get('/api/audit')).statusCode).toBe(200);
  });

  it('every audited write appended its event in the same transaction; a refused write leaves neither', async () => {
    t = await createTestApp(dialect);
    const { admin, manager, workspace } = await seedWithClients(t);
    await admin.patch('/api/workspace', { name: 'Renamed' });
    const key = (await admin.post('/api/api-keys', { name: 'Sync', role: 'viewer' })).json();
    await admin.delete(`/api/api-keys/${key.id}`);
    await admin.post('/api/users/invitations', { email: 'guru@pesantren.test', role: 'agent' });
    await admin.patch(`/api/users/${await userIdByEmail(t.ctx, 'viewer@demo.test')}`, { role: 'agent' });
    await manager.patch('/api/auth/profile', { locale: 'id' });

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', workspace.id)
      .where('action', 'not like', 'auth.%')
      .execute();
    const events = await t.ctx.db.selectFrom('events').selectAll().where('workspace_id', '=', workspace.id).execute();
    expect(audit.length).toBeGreaterThanOrEqual(7);
    const unmatched = audit.filter(
      (a) =>
        !events.some((e) => e.entity_id === a.entity_id && e.created_at === a.created_at && e.actor_id === a.actor_id),
    );
    expect(unmatched.map((a) => a.action)).toEqual([]);

    const counts = async () => [
      (await t.ctx.db.selectFrom('audit_log').select('id').execute()).length,
      (await t.ctx.db.selectFrom('events').select('id').execute()).length,
    ];
    const before = await counts();
    const refused = await admin.patch(`/api/users/${await userIdByEmail(t.ctx, 'admin@demo.test')}`, {
      role: 'viewer',
    });
    expect(refused.json().code).toBe('LAST_ADMIN');
    expect(await counts()).toEqual(before);
  });

  it('retention job deletes entries older than each workspace keeps them', async () => {
    t = await createTestApp(dialect, { manualClock: true });
    const clock = t.clock as ManualClock;
    clock.set('2026-01-01T00:00:00.000Z');
    const { admin } = await seedWithClients(t);
    const other = await otherWorkspace(t);
    await admin.patch('/api/workspace', { settings: { auditRetentionDays: 30 } });
    await other.client.patch('/api/workspace', { name: 'Other, January' });
    clock.set('2026-02-15T00:00:00.000Z'); // 45 days later: sign in again, sessions last two weeks
    await admin.login('admin@demo.test');
    await admin.patch('/api/workspace', { name: 'February name' });

    const run = {
      id: 'test',
      workspaceId: null,
      payload: {},
      attempt: 1,
      progress: async () => undefined,
      signal: new AbortController().signal,
    } as JobRun<Record<string, never>>;
    const result = (await auditRetentionJob.handler(t.ctx, run)) as { deleted: number };
    expect(result.deleted).toBeGreaterThan(0);

    const mine = (await admin.get('/api/audit?limit=500')).json().items as Entry[];
    expect(mine.every((e) => e.createdAt >= '2026-01-16T00:00:00.000Z')).toBe(true);
    expect(mine.map((e) => e.action)).toContain('workspace.updated');
    // The other workspace keeps a year by default: its January entries stay.
    const theirs = await t.ctx.db
      .selectFrom('audit_log')
      .select('created_at')
      .where('workspace_id', '=', other.workspace.id)
      .execute();
    expect(theirs.some((e) => e.created_at.startsWith('2026-01-01'))).toBe(true);
    // Running again finds nothing more to delete (idempotent).
    expect(((await auditRetentionJob.handler(t.ctx, run)) as { deleted: number }).deleted).toBe(0);
  });
});
