import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { undoActivityBatch } from '../activities/activities-bulk.service.js';
import { undoCompanyBatch, undoContactBatch, type ContactBeforeImage } from '../contacts/contacts-bulk.service.js';
import { undoDealBatch } from '../pipelines/pipelines-bulk.service.js';
import { lastLiveBatch, markBatchUndone, type BatchRow, type ImportRow } from './imports.repository.js';

export interface UndoTotals {
  removed: number;
  restored: number;
  conflicts: number;
}

async function undoOne(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  entity: string,
  batch: BatchRow,
  now: string,
): Promise<UndoTotals> {
  const ref = { importId: batch.import_id, batchNo: batch.batch_no };
  const createdIds = fromJson<string[]>(batch.created_ids, []);
  const extra = fromJson<Record<string, string[]>>(batch.extra_created, {});
  const images = fromJson<unknown[]>(batch.updated, []);
  switch (entity) {
    case 'contacts':
      return undoContactBatch(
        ctx,
        trx,
        actor,
        ref,
        { createdIds, companyIds: extra.companies ?? [], images: images as ContactBeforeImage[] },
        now,
      );
    case 'companies':
      return undoCompanyBatch(
        ctx,
        trx,
        actor,
        ref,
        { createdIds, images: images as Array<{ id: string; versionAfter: number; columns: Record<string, unknown> }> },
        now,
      );
    case 'deals':
      return { ...(await undoDealBatch(ctx, trx, actor, ref, createdIds, now)), restored: 0, conflicts: 0 };
    default:
      return { ...(await undoActivityBatch(ctx, trx, actor, ref, createdIds, now)), restored: 0, conflicts: 0 };
  }
}

/**
 * Reverses an import batch by batch, newest first, each in its own transaction that also marks the
 * batch undone, so a crash part-way leaves a consistent state and a rerun finishes the rest.
 */
export async function undoBatches(
  ctx: AppContext,
  actor: Actor,
  imp: ImportRow,
  signal: AbortSignal,
  afterBatch: (totals: UndoTotals) => Promise<void> = async () => undefined,
): Promise<UndoTotals> {
  const totals: UndoTotals = { removed: 0, restored: 0, conflicts: 0 };
  for (;;) {
    if (signal.aborted) throw signal.reason ?? new Error('stopped');
    const batch = await lastLiveBatch(ctx.db, imp.workspace_id, imp.id);
    if (!batch) return totals;
    const now = nowIso(ctx.clock);
    const done = await withTransaction(ctx.db, async (trx) => {
      const result = await undoOne(ctx, trx, actor, imp.entity, batch, now);
      await markBatchUndone(trx, imp.workspace_id, batch.id, now);
      return result;
    });
    totals.removed += done.removed;
    totals.restored += done.restored;
    totals.conflicts += done.conflicts;
    await afterBatch(totals);
  }
}
