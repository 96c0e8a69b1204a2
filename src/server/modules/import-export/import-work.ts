import type { Import } from '../../../shared/contracts/import-export.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { JobRun } from '../jobs/job-definition.js';
import { removeFile } from './files/storage.js';
import { actorForJob } from './import-context.js';
import { runBatches, validateRows } from './import-runner.js';
import { undoBatches } from './import-undo.js';
import { toImport } from './imports.mapper.js';
import { findImport, updateImport, type ImportRow } from './imports.repository.js';
import { assertMappingUsable, visibleImport } from './imports.service.js';

// The work behind the import jobs: validate, run, undo. Each reads the import first and does
// nothing unless it is in the state the job was queued for (a job may run twice).

export const IMPORT_JOB_ATTEMPTS = 3;

export interface ImportJobPayload {
  importId: string;
  workspaceId: string;
  /** Who asked for the work (undo may be asked by someone other than the importer). */
  userId?: string | null;
}

async function finish(
  ctx: AppContext,
  actor: Actor,
  imp: ImportRow,
  status: string,
  action: 'import.completed' | 'import.failed' | 'import.undone',
  extra: Record<string, unknown>,
): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    await updateImport(trx, imp.workspace_id, imp.id, { status, updated_at: now, ...extra });
    const after = { entity: imp.entity, fileName: imp.file_name, status, ...extra };
    await recordAudit(trx, actor, { action, entityType: 'import', entityId: imp.id, after }, now);
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: action,
        entityType: 'import',
        entityId: imp.id,
        payload: { status, entity: imp.entity },
      },
      now,
    );
  });
}

const messageOf = (err: unknown) =>
  err instanceof AppError
    ? (err.detail ?? err.message)
    : 'The import stopped on an unexpected error; the rows done so far are kept';

export async function validateImportJob(ctx: AppContext, run: JobRun<ImportJobPayload>): Promise<unknown> {
  const imp = await findImport(ctx.db, run.payload.workspaceId, run.payload.importId);
  if (!imp || imp.status !== 'validating') return { skipped: true };
  const actor = await actorForJob(ctx, imp.workspace_id, imp.created_by, imp.created_by_name);
  try {
    const report = await validateRows(ctx, actor, imp, (rowsDone) => run.progress({ rowsDone }));
    await updateImport(
      ctx.db,
      imp.workspace_id,
      imp.id,
      { status: 'validated', validation: toJson(report), total_rows: report.totalRows, updated_at: nowIso(ctx.clock) },
      ['validating'],
    );
    return { totalRows: report.totalRows, invalidRows: report.invalidRows };
  } catch (err) {
    if (!(err instanceof AppError) && run.attempt < IMPORT_JOB_ATTEMPTS) throw err;
    await updateImport(
      ctx.db,
      imp.workspace_id,
      imp.id,
      { status: 'uploaded', error: messageOf(err), updated_at: nowIso(ctx.clock) },
      ['validating'],
    );
    return { error: messageOf(err) };
  }
}

/** Validates now, in the request (JSON rows of integrations, at most 20,000). */
export async function validateNow(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  const imp = await visibleImport(ctx.db, actor, id);
  await assertMappingUsable(ctx, actor, imp);
  const report = await validateRows(ctx, actor, imp);
  await updateImport(ctx.db, imp.workspace_id, imp.id, {
    status: 'validated',
    validation: toJson(report),
    total_rows: report.totalRows,
    updated_at: nowIso(ctx.clock),
  });
  return toImport((await findImport(ctx.db, actor.workspaceId, id))!);
}

export async function runImportJob(ctx: AppContext, run: JobRun<ImportJobPayload>): Promise<unknown> {
  const found = await findImport(ctx.db, run.payload.workspaceId, run.payload.importId);
  if (!found || !['queued', 'running'].includes(found.status)) return { skipped: true };
  const now = nowIso(ctx.clock);
  await updateImport(
    ctx.db,
    found.workspace_id,
    found.id,
    { status: 'running', started_at: found.started_at ?? now, updated_at: now },
    ['queued', 'running'],
  );
  const imp = (await findImport(ctx.db, found.workspace_id, found.id))!;
  const actor = await actorForJob(ctx, imp.workspace_id, imp.created_by, imp.created_by_name);
  try {
    const outcome = await runBatches(ctx, actor, imp, {
      signal: run.signal,
      afterBatch: (current) =>
        run.progress({
          rowsDone: current.rows_done,
          created: current.created_count,
          updated: current.updated_count,
          skipped: current.skipped_count,
          failed: current.failed_count,
          totalRows: current.total_rows,
        }),
    });
    const done = (await findImport(ctx.db, imp.workspace_id, imp.id))!;
    if (outcome === 'finished') {
      await finish(ctx, actor, done, 'completed', 'import.completed', {
        finished_at: nowIso(ctx.clock),
        total_rows: done.rows_done,
        file_key: null,
      });
      await removeFile(ctx.config, imp.file_key);
    }
    return { outcome, rowsDone: done.rows_done };
  } catch (err) {
    if (run.signal.aborted) throw err; // stopping: the job is handed back and resumes later
    if (!(err instanceof AppError) && run.attempt < IMPORT_JOB_ATTEMPTS) throw err;
    await finish(ctx, actor, imp, 'failed', 'import.failed', { error: messageOf(err), finished_at: nowIso(ctx.clock) });
    if (!(err instanceof AppError)) throw err;
    return { error: messageOf(err) };
  }
}

export async function undoImportJob(ctx: AppContext, run: JobRun<ImportJobPayload>): Promise<unknown> {
  const imp = await findImport(ctx.db, run.payload.workspaceId, run.payload.importId);
  if (!imp || imp.status !== 'undoing') return { skipped: true };
  const actor = await actorForJob(ctx, imp.workspace_id, run.payload.userId ?? imp.created_by, imp.created_by_name);
  const totals = await undoBatches(ctx, actor, imp, run.signal, (t) => run.progress({ ...t }));
  await finish(ctx, actor, imp, 'undone', 'import.undone', { undone_at: nowIso(ctx.clock) });
  return totals;
}
