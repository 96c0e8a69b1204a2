import { ImportOptions, type Import, type ValidationReport } from '../../../shared/contracts/import-export.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { ImportRow } from './imports.repository.js';

const UNDOABLE = new Set(['completed', 'failed', 'cancelled']);

export function optionsOf(row: Pick<ImportRow, 'options'>): ImportOptions {
  return ImportOptions.parse(fromJson<Record<string, unknown>>(row.options, {}));
}

export function toImport(r: ImportRow): Import {
  return {
    id: r.id,
    entity: r.entity as Import['entity'],
    status: r.status as Import['status'],
    fileName: r.file_name,
    format: r.format as Import['format'],
    fileSize: Number(r.file_size),
    encoding: r.encoding,
    delimiter: r.delimiter,
    sheets: fromJson<string[]>(r.sheets, []),
    sheet: r.sheet,
    preset: r.preset,
    headers: fromJson<string[]>(r.headers, []),
    preview: fromJson<string[][]>(r.preview, []),
    totalRows: r.total_rows,
    mapping: fromJson<Array<string | null>>(r.mapping, []),
    options: optionsOf(r),
    counts: {
      rowsDone: r.rows_done,
      created: r.created_count,
      updated: r.updated_count,
      skipped: r.skipped_count,
      failed: r.failed_count,
    },
    validation: fromJson<ValidationReport | null>(r.validation, null),
    error: r.error,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    canUndo: UNDOABLE.has(r.status) && r.created_count + r.updated_count > 0,
  };
}
