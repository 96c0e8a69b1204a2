import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import { TEST_DATABASE_URL } from '../helpers/databases.js';
import { createTestApp, describeEachDialect, type TestApp } from '../helpers/test-app.js';
import { jobRow, recordingJob, waitFor } from './job-test-kit.js';

const DOOMED_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'doomed-worker.ts');
const LEASE_SECONDS = 2;

describeEachDialect('a worker killed mid-job (kill -9)', (dialect) => {
  let t: TestApp;
  let tmpDir: string;
  let child: ChildProcess | null;
  let survivor: JobWorker | null;

  beforeEach(async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-jobs-'));
    t = await createTestApp(dialect, dialect === 'sqlite' ? { sqliteFile: path.join(tmpDir, 'crm.sqlite') } : {});
    child = null;
    survivor = null;
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await survivor?.stop(1000);
    await t.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  /** Starts the doomed worker in its own process; resolves with the id of the job it claimed. */
  function startDoomedWorker(): Promise<string> {
    const env = {
      ...process.env,
      CRASH_LEASE_SECONDS: String(LEASE_SECONDS),
      ...(dialect === 'postgres'
        ? { CRASH_DATABASE_URL: TEST_DATABASE_URL, CRASH_PG_SCHEMA: t.testDb.name }
        : { CRASH_SQLITE_FILE: t.testDb.name }),
    };
    // node --import tsx (not the tsx CLI) so the pid we kill is the worker itself, not a launcher.
    child = spawn(process.execPath, ['--import', 'tsx', DOOMED_WORKER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    return new Promise((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        const claimed = /claimed (\S+)/.exec(out);
        if (claimed) resolve(claimed[1]);
      });
      child!.on('exit', (code, signal) =>
        reject(new Error(`doomed worker exited early (${code ?? signal}): ${stderr}`)),
      );
    });
  }

  it('runs the job again once the lease has expired, and it succeeds', async () => {
    const { def, calls } = recordingJob('test.crash', async (p) => ({ recovered: p.n }), {
      leaseSeconds: LEASE_SECONDS,
    });
    t.ctx.jobs.register(def);
    const { id } = await t.ctx.jobs.enqueue(t.ctx.db, 'test.crash', { n: 7 });

    expect(await startDoomedWorker()).toBe(id);
    const exited = new Promise((resolve) => child!.once('exit', (_code, signal) => resolve(signal)));
    process.kill(child!.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');

    survivor = new JobWorker(t.ctx, { workerId: 'survivor', pollIntervalMs: 50 });
    // The dead worker's lease has not run out yet: nobody may take the job over.
    expect(await jobRow(t.ctx, id)).toMatchObject({ status: 'running', locked_by: 'doomed', attempts: 1 });
    expect(await survivor.runDueJobs()).toBe(0);

    await survivor.start();
    await waitFor(async () => (await jobRow(t.ctx, id)).status === 'succeeded', 'the job to be recovered', 15_000);
    expect(calls).toEqual([{ id, n: 7, attempt: 2 }]);
    expect(await jobRow(t.ctx, id)).toMatchObject({ attempts: 2, result: { recovered: 7 }, locked_by: null });
  });
});
