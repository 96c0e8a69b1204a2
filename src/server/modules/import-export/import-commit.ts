import type { Transaction } from 'kysely';
import type { ImportIssue } from '../../../shared/contracts/import-export.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { emptyWritten, type EntityImporter, type PlannedRow, type WrittenRows } from './adapters/types.js';
import { advanceImport, insertBatch, withSavepoint, type BatchCounts } from './imports.repository.js';

/** A row that failed: where it is, what it held, and why. */
export interface FailedRow {
  line: number;
  cells: string[];
  issues: ImportIssue[];
}

export interface CommitInput {
  importId: string;
  workspaceId: string;
  batchNo: number;
  planned: PlannedRow[];
  state: unknown;
  /** Turns a refusal while writing (a rule only the database can check) into the row's issue. */
  issueOf: (line: number, err: AppError) => ImportIssue;
}

function unitsOf(planned: PlannedRow[]): Map<number, number[]> {
  const units = new Map<number, number[]>();
  planned.forEach((row, i) => {
    if (row.status !== 'create' && row.status !== 'update' && row.status !== 'merge') return;
    units.set(row.unit, [...(units.get(row.unit) ?? []), i]);
  });
  return units;
}

function mergeWritten(into: WrittenRows, part: WrittenRows): void {
  for (const [i, outcome] of part.outcomes) into.outcomes.set(i, outcome);
  into.createdIds.push(...part.createdIds);
  into.images.push(...part.images);
  for (const [kind, ids] of Object.entries(part.extraCreated))
    into.extraCreated[kind] = [...(into.extraCreated[kind] ?? []), ...ids];
}

/**
 * Commits one batch: its records, the batch's undo data and failed rows, and the import's counts
 * and resume point, in one transaction. Written all together first; when a rule refuses a row the
 * batch is written again unit by unit (each in a savepoint) so only the refused rows fail.
 */
export async function commitBatch(
  ctx: AppContext,
  importer: EntityImporter<unknown>,
  input: CommitInput,
  now: string,
): Promise<BatchCounts> {
  const units = unitsOf(input.planned);
  const all = [...units.values()].flat();
  try {
    return await withTransaction(ctx.db, async (trx) => {
      const written = all.length ? await importer.write(trx, input.state, all, now) : emptyWritten();
      return finish(trx, importer, input, written, new Map(), now);
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  return withTransaction(ctx.db, async (trx) => {
    const written = emptyWritten();
    const refused = new Map<number, ImportIssue>();
    for (const indexes of units.values()) {
      try {
        mergeWritten(written, await withSavepoint(trx, () => importer.write(trx, input.state, indexes, now)));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        for (const i of indexes) refused.set(i, input.issueOf(input.planned[i].line, err));
      }
    }
    return finish(trx, importer, input, written, refused, now);
  });
}

async function finish(
  trx: Transaction<DB>,
  importer: EntityImporter<unknown>,
  input: CommitInput,
  written: WrittenRows,
  refused: Map<number, ImportIssue>,
  now: string,
): Promise<BatchCounts> {
  const failures: FailedRow[] = [];
  const counts: BatchCounts = { rows: input.planned.length, created: 0, updated: 0, skipped: 0, failed: 0 };
  input.planned.forEach((row, i) => {
    const outcome = written.outcomes.get(i);
    if (refused.has(i)) {
      counts.failed++;
      failures.push({ line: row.line, cells: row.cells, issues: [refused.get(i)!] });
    } else if (row.status === 'invalid') {
      counts.failed++;
      failures.push({ line: row.line, cells: row.cells, issues: row.issues });
    } else if (outcome === 'created') counts.created++;
    else if (outcome === 'updated') counts.updated++;
    else counts.skipped++;
  });
  await insertBatch(trx, {
    id: newId(),
    workspace_id: input.workspaceId,
    import_id: input.importId,
    batch_no: input.batchNo,
    first_row: input.planned[0]?.line ?? 0,
    row_count: input.planned.length,
    created_ids: toJson(written.createdIds),
    extra_created: toJson(written.extraCreated),
    updated: toJson(written.images),
    failures: toJson(failures),
    created_count: counts.created,
    updated_count: counts.updated,
    skipped_count: counts.skipped,
    failed_count: counts.failed,
    undone_at: null,
    created_at: now,
    updated_at: now,
  });
  if (!(await advanceImport(trx, input.workspaceId, input.importId, input.batchNo, counts, now)))
    throw new Error(`Batch ${input.batchNo} of import ${input.importId} was committed twice`);
  if (written.createdIds.length || written.images.length)
    await importer.record(trx, { importId: input.importId, batchNo: input.batchNo }, written, now);
  return counts;
}
