import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { createTestApp, describeEachDialect, type TestApp } from '../helpers/test-app.js';
import { jobRow, jobsNamed, metricValue, PayloadSchema, recordingJob, sleep, waitFor } from './job-test-kit.js';

describeEachDialect('job queue: enqueue, run, retry, dead letters', (dialect) => {
  let t: TestApp;
  let workers: JobWorker[];
  const clock = () => t.clock as ManualClock;
  function worker(opts: ConstructorParameters<typeof JobWorker>[1] = {}) {
    const w = new JobWorker(t.ctx, { pollIntervalMs: 20, ...opts });
    workers.push(w);
    return w;
  }

  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
    workers = [];
  });
  afterEach(async () => {
    for (const w of workers) await w.stop(1000);
    await t.close();
  });

  it('leaves no job behind when the enqueuing transaction rolls back', async () => {
    const { def } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    await expect(
      withTransaction(t.ctx.db, async (trx) => {
        await t.ctx.jobs.enqueue(trx, 'test.echo', { n: 1 });
        throw new Error('the caller failed after enqueuing');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await jobsNamed(t.ctx, 'test.echo')).toHaveLength(0);

    await withTransaction(t.ctx.db, (trx) => t.ctx.jobs.enqueue(trx, 'test.echo', { n: 2 }));
    expect((await jobsNamed(t.ctx, 'test.echo')).map((j) => j.payload)).toEqual([{ n: 2 }]);
  });

  it('runs a job once per idempotency key', async () => {
    const { def, calls } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    const first = await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 1 }, { idempotencyKey: 'invoice-42' });
    const again = await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 1 }, { idempotencyKey: 'invoice-42' });
    const other = await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 2 }, { idempotencyKey: 'invoice-43' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(other.created).toBe(true);
    expect(await worker().runDueJobs()).toBe(2);
    expect(calls.map((c) => c.n).sort()).toEqual([1, 2]);
  });

  it('does not run a delayed job before its time', async () => {
    const { def, calls } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 1 }, { delaySeconds: 60 });
    const w = worker();
    expect(await w.runDueJobs()).toBe(0);
    clock().advance(59);
    expect(await w.runDueJobs()).toBe(0);
    expect(calls).toHaveLength(0);
    clock().advance(1);
    expect(await w.runDueJobs()).toBe(1);
    expect(calls).toEqual([{ id, n: 1, attempt: 1 }]);
    expect((await jobRow(t.ctx, id)).status).toBe('succeeded');
  });

  it('records the result and progress of a job that succeeds', async () => {
    t.ctx.jobs.register({
      name: 'test.import',
      schema: PayloadSchema,
      async handler(_ctx, run) {
        await run.progress({ done: run.payload.n, of: 10 });
        return { imported: run.payload.n };
      },
    });
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.import', { n: 7 });
    await worker().runDueJobs();
    const row = await jobRow(t.ctx, id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { imported: 7 },
      progress: { done: 7, of: 10 },
      locked_by: null,
      finished_at: t.clock.now().toISOString(),
    });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metricValue(metrics.body, 'jobs_completed_total', 'name="test.import"')).toBe(1);
  });

  it('retries a failing job after the backoff and marks it dead after its last attempt', async () => {
    const { def, calls } = recordingJob(
      'test.flaky',
      async () => {
        throw new Error('SMTP server unavailable');
      },
      { maxAttempts: 3, backoff: { baseSeconds: 10, capSeconds: 100 } },
    );
    t.ctx.jobs.register(def);
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.flaky', { n: 1 });
    const w = worker({ random: () => 0.5 });

    await w.runDueJobs();
    let row = await jobRow(t.ctx, id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP server unavailable',
      locked_by: null,
    });
    // attempt 1 failed: ceiling 10 s, delay 5 s + 0.5 * 5 s
    expect(row.run_at).toBe(new Date(t.clock.now().getTime() + 7_500).toISOString());

    clock().advance(7);
    expect(await w.runDueJobs()).toBe(0);
    clock().advance(1);
    expect(await w.runDueJobs()).toBe(1);
    row = await jobRow(t.ctx, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    // attempt 2 failed: ceiling 20 s, delay 10 s + 0.5 * 10 s
    expect(row.run_at).toBe(new Date(t.clock.now().getTime() + 15_000).toISOString());

    clock().advance(15);
    await w.runDueJobs();
    row = await jobRow(t.ctx, id);
    expect(row).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'SMTP server unavailable',
      finished_at: t.clock.now().toISOString(),
    });
    clock().advance(3600);
    expect(await w.runDueJobs()).toBe(0);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metricValue(metrics, 'jobs_failed_total', 'name="test.flaky"')).toBe(3);
    expect(metricValue(metrics, 'jobs_queue_depth', 'status="dead"')).toBe(1);
  });

  it('marks a job with an invalid payload dead without running it', async () => {
    const { def, calls } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 1 });
    await t.ctx.db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ n: 'one' }) })
      .where('id', '=', id)
      .execute();
    await worker().runDueJobs();
    const row = await jobRow(t.ctx, id);
    expect(row.status).toBe('dead');
    expect(row.last_error).toMatch(/Invalid payload/);
    expect(calls).toHaveLength(0);
  });

  it('reports queue depth by status on /metrics', async () => {
    const { def } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    for (const n of [1, 2, 3]) await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n });
    await t.ctx.jobs.enqueue(t.ctx.db, 'test.echo', { n: 4 }, { delaySeconds: 3600 });
    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metricValue(body, 'jobs_queue_depth', 'status="pending"')).toBe(3);
    expect(metricValue(body, 'jobs_queue_depth', 'status="scheduled"')).toBe(1);
    expect(metricValue(body, 'jobs_queue_depth', 'status="running"')).toBe(0);
  });

  it('wakes a polling worker as soon as a job is enqueued in this process', async () => {
    const { def, calls } = recordingJob('test.echo');
    t.ctx.jobs.register(def);
    await worker({ pollIntervalMs: 600_000 }).start();
    await sleep(50); // the first poll has found nothing
    await withTransaction(t.ctx.db, (trx) => t.ctx.jobs.enqueue(trx, 'test.echo', { n: 1 }));
    await waitFor(() => calls.length === 1, 'the enqueued job to run', 5000);
  });

  it('on stop, hands an unfinished job back to the queue and aborts its handler', async () => {
    let signal: AbortSignal | undefined;
    const { def } = recordingJob('test.slow', (_p, _a, s) => {
      signal = s;
      return new Promise(() => undefined); // never finishes on its own
    });
    t.ctx.jobs.register(def);
    const w = worker();
    await w.start();
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.slow', { n: 1 });
    await waitFor(() => signal, 'the handler to start');
    expect((await jobRow(t.ctx, id)).status).toBe('running');
    await w.stop(50);
    expect(signal!.aborted).toBe(true);
    expect(await jobRow(t.ctx, id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      locked_by: null,
      locked_until: null,
    });
  });

  it('ignores the outcome from a worker whose lease expired while another worker re-runs the job', async () => {
    const gates = new Map<number, () => void>();
    const outcomes: string[] = [];
    t.ctx.jobs.register({
      ...recordingJob('test.report').def,
      leaseSeconds: 30,
      async handler(_ctx, run) {
        await new Promise<void>((resolve) => gates.set(run.attempt, resolve));
        outcomes.push(`attempt ${run.attempt}`);
        return { by: `attempt ${run.attempt}` };
      },
    });
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.report', { n: 1 });
    const slowRun = worker({ workerId: 'slow' }).runDueJobs();
    await waitFor(() => gates.has(1), 'the first attempt to start');
    expect(await worker({ workerId: 'fast' }).runDueJobs()).toBe(0); // the lease is still held
    clock().advance(31);
    const fastRun = worker({ workerId: 'fast' }).runDueJobs();
    await waitFor(() => gates.has(2), 'the second attempt to start');

    gates.get(1)!(); // the first worker finishes late, after losing its lease
    await slowRun;
    expect(await jobRow(t.ctx, id)).toMatchObject({ status: 'running', locked_by: 'fast', attempts: 2, result: null });
    gates.get(2)!();
    await fastRun;
    expect(outcomes).toEqual(['attempt 1', 'attempt 2']);
    expect(await jobRow(t.ctx, id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { by: 'attempt 2' } });
  });
});
