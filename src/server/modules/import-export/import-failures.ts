import type { Import, ImportEntity } from '../../../shared/contracts/import-export.js';
import { AppError } from '../../http/errors.js';
import { can, systemActor, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { DeadJob } from '../jobs/job-definition.js';
import { deadJobName, requeueOwnDeadJob } from '../jobs/jobs.service.js';
import { updateExport } from './exports.repository.js';
import { assertMayImport } from './import-context.js';
import { toImport } from './imports.mapper.js';
import { findImport, updateImport, type ImportRow } from './imports.repository.js';
import { visibleImport } from './imports.service.js';

// What happens to an import or export when the job doing its work dies (out of attempts, abandoned
// by workers that were killed, or an unreadable payload): the record is marked failed, in the
// transaction that marks the job dead, instead of showing "running" forever.

/** The import a job works on: the one whose job_id it is (the payload may be what is broken). */
function importOfJob(trx: Db, job: DeadJob) {
  if (!job.workspaceId) return Promise.resolve(undefined);
  return trx
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', job.workspaceId)
    .where('job_id', '=', job.id)
    .executeTakeFirst();
}

async function record(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  imp: ImportRow,
  action: string,
  status: string,
  now: string,
): Promise<void> {
  const after = { entity: imp.entity, fileName: imp.file_name, status };
  await recordAudit(trx, actor, { action, entityType: 'import', entityId: imp.id, after }, now);
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: action, entityType: 'import', entityId: imp.id, payload: { status, entity: imp.entity, timeline: false } },
    now,
  );
}

const DEAD_STATES: Record<string, { from: string[]; to: string; message: string }> = {
  'import.run': {
    from: ['queued', 'running'],
    to: 'failed',
    message:
      'The import stopped and could not be resumed automatically; the rows done so far are kept. Retry to continue where it stopped.',
  },
  'import.undo': {
    from: ['undoing'],
    to: 'failed',
    message: 'Undo stopped part-way; what was undone so far stays undone. Retry to finish undoing.',
  },
  'import.validate': {
    from: ['validating'],
    to: 'uploaded',
    message: 'The check stopped on an unexpected error; check the file again.',
  },
};

export async function importJobDied(ctx: AppContext, trx: Db, job: DeadJob): Promise<void> {
  const states = DEAD_STATES[job.name];
  const imp = await importOfJob(trx, job);
  if (!states || !imp || !states.from.includes(imp.status)) return;
  const now = nowIso(ctx.clock);
  await trx
    .updateTable('imports')
    .set({
      status: states.to,
      error: states.message,
      finished_at: states.to === 'failed' ? now : imp.finished_at,
      updated_at: now,
    })
    .where('workspace_id', '=', imp.workspace_id)
    .where('id', '=', imp.id)
    .where('status', 'in', states.from)
    .execute();
  if (states.to === 'failed')
    await record(ctx, trx, systemActor(imp.workspace_id, 'job queue'), imp, 'import.failed', 'failed', now);
}

/**
 * The dead-letter desk retried an import's dead job: the failed import goes back to the state the
 * job expects (queued for a run, undoing for an undo), so the job resumes it rather than skipping it.
 */
export async function importJobRetried(ctx: AppContext, trx: Db, job: DeadJob): Promise<void> {
  const imp = await importOfJob(trx, job);
  if (!imp || imp.status !== 'failed') return;
  const to = job.name === 'import.undo' ? 'undoing' : job.name === 'import.run' ? 'queued' : null;
  if (!to) return;
  await trx
    .updateTable('imports')
    .set({ status: to, error: null, finished_at: null, updated_at: nowIso(ctx.clock) })
    .where('workspace_id', '=', imp.workspace_id)
    .where('id', '=', imp.id)
    .where('status', '=', 'failed')
    .execute();
}

export async function exportJobDied(ctx: AppContext, trx: Db, job: DeadJob): Promise<void> {
  if (!job.workspaceId) return;
  const row = await trx
    .selectFrom('exports')
    .select(['id', 'status'])
    .where('workspace_id', '=', job.workspaceId)
    .where('job_id', '=', job.id)
    .executeTakeFirst();
  if (!row || !['queued', 'running'].includes(row.status)) return;
  await updateExport(trx, job.workspaceId, row.id, {
    status: 'failed',
    error: 'The export stopped on an unexpected error; export again',
    updated_at: nowIso(ctx.clock),
  });
}

export async function exportJobRetried(ctx: AppContext, trx: Db, job: DeadJob): Promise<void> {
  if (!job.workspaceId) return;
  await trx
    .updateTable('exports')
    .set({ status: 'queued', error: null, updated_at: nowIso(ctx.clock) })
    .where('workspace_id', '=', job.workspaceId)
    .where('job_id', '=', job.id)
    .where('status', '=', 'failed')
    .execute();
}

/**
 * Retry of a failed import from the import history: an import whose run stopped resumes after its
 * last committed batch; one whose undo stopped finishes undoing. The dead job is given new attempts
 * when it is still kept, otherwise a new job is queued.
 */
export async function retryImport(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  const row = await visibleImport(ctx.db, actor, id);
  if (row.status !== 'failed')
    throw new AppError('IMPORT_NOT_RUNNABLE', `The import is ${row.status}; only a failed import can be retried`);
  // an undo that died (its job, or batches it already undid, say so) is finished; otherwise the run resumes
  const deadJob = row.job_id ? await deadJobName(ctx.db, row.workspace_id, row.job_id) : null;
  const isUndo =
    deadJob === 'import.undo' ||
    Boolean(
      await ctx.db
        .selectFrom('import_batches')
        .select('id')
        .where('workspace_id', '=', row.workspace_id)
        .where('import_id', '=', row.id)
        .where('undone_at', 'is not', null)
        .executeTakeFirst(),
    );
  if (isUndo) {
    const isOwn = actor.kind === 'user' && row.created_by === actor.id;
    if (!isOwn && !can(actor, 'contacts.delete'))
      throw new AppError(
        'FORBIDDEN',
        'Only the person who ran the import, or someone with contacts.delete, can undo it',
      );
  } else {
    assertMayImport(actor, row.entity as ImportEntity);
    if (!row.file_key)
      throw new AppError('IMPORT_FILE_UNREADABLE', 'The uploaded file is no longer kept; upload it again');
  }
  const to = isUndo ? 'undoing' : 'queued';
  const job = isUndo ? 'import.undo' : 'import.run';
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const set: Partial<ImportRow> = { status: to, error: null, finished_at: null, updated_at: now };
    const isSameJob =
      row.job_id !== null && (await requeueOwnDeadJob(ctx, trx, row.workspace_id, row.job_id, job, now));
    if (!isSameJob) {
      const payload = { importId: id, workspaceId: row.workspace_id, userId: actor.kind === 'user' ? actor.id : null };
      set.job_id = (await ctx.jobs.enqueue(trx, job, payload, { workspaceId: row.workspace_id, maxAttempts: 3 })).id;
    }
    if (!(await updateImport(trx, row.workspace_id, id, set, ['failed'])))
      throw new AppError('CONFLICT', 'The import changed meanwhile; reload it');
    await record(ctx, trx, actor, row, 'import.retried', to, now);
  });
  return toImport((await findImport(ctx.db, row.workspace_id, id))!);
}
