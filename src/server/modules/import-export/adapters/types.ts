import type { Transaction } from 'kysely';
import type { ImportIssue } from '../../../../shared/contracts/import-export.js';
import type { DB } from '../../../db/schema.js';
import type { SourceRow } from '../parsing/row-source.js';

/**
 * What the batch runner needs from each import target (contacts, companies, deals, activities).
 * `plan` only reads (it is the whole of a dry run); `write` applies planned rows in the caller's
 * transaction and throws on the first rule only the database can check, so the runner can retry
 * the batch unit by unit; `record` audits and announces a committed batch once.
 */
export type RowStatus = 'create' | 'update' | 'skip' | 'invalid' | 'merge';

export interface PlannedRow {
  line: number;
  cells: string[];
  status: RowStatus;
  /** Why the row fails (invalid) or is skipped. */
  issues: ImportIssue[];
  /** Rows written together: a row and the later rows merged into it share the first one's index. */
  unit: number;
}

export interface WrittenRows {
  /** Row index -> outcome. */
  outcomes: Map<number, 'created' | 'updated' | 'skipped'>;
  createdIds: string[];
  /** Other records created along the way, by kind (e.g. companies named by contact rows). */
  extraCreated: Record<string, string[]>;
  /** Before-images of updated records (undo restores them). */
  images: unknown[];
}

export interface BatchRef {
  importId: string;
  batchNo: number;
}

export interface UndoData {
  createdIds: string[];
  extraCreated: Record<string, string[]>;
  images: unknown[];
}

export interface EntityImporter<P = unknown> {
  plan(rows: SourceRow[]): Promise<{ rows: PlannedRow[]; state: P }>;
  write(trx: Transaction<DB>, state: P, indexes: number[], now: string): Promise<WrittenRows>;
  record(trx: Transaction<DB>, ref: BatchRef, written: WrittenRows, now: string): Promise<void>;
  undo(
    trx: Transaction<DB>,
    ref: BatchRef,
    data: UndoData,
    now: string,
  ): Promise<{ removed: number; restored: number; conflicts: number }>;
}

export function emptyWritten(): WrittenRows {
  return { outcomes: new Map(), createdIds: [], extraCreated: {}, images: [] };
}
