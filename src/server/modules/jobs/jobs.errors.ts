import type { ErrorCatalog } from '../../http/error-types.js';

export const jobErrors = {
  JOB_NOT_FOUND: { status: 404, title: 'Job not found' },
  JOB_NOT_DEAD: { status: 409, title: 'Only dead jobs can be retried or discarded' },
  UNKNOWN_JOB: { status: 400, title: 'No job of that name is defined' },
} as const satisfies ErrorCatalog;
