import { z } from 'zod';
import { defineJob } from './job-definition.js';
import { pruneSucceededJobs } from './job-lease.repository.js';

/** Succeeded jobs are kept this long (for inspection and idempotency keys), then deleted. */
export const SUCCEEDED_JOB_RETENTION_DAYS = 14;

/** Daily: deletes succeeded jobs past retention so the queue table stays small. Dead jobs stay. */
export const pruneSucceededJobsJob = defineJob({
  name: 'jobs.prune-succeeded',
  schema: z.object({}).default({}),
  async handler(ctx) {
    const cutoff = new Date(ctx.clock.now().getTime() - SUCCEEDED_JOB_RETENTION_DAYS * 86_400_000).toISOString();
    return { deleted: await pruneSucceededJobs(ctx.db, cutoff) };
  },
});
