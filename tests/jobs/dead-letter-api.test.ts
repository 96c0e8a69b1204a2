import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { createWorkspace } from '../../src/server/modules/workspaces/workspaces.service.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { jobRow, recordingJob } from './job-test-kit.js';

describeEachDialect('dead-letter API: list, inspect, retry, discard', (dialect) => {
  let t: TestApp;
  let isBroken: boolean;

  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
    isBroken = true;
    const { def } = recordingJob(
      'test.sync',
      async (p) => {
        if (isBroken) throw new Error(`school app rejected record ${p.n}`);
        return { synced: p.n };
      },
      { maxAttempts: 1 },
    );
    t.ctx.jobs.register(def);
  });
  afterEach(async () => t.close());

  async function deadJob(workspaceId: string | null, n = 1): Promise<string> {
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.sync', { n }, { workspaceId });
    await new JobWorker(t.ctx).runDueJobs();
    expect((await jobRow(t.ctx, id)).status).toBe('dead');
    return id;
  }

  it('lists dead jobs with their last error, and retries one so it runs again', async () => {
    const { admin, workspace } = await seedWithClients(t);
    const id = await deadJob(workspace.id);
    const list = await admin.get('/api/jobs?status=dead');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id,
        name: 'test.sync',
        status: 'dead',
        attempts: 1,
        lastError: 'school app rejected record 1',
        payload: { n: 1 },
      }),
    ]);
    expect((await admin.get('/api/jobs?status=pending')).json().items).toEqual([]);

    isBroken = false;
    const retried = await admin.post(`/api/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, runAt: t.clock.now().toISOString() });
    expect(await new JobWorker(t.ctx).runDueJobs()).toBe(1);
    const after = await admin.get(`/api/jobs/${id}`);
    expect(after.json()).toMatchObject({ status: 'succeeded', attempts: 1, result: { synced: 1 } });

    const again = await admin.post(`/api/jobs/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('JOB_NOT_DEAD');
    const audit = await admin.get('/api/audit?entityType=job');
    expect(audit.json().items.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([
      ['job.retried', id],
    ]);
  });

  it('discards a dead job for good, and refuses to discard a live one', async () => {
    const { admin, workspace } = await seedWithClients(t);
    const id = await deadJob(workspace.id);
    const { id: pendingId } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.sync', { n: 2 }, { workspaceId: workspace.id });
    const refused = await admin.delete(`/api/jobs/${pendingId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('JOB_NOT_DEAD');

    const res = await admin.delete(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    expect((await admin.get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/jobs?status=dead')).json().items).toEqual([]);
    const audit = (await admin.get('/api/audit?entityType=job')).json().items;
    expect(audit).toEqual([expect.objectContaining({ action: 'job.discarded', entityId: id })]);
    expect(audit[0].changes.before).toMatchObject({ status: 'dead', lastError: 'school app rejected record 1' });
  });

  it('is for admins only', async () => {
    const { viewer, manager, agent, workspace } = await seedWithClients(t);
    const id = await deadJob(workspace.id);
    for (const client of [viewer, manager, agent]) {
      expect((await client.get('/api/jobs')).statusCode).toBe(403);
      expect((await client.post(`/api/jobs/${id}/retry`)).statusCode).toBe(403);
      expect((await client.delete(`/api/jobs/${id}`)).statusCode).toBe(403);
    }
    expect((await jobRow(t.ctx, id)).status).toBe('dead');
  });

  it("hides another workspace's jobs and the instance's own (no workspace) from every workspace admin", async () => {
    const { admin, workspace } = await seedWithClients(t);
    const other = await createWorkspace(t.ctx, { name: 'Rumah Sakit Sehat', template: 'hospital' }, null);
    const mine = await deadJob(workspace.id, 1);
    const theirs = await deadJob(other.id, 2);
    const global = await deadJob(null, 3);
    const list = (await admin.get('/api/jobs?name=test.sync&includeTotal=true')).json();
    expect(list.items.map((j: { id: string }) => j.id)).toEqual([mine]);
    expect(list.total).toBe(1);
    for (const id of [theirs, global]) {
      expect((await admin.get(`/api/jobs/${id}`)).statusCode).toBe(404);
      expect((await admin.post(`/api/jobs/${id}/retry`)).statusCode).toBe(404);
      expect((await admin.delete(`/api/jobs/${id}`)).statusCode).toBe(404);
      expect((await jobRow(t.ctx, id)).status).toBe('dead');
    }
  });

  it('pages newest first with a cursor, and names a bad filter', async () => {
    const { admin, workspace } = await seedWithClients(t);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(
        (await t.ctx.jobs.enqueue(t.ctx.db, 'test.sync', { n }, { workspaceId: workspace.id, delaySeconds: 60 })).id,
      );
      (t.clock as ManualClock).advance(1);
    }
    const first = (await admin.get('/api/jobs?name=test.sync&limit=2&includeTotal=true')).json();
    expect(first.items.map((j: { id: string }) => j.id)).toEqual([ids[2], ids[1]]);
    expect(first.total).toBe(3);
    const second = (await admin.get(`/api/jobs?name=test.sync&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((j: { id: string }) => j.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const bad = await admin.get('/api/jobs?status=stuck');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('status');
  });
});
