import { afterEach, expect, it } from 'vitest';
import { fromJson, toJson } from '../../src/server/db/sql-helpers.js';
import { claimJobs } from '../../src/server/modules/jobs/job-lease.repository.js';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { addSeconds } from '../../src/server/platform/clock.js';
import { describeEachDialect } from '../helpers/test-app.js';
import { createImportApp, getImport, runJobs, seeded, upload } from './helpers.js';

const ROWS = 10;
const CSV = `Nama,HP\n${Array.from({ length: ROWS }, (_, i) => `Wali ${i + 1},0813-5555-${String(2000 + i)}`).join('\n')}\n`;

// Finding 12 of issue 20: an import whose job died stayed "running" forever.
describeEachDialect('an import whose job dies', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  async function queuedImport() {
    t = await createImportApp(dialect, { manualClock: true });
    const clients = await seeded(t);
    const created = (await upload(clients.admin, 'wali.csv', CSV)).json();
    await t.ctx.db.updateTable('imports').set({ batch_size: 3 }).where('id', '=', created.id).execute();
    expect((await clients.admin.post(`/api/imports/${created.id}/run`)).statusCode).toBe(202);
    const imp = await getImport(clients.admin, created.id);
    const jobId = (
      await t.ctx.db.selectFrom('imports').select('job_id').where('id', '=', imp.id).executeTakeFirstOrThrow()
    ).job_id!;
    return { ...clients, id: imp.id, jobId };
  }

  const clock = () => t.clock as ManualClock;
  const contacts = async (workspaceId: string) =>
    t.ctx.db
      .selectFrom('contact_phones')
      .select('e164')
      .where('workspace_id', '=', workspaceId)
      .execute()
      .then((rows) => rows.map((r) => r.e164));

  /** A worker that claims the job, commits one batch and is killed (its lease is never renewed or released). */
  async function workerDiesAfterOneBatch(n: number) {
    const now = clock().now();
    const [row] = await claimJobs(t.ctx.db, {
      workerId: `doomed-${n}`,
      names: ['import.run'],
      limit: 1,
      now: now.toISOString(),
      lockedUntil: addSeconds(now, 120).toISOString(),
    });
    expect(row?.name).toBe('import.run');
    const controller = new AbortController();
    const handler = t.ctx.jobs.definitions.get('import.run')!.handler;
    await handler(t.ctx, {
      id: row.id,
      workspaceId: row.workspace_id,
      payload: fromJson(row.payload, null) as never,
      attempt: row.attempts,
      signal: controller.signal,
      progress: async () => controller.abort(new Error('killed')),
    }).catch(() => undefined);
    clock().advance(121); // the lease runs out
  }

  it('is marked failed once its workers died too often, and Retry resumes it with no row twice', async () => {
    const { admin, workspace, id, jobId } = await queuedImport();
    for (let n = 1; n <= 3; n++) await workerDiesAfterOneBatch(n);
    expect(await getImport(admin, id)).toMatchObject({ status: 'running', counts: { rowsDone: 9 } });

    // the next claim finds it abandoned more often than it may be attempted: dead, and the import failed
    await new JobWorker(t.ctx, { workerId: 'survivor' }).runDueJobs();
    const job = await t.ctx.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(job.status).toBe('dead');
    const failed = await getImport(admin, id);
    expect(failed).toMatchObject({ status: 'failed', counts: { rowsDone: 9, created: 9 }, canUndo: true });
    expect(failed.error).toMatch(/Retry/);
    expect(failed.finishedAt).not.toBeNull();
    const audit = (await admin.get(`/api/audit?entityType=import&entityId=${id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('import.failed');

    const retried = await admin.post(`/api/imports/${id}/retry`);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toMatchObject({ status: 'queued', error: null });
    const requeued = await t.ctx.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0 }); // the same job, not a second one
    await runJobs(t);
    expect(await getImport(admin, id)).toMatchObject({
      status: 'completed',
      counts: { rowsDone: ROWS, created: ROWS },
    });
    const phones = await contacts(workspace.id);
    expect(phones).toHaveLength(ROWS);
    expect(new Set(phones).size).toBe(ROWS);
    expect((await admin.post(`/api/imports/${id}/retry`)).json()).toMatchObject({
      status: 409,
      code: 'IMPORT_NOT_RUNNABLE',
    });
  });

  it('is marked failed when its payload fails the schema, and the dead-letter desk retry revives it too', async () => {
    const { admin, workspace, id, jobId } = await queuedImport();
    const original = (
      await t.ctx.db.selectFrom('jobs').select('payload').where('id', '=', jobId).executeTakeFirstOrThrow()
    ).payload;
    await t.ctx.db
      .updateTable('jobs')
      .set({ payload: toJson({ importId: 'not-a-uuid' }) })
      .where('id', '=', jobId)
      .execute();
    await runJobs(t);
    expect((await admin.get(`/api/jobs/${jobId}`)).json()).toMatchObject({ status: 'dead' });
    expect(await getImport(admin, id)).toMatchObject({ status: 'failed', counts: { rowsDone: 0 } });

    // an operator mends the payload and retries the dead job: the import runs again
    await t.ctx.db
      .updateTable('jobs')
      .set({ payload: toJson(fromJson(original, null)) })
      .where('id', '=', jobId)
      .execute();
    expect((await admin.post(`/api/jobs/${jobId}/retry`)).statusCode).toBe(200);
    expect(await getImport(admin, id)).toMatchObject({ status: 'queued' });
    await runJobs(t);
    expect(await getImport(admin, id)).toMatchObject({ status: 'completed', counts: { created: ROWS } });
    expect(await contacts(workspace.id)).toHaveLength(ROWS);
  });

  it('is marked failed when the handler fails on every attempt', async () => {
    const { admin, id, jobId } = await queuedImport();
    // the uploaded file disappears from under the job: unexpected errors on every attempt
    const key = (await t.ctx.db.selectFrom('imports').select('file_key').where('id', '=', id).executeTakeFirstOrThrow())
      .file_key!;
    const { pathOf } = await import('../../src/server/modules/import-export/files/storage.js');
    const fs = await import('node:fs');
    const file = pathOf(t.ctx.config, key);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    for (let i = 0; i < 3; i++) {
      await runJobs(t);
      clock().advance(3600);
    }
    expect((await admin.get(`/api/jobs/${jobId}`)).json()).toMatchObject({ status: 'dead' });
    expect(await getImport(admin, id)).toMatchObject({ status: 'failed' });
    fs.writeFileSync(file, saved);
    expect((await admin.post(`/api/imports/${id}/retry`)).statusCode).toBe(202);
    await runJobs(t);
    expect(await getImport(admin, id)).toMatchObject({ status: 'completed', counts: { created: ROWS } });
  });

  it('an undo whose job dies leaves the import failed, and Retry finishes the undo', async () => {
    const { admin, workspace, id } = await queuedImport();
    await runJobs(t);
    expect(await getImport(admin, id)).toMatchObject({ status: 'completed', counts: { created: ROWS } });
    expect((await admin.post(`/api/imports/${id}/undo`)).statusCode).toBe(202);
    const undoJob = (
      await t.ctx.db.selectFrom('imports').select('job_id').where('id', '=', id).executeTakeFirstOrThrow()
    ).job_id!;
    const payload = (
      await t.ctx.db.selectFrom('jobs').select('payload').where('id', '=', undoJob).executeTakeFirstOrThrow()
    ).payload;
    await t.ctx.db
      .updateTable('jobs')
      .set({ payload: toJson({ broken: true }) })
      .where('id', '=', undoJob)
      .execute();
    await runJobs(t);
    const failed = await getImport(admin, id);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.error).toMatch(/Undo stopped/);
    await t.ctx.db
      .updateTable('jobs')
      .set({ payload: toJson(fromJson(payload, null)) })
      .where('id', '=', undoJob)
      .execute();
    expect((await admin.post(`/api/imports/${id}/retry`)).json()).toMatchObject({ status: 'undoing' });
    await runJobs(t);
    expect(await getImport(admin, id)).toMatchObject({ status: 'undone' });
    const live = await t.ctx.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .where('deleted_at', 'is', null)
      .execute();
    expect(live).toHaveLength(0);
  });

  it('an agent cannot retry an import of someone else, and a viewer cannot retry at all', async () => {
    const { admin, agent, viewer, id } = await queuedImport();
    await t.ctx.db.updateTable('imports').set({ status: 'failed' }).where('id', '=', id).execute();
    expect((await agent.post(`/api/imports/${id}/retry`)).statusCode).toBe(404);
    expect((await viewer.post(`/api/imports/${id}/retry`)).statusCode).toBe(403);
    expect(await getImport(admin, id)).toMatchObject({ status: 'failed' });
  });
});
