import { uniqueViolationOf } from '../db/constraint-errors.js';
import { coreErrors } from './core.errors.js';
import type { FieldError, UniqueKeyCatalog } from './error-types.js';
import { authErrors, authUniqueKeys } from '../modules/auth/auth.errors.js';
import { jobErrors } from '../modules/jobs/jobs.errors.js';
import { activityErrors, activityUniqueKeys } from '../modules/activities/activities.errors.js';
import { contactErrors, contactUniqueKeys } from '../modules/contacts/contacts.errors.js';
import { pipelineErrors } from '../modules/pipelines/pipelines.errors.js';
import { importExportErrors } from '../modules/import-export/import-export.errors.js';

/**
 * Every error code the API can answer with, gathered from each module's `*.errors.ts`.
 * `AppError` only accepts a code from here, so a code without a status fails the type check.
 */
export const errorCatalog = {
  ...coreErrors,
  ...authErrors,
  ...jobErrors,
  ...activityErrors,
  ...contactErrors,
  ...pipelineErrors,
  ...importExportErrors,
};
export type ErrorCode = keyof typeof errorCatalog;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: {
      field?: string;
      errors?: FieldError[];
      retryAfterSeconds?: number;
      data?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? errorCatalog[code].title);
    this.status = errorCatalog[code].status;
  }
}

/** A 400 naming the field, for rules zod cannot express. */
export function fieldError(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, `${field}: ${message}`, { field, errors: [{ field, message }] });
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** Every module's unique keys by table (see UniqueKeySpec). */
const uniqueKeys: UniqueKeyCatalog<ErrorCode> = { ...authUniqueKeys, ...activityUniqueKeys, ...contactUniqueKeys };

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * A unique-key violation from either database as the owning module's 409 naming the field, or
 * null when the error is not one. Two requests that both passed a service's "is it taken?" check
 * meet here; the loser gets the answer the check would have given it.
 */
export function conflictFromDatabase(err: unknown): AppError | null {
  const violation = uniqueViolationOf(err);
  if (!violation) return null;
  const spec = violation.table ? uniqueKeys[violation.table] : undefined;
  const column = violation.columns.filter((c) => c !== 'workspace_id').pop();
  const field = spec?.field ?? (column && /^[a-z_]+$/.test(column) ? camel(column) : undefined);
  const code = spec?.code ?? 'CONFLICT';
  const detail = field ? `${field}: another record already has this value` : 'Another record already has this value';
  return new AppError(code, detail, field ? { field, errors: [{ field, message: 'Already taken' }] } : {});
}
