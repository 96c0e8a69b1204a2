import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../helpers/databases.js';
import { describeEachDialect } from '../helpers/test-app.js';
import { waitFor } from '../jobs/job-test-kit.js';
import { createImportApp, getImport, seeded, upload } from './helpers.js';

const WORKER = path.join(import.meta.dirname, 'fixtures', 'import-worker.ts');
const ROWS = 600;
const BATCH = 50;
const CSV = `Nama,HP\n${Array.from({ length: ROWS }, (_, i) => `Siswa ${i + 1},+62 812-6${String(100000 + i).padStart(7, '0')}`).join('\n')}\n`;

// The "Crash" general test of issue 20: the worker running an import is killed with SIGKILL three
// times in a row, each time after it committed at least one batch. The import must end completed,
// or failed and resumable (Retry then completes it); no contact twice; the database intact.
describeEachDialect('an import whose worker is killed -9 three times', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  let child: ChildProcess | null = null;
  const sqliteFile = path.join(os.tmpdir(), `crm-crash-${crypto.randomBytes(4).toString('hex')}.sqlite`);
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile + suffix, { force: true });
  });

  function startWorker(n: number): Promise<void> {
    const env = {
      ...process.env,
      CRASH_DATA_DIR: t.dataDir,
      CRASH_WORKER_ID: `worker-${n}`,
      ...(dialect === 'postgres'
        ? { CRASH_DATABASE_URL: TEST_DATABASE_URL, CRASH_PG_SCHEMA: t.testDb.name }
        : { CRASH_SQLITE_FILE: t.testDb.name }),
    };
    // node --import tsx (not the tsx CLI): the pid killed is the worker itself, not a launcher
    const proc = spawn(process.execPath, ['--import', 'tsx', WORKER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    return new Promise((resolve, reject) => {
      proc.stdout!.on('data', (d) => String(d).includes('started') && resolve());
      proc.once('exit', (code, signal) => reject(new Error(`worker exited early (${code ?? signal}): ${stderr}`)));
    });
  }

  async function kill(): Promise<void> {
    const proc = child!;
    const exited = new Promise((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
    process.kill(proc.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');
    child = null;
  }

  const importRow = (id: string) =>
    t.ctx.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('ends completed, or failed and resumable, with no contact twice and the database intact', async () => {
    t = await createImportApp(dialect, dialect === 'sqlite' ? { sqliteFile } : {});
    const { admin, workspace } = await seeded(t);
    const created = (await upload(admin, 'siswa.csv', CSV)).json();
    // small batches, so the file spans many transactions and each kill lands part-way
    await t.ctx.db.updateTable('imports').set({ batch_size: BATCH }).where('id', '=', created.id).execute();
    expect((await admin.post(`/api/imports/${created.id}/run`)).statusCode).toBe(202);

    let done = 0;
    let kills = 0;
    for (let round = 1; round <= 3; round++) {
      await startWorker(round);
      const progressed = await waitFor(
        async () => {
          const row = await importRow(created.id);
          return row.status !== 'running' && row.status !== 'queued' ? row : row.rows_done > done ? row : null;
        },
        `batches committed in round ${round}`,
        60_000,
      );
      if (progressed!.status !== 'running') break; // finished before the kill: nothing left to interrupt
      await kill();
      kills++;
      done = (await importRow(created.id)).rows_done;
      expect(done).toBeLessThanOrEqual(ROWS);
      expect(done % BATCH).toBe(0); // only whole batches were committed
      // the dead worker's lease would run out after two minutes; let it have run out
      await t.ctx.db
        .updateTable('jobs')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('status', '=', 'running')
        .execute();
    }

    await startWorker(4);
    let outcome = await waitFor(
      async () => {
        const imp = await getImport(admin, created.id);
        return ['completed', 'failed'].includes(imp.status) ? imp : null;
      },
      'the import to end',
      60_000,
    );
    // each kill cost the job an attempt: after the third its next claim finds it abandoned too
    // often, and the import is marked failed (it stayed "running" forever before)
    expect(kills).toBe(3);
    expect(outcome!.status).toBe('failed');
    if (outcome!.status === 'failed') {
      // three abandoned attempts used up the job's attempts: failed, kept, and resumable
      expect(outcome!.counts.rowsDone).toBe(done);
      expect(outcome!.canUndo).toBe(done > 0);
      expect((await admin.post(`/api/imports/${created.id}/retry`)).statusCode).toBe(202);
      outcome = await waitFor(
        async () => {
          const imp = await getImport(admin, created.id);
          return imp.status === 'completed' || imp.status === 'failed' ? imp : null;
        },
        'the retried import to end',
        60_000,
      );
    }
    expect(outcome).toMatchObject({ status: 'completed', counts: { rowsDone: ROWS, created: ROWS, failed: 0 } });
    // the import is completed inside its job's last transaction; the worker then marks the job
    // itself done: wait for that before the last kill, which would otherwise leave it leased
    await waitFor(
      async () => {
        const open = await t.ctx.db
          .selectFrom('jobs')
          .select('id')
          .where('name', 'like', 'import.%')
          .where('status', 'in', ['pending', 'running'])
          .execute();
        return open.length === 0 ? true : null;
      },
      "the import's job to finish",
      60_000,
    );
    await kill();

    // no duplicates: one contact and one phone per row
    const counts = await t.ctx.db
      .selectFrom('contact_phones')
      .select([(eb) => eb.fn.countAll<number>().as('phones'), sql<number>`count(distinct e164)`.as('distinct')])
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(Number(counts.phones)).toBe(ROWS);
    expect(Number(counts.distinct)).toBe(ROWS);
    const contacts = await t.ctx.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(Number(contacts.n)).toBe(ROWS);
    const batches = await t.ctx.db
      .selectFrom('import_batches')
      .select('batch_no')
      .where('import_id', '=', created.id)
      .orderBy('batch_no')
      .execute();
    expect(batches.map((b) => b.batch_no)).toEqual(Array.from({ length: ROWS / BATCH }, (_, i) => i));
    const search = await t.ctx.db
      .selectFrom('contact_search')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(Number(search.n)).toBe(ROWS);
    // the import's jobs only: a cron job may have been running when the last worker was killed
    const stuck = await t.ctx.db
      .selectFrom('jobs')
      .select(['name', 'status'])
      .where('name', 'like', 'import.%')
      .where('status', 'in', ['running', 'dead'])
      .execute();
    expect(stuck).toEqual([]);
    if (dialect === 'sqlite') {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.ctx.db);
      expect(rows).toEqual([{ integrity_check: 'ok' }]);
    }
  }, 300_000);
});
