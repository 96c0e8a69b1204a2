import { z } from 'zod';
import { PageQuery, page } from './common.js';

export const JobStatus = z.enum(['pending', 'running', 'succeeded', 'dead']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: z.string(),
  workspaceId: z.string().nullable().describe('null for jobs that serve every workspace'),
  name: z.string(),
  status: JobStatus,
  priority: z.number().int(),
  payload: z.unknown(),
  runAt: z.string().describe('When the job is (or was) due'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  idempotencyKey: z.string().nullable(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: z.unknown(),
  result: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobQuery = PageQuery.extend({
  status: JobStatus.optional(),
  name: z.string().max(100).optional(),
});
export const JobPage = page(Job);
