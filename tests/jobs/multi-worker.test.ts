import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import { enqueueDueRecurringJobs } from '../../src/server/modules/jobs/recurring.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { createTestApp, describeEachDialect, type TestApp } from '../helpers/test-app.js';
import { jobsNamed, recordingJob, sleep, waitFor } from './job-test-kit.js';

describeEachDialect('several workers on one database', (dialect) => {
  let t: TestApp;
  let workers: JobWorker[];

  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
    workers = [];
  });
  afterEach(async () => {
    for (const w of workers) await w.stop(1000);
    await t.close();
  });

  async function startWorkers(...ids: string[]) {
    for (const workerId of ids) {
      const w = new JobWorker(t.ctx, { workerId, concurrency: 4, pollIntervalMs: 5 });
      workers.push(w);
    }
    await Promise.all(workers.map((w) => w.start()));
  }

  it('never runs one job twice or at the same time', async () => {
    const runs = new Map<number, number>();
    const active = new Set<number>();
    const byWorker = new Map<string, number>();
    let overlaps = 0;
    t.ctx.jobs.register({
      ...recordingJob('test.send').def,
      async handler(ctx, run) {
        if (active.has(run.payload.n)) overlaps++;
        active.add(run.payload.n);
        runs.set(run.payload.n, (runs.get(run.payload.n) ?? 0) + 1);
        const row = await ctx.db
          .selectFrom('jobs')
          .select('locked_by')
          .where('id', '=', run.id)
          .executeTakeFirstOrThrow();
        byWorker.set(row.locked_by!, (byWorker.get(row.locked_by!) ?? 0) + 1);
        await sleep(3);
        active.delete(run.payload.n);
      },
    });
    for (let n = 0; n < 50; n++) await t.ctx.jobs.enqueue(t.ctx.db, 'test.send', { n });
    await startWorkers('node-a', 'node-b');
    await waitFor(
      async () => (await jobsNamed(t.ctx, 'test.send')).every((j) => j.status === 'succeeded'),
      'all 50 jobs to finish',
      20_000,
    );

    expect(overlaps).toBe(0);
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(byWorker.get('node-a')).toBeGreaterThan(0);
    expect(byWorker.get('node-b')).toBeGreaterThan(0);
    expect((await jobsNamed(t.ctx, 'test.send')).every((j) => j.attempts === 1)).toBe(true);
  });

  it('enqueues a recurring job once per occurrence, however many workers watch the schedule', async () => {
    const { def, calls } = recordingJob('test.digest');
    t.ctx.jobs.register(def);
    t.ctx.jobs.registerRecurring({ name: 'test.digest', cron: '*/5 * * * *', payload: { n: 0 } });
    const clock = t.clock as ManualClock; // starts at 2026-01-05T09:00:00Z
    await startWorkers('node-a', 'node-b');
    await sleep(50);
    expect(await jobsNamed(t.ctx, 'test.digest')).toHaveLength(0);

    clock.advance(5 * 60);
    await waitFor(() => calls.length >= 1, 'the 09:05 occurrence to run');
    await sleep(100); // both workers have polled the schedule several times since
    expect((await jobsNamed(t.ctx, 'test.digest')).map((j) => j.idempotency_key)).toEqual([
      'test.digest@2026-01-05T09:05:00.000Z',
    ]);

    clock.advance(5 * 60);
    await Promise.all([enqueueDueRecurringJobs(t.ctx), enqueueDueRecurringJobs(t.ctx)]);
    await waitFor(() => calls.length >= 2, 'the 09:10 occurrence to run');
    await sleep(100);
    expect(calls).toHaveLength(2);

    // A schedule missed for an hour (every node down) runs once, then resumes from now.
    clock.advance(60 * 60);
    await waitFor(() => calls.length >= 3, 'the catch-up occurrence to run');
    await sleep(100);
    const keys = (await jobsNamed(t.ctx, 'test.digest')).map((j) => j.idempotency_key);
    expect(keys).toEqual([
      'test.digest@2026-01-05T09:05:00.000Z',
      'test.digest@2026-01-05T09:10:00.000Z',
      'test.digest@2026-01-05T09:15:00.000Z',
    ]);
    const schedule = await t.ctx.db
      .selectFrom('recurring_jobs')
      .selectAll()
      .where('name', '=', 'test.digest')
      .executeTakeFirstOrThrow();
    expect(schedule.next_run_at).toBe('2026-01-05T10:15:00.000Z');
  });
});
