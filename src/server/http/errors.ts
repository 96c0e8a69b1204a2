import { coreErrors } from './core.errors.js';
import type { FieldError } from './error-types.js';
import { authErrors } from '../modules/auth/auth.errors.js';
import { jobErrors } from '../modules/jobs/jobs.errors.js';
import { activityErrors } from '../modules/activities/activities.errors.js';
import { contactErrors } from '../modules/contacts/contacts.errors.js';
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
