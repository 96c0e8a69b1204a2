import { afterEach, expect, it } from 'vitest';
import type { JobRun } from '../../src/server/modules/jobs/job-definition.js';
import { describeEachDialect } from '../helpers/test-app.js';
import { createImportApp, getImport, runJobs, seeded, upload } from './helpers.js';

const ROWS = 10;
const CSV = `Nama,HP\n${Array.from({ length: ROWS }, (_, i) => `Orang Tua ${i + 1},0812-7777-${String(1000 + i)}`).join('\n')}\n`;

describeEachDialect('import crash safety', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  async function queuedImport() {
    const { admin, workspace } = await seeded(t);
    const created = (await upload(admin, 'banyak.csv', CSV)).json();
    // small batches so the file spans several transactions
    await t.ctx.db.updateTable('imports').set({ batch_size: 3 }).where('id', '=', created.id).execute();
    expect((await admin.post(`/api/imports/${created.id}/run`)).statusCode).toBe(202);
    return { admin, workspace, id: created.id as string };
  }

  function runOf(
    workspaceId: string,
    importId: string,
    attempt: number,
    onProgress: () => void = () => undefined,
  ): JobRun<{ importId: string; workspaceId: string }> & { controller: AbortController } {
    const controller = new AbortController();
    return {
      id: `job-${attempt}`,
      workspaceId,
      payload: { importId, workspaceId },
      attempt,
      signal: controller.signal,
      controller,
      progress: async () => onProgress(),
    };
  }

  it('a job stopped after two batches continues from the third when run again, with no row twice', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace, id } = await queuedImport();
    const handler = t.ctx.jobs.definitions.get('import.run')!.handler;

    let batches = 0;
    const first = runOf(workspace.id, id, 1, () => {
      if (++batches === 2) first.controller.abort(new Error('the process died'));
    });
    await expect(handler(t.ctx, first)).rejects.toThrow('the process died');
    const halfway = await getImport(admin, id);
    expect(halfway).toMatchObject({ status: 'running', counts: { rowsDone: 6, created: 6 } });
    const contactsNow = await t.ctx.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(contactsNow).toHaveLength(6);

    await handler(t.ctx, runOf(workspace.id, id, 2));
    const done = await getImport(admin, id);
    expect(done).toMatchObject({
      status: 'completed',
      counts: { rowsDone: ROWS, created: ROWS, skipped: 0, failed: 0 },
    });
    const phones = await t.ctx.db
      .selectFrom('contact_phones')
      .select('e164')
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(phones).toHaveLength(ROWS);
    expect(new Set(phones.map((p) => p.e164)).size).toBe(ROWS);
    const batchesDone = await t.ctx.db
      .selectFrom('import_batches')
      .select('batch_no')
      .where('import_id', '=', id)
      .orderBy('batch_no')
      .execute();
    expect(batchesDone.map((b) => b.batch_no)).toEqual([0, 1, 2, 3]);

    // a duplicate delivery of the finished job changes nothing
    await handler(t.ctx, runOf(workspace.id, id, 3));
    expect(
      await t.ctx.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspace.id).execute(),
    ).toHaveLength(ROWS);
  });

  it('undo after a crash part-way finishes the remaining batches only', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace, id } = await queuedImport();
    await runJobs(t);
    expect((await getImport(admin, id)).counts.created).toBe(ROWS);
    await admin.post(`/api/imports/${id}/undo`);
    const handler = t.ctx.jobs.definitions.get('import.undo')!.handler;
    // undo walks batches newest first; the process dies after the first one
    const first = runOf(workspace.id, id, 1, () => first.controller.abort(new Error('the process died')));
    await expect(handler(t.ctx, first)).rejects.toThrow('the process died');
    const live = async () =>
      (
        await t.ctx.db
          .selectFrom('contacts')
          .select('id')
          .where('workspace_id', '=', workspace.id)
          .where('deleted_at', 'is', null)
          .execute()
      ).length;
    expect(await live()).toBe(ROWS - 1); // the last batch held the tenth row only
    await handler(t.ctx, runOf(workspace.id, id, 2));
    expect(await live()).toBe(0);
    expect(await getImport(admin, id)).toMatchObject({ status: 'undone' });
  });

  it('cancelling stops a queued import before it writes', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace, id } = await queuedImport();
    const cancelled = await admin.post(`/api/imports/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    await runJobs(t);
    expect(
      await t.ctx.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspace.id).execute(),
    ).toHaveLength(0);
    expect((await admin.post(`/api/imports/${id}/run`)).json()).toMatchObject({
      status: 409,
      code: 'IMPORT_NOT_RUNNABLE',
    });
  });
});
