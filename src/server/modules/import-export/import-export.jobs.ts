import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { cleanupFiles } from './cleanup.js';
import { runExportJob } from './exports.service.js';
import { exportJobDied, exportJobRetried, importJobDied, importJobRetried } from './import-failures.js';
import { IMPORT_JOB_ATTEMPTS, runImportJob, undoImportJob, validateImportJob } from './import-work.js';

const ImportPayload = z.object({ importId: z.uuid(), workspaceId: z.uuid(), userId: z.string().nullable().optional() });

/** Long imports report progress after every batch, which also renews the lease. */
const LEASE_SECONDS = 120;

export const validateImportJobDef = defineJob({
  name: 'import.validate',
  schema: ImportPayload,
  maxAttempts: IMPORT_JOB_ATTEMPTS,
  leaseSeconds: LEASE_SECONDS,
  handler: validateImportJob,
  onDead: importJobDied,
});
export const runImportJobDef = defineJob({
  name: 'import.run',
  schema: ImportPayload,
  maxAttempts: IMPORT_JOB_ATTEMPTS,
  leaseSeconds: LEASE_SECONDS,
  handler: runImportJob,
  onDead: importJobDied,
  onRetry: importJobRetried,
});
export const undoImportJobDef = defineJob({
  name: 'import.undo',
  schema: ImportPayload,
  maxAttempts: IMPORT_JOB_ATTEMPTS,
  leaseSeconds: LEASE_SECONDS,
  handler: undoImportJob,
  onDead: importJobDied,
  onRetry: importJobRetried,
});
export const runExportJobDef = defineJob({
  name: 'export.run',
  schema: z.object({ exportId: z.uuid(), workspaceId: z.uuid() }),
  maxAttempts: 3,
  leaseSeconds: LEASE_SECONDS,
  handler: runExportJob,
  onDead: exportJobDied,
  onRetry: exportJobRetried,
});

/** Daily: removes uploads of finished imports and expired export files. */
export const cleanupFilesJobDef = defineJob({
  name: 'import-export.cleanup',
  schema: z.object({}).default({}),
  handler: (ctx) => cleanupFiles(ctx),
});

export const importExportJobs = [
  validateImportJobDef,
  runImportJobDef,
  undoImportJobDef,
  runExportJobDef,
  cleanupFilesJobDef,
];
