import type { ImportEntity, ImportIssue, ValidationReport } from '../../../shared/contracts/import-export.js';
import { fromJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { EntityImporter } from './adapters/types.js';
import { pathOf } from './files/storage.js';
import { importerFor } from './import-context.js';
import { commitBatch } from './import-commit.js';
import { optionsOf } from './imports.mapper.js';
import { findImport, type ImportRow } from './imports.repository.js';
import { readRows, type SourceRow, type SourceSpec } from './parsing/row-source.js';

/** Problems kept in a validation report; the count covers them all. */
const MAX_REPORTED_ISSUES = 1000;

export function sourceSpec(ctx: AppContext, imp: ImportRow): SourceSpec {
  if (!imp.file_key)
    throw new AppError('IMPORT_FILE_UNREADABLE', 'The uploaded file is no longer kept; upload it again');
  return {
    file: pathOf(ctx.config, imp.file_key),
    format: imp.format as SourceSpec['format'],
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    sheet: imp.sheet,
    headers: fromJson<string[]>(imp.headers, []),
  };
}

/** Data rows (after the header) in batches; batches before `skip` are read past without being returned. */
export async function* batchesOf(
  spec: SourceSpec,
  size: number,
  skip = 0,
): AsyncGenerator<{ batchNo: number; rows: SourceRow[] }> {
  let batchNo = 0;
  let rows: SourceRow[] = [];
  let skippedInBatch = 0;
  let isHeader = true;
  for await (const row of readRows(spec)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    if (batchNo < skip) {
      if (++skippedInBatch === size) [batchNo, skippedInBatch] = [batchNo + 1, 0];
      continue;
    }
    rows.push(row);
    if (rows.length === size) {
      yield { batchNo, rows };
      [batchNo, rows] = [batchNo + 1, []];
    }
  }
  if (rows.length && batchNo >= skip) yield { batchNo, rows };
}

function setupOf(imp: ImportRow) {
  return {
    entity: imp.entity as ImportEntity,
    headers: fromJson<string[]>(imp.headers, []),
    mapping: fromJson<Array<string | null>>(imp.mapping, []),
    options: optionsOf(imp),
  };
}

/**
 * The dry run: every row is read, converted, validated and matched against existing records, and
 * nothing is written. Returns what a run would do and the problems, row by row.
 */
export async function validateRows(
  ctx: AppContext,
  actor: Actor,
  imp: ImportRow,
  onBatch?: (rowsDone: number) => Promise<void>,
): Promise<ValidationReport> {
  const importer = await importerFor(ctx, actor, setupOf(imp));
  const report: ValidationReport = {
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    wouldCreate: 0,
    wouldUpdate: 0,
    wouldSkip: 0,
    issueCount: 0,
    issues: [],
  };
  for await (const { rows } of batchesOf(sourceSpec(ctx, imp), imp.batch_size)) {
    const { rows: planned } = await importer.plan(rows);
    for (const row of planned) {
      report.totalRows++;
      if (row.status === 'invalid') {
        report.invalidRows++;
        report.issueCount += row.issues.length;
        for (const issue of row.issues) if (report.issues.length < MAX_REPORTED_ISSUES) report.issues.push(issue);
        continue;
      }
      report.validRows++;
      if (row.status === 'create') report.wouldCreate++;
      else if (row.status === 'skip') report.wouldSkip++;
      else report.wouldUpdate++;
    }
    await onBatch?.(report.totalRows);
  }
  return report;
}

export interface RunControl {
  signal: AbortSignal;
  /** Called after each committed batch with the import as it is now. */
  afterBatch(imp: ImportRow): Promise<void>;
}

/**
 * Runs an import from its resume point (the batches already committed are read past, not written
 * again) to the end of the file, one transaction per batch. Stops early when the import is
 * cancelled or the job is asked to stop; a later run continues where this one stopped.
 */
export async function runBatches(
  ctx: AppContext,
  actor: Actor,
  imp: ImportRow,
  control: RunControl,
): Promise<'finished' | 'cancelled'> {
  const importer = (await importerFor(ctx, actor, setupOf(imp))) as EntityImporter<unknown>;
  const issueOf = (line: number, err: AppError): ImportIssue => ({
    row: line,
    column: err.extra.field ? columnFor(imp, err.extra.field) : null,
    problem: err.detail ?? err.message,
  });
  for await (const { batchNo, rows } of batchesOf(sourceSpec(ctx, imp), imp.batch_size, imp.batches_done)) {
    if (control.signal.aborted) throw control.signal.reason ?? new Error('stopped');
    const current = await findImport(ctx.db, imp.workspace_id, imp.id);
    if (!current || current.status === 'cancelled') return 'cancelled';
    const { rows: planned, state } = await importer.plan(rows);
    await commitBatch(
      ctx,
      importer,
      { importId: imp.id, workspaceId: imp.workspace_id, batchNo, planned, state, issueOf },
      nowIso(ctx.clock),
    );
    await control.afterBatch((await findImport(ctx.db, imp.workspace_id, imp.id))!);
  }
  return 'finished';
}

/** The header of the column mapped to a record field named in an error (first match), if any. */
function columnFor(imp: ImportRow, field: string): string | null {
  const headers = fromJson<string[]>(imp.headers, []);
  const mapping = fromJson<Array<string | null>>(imp.mapping, []);
  const wanted = field === 'emails' ? 'email' : field === 'phones' ? 'phone' : field;
  const i = mapping.findIndex((m) => m === wanted);
  return i >= 0 ? (headers[i] ?? null) : null;
}
