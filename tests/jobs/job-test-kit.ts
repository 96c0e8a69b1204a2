import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../src/server/modules/jobs/job-definition.js';
import type { JobRow } from '../../src/server/modules/jobs/job-lease.repository.js';
import type { AppContext } from '../../src/server/platform/context.js';

/** Polls `check` until it returns a truthy value (real time; for work happening in the background). */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function jobRow(ctx: AppContext, id: string): Promise<JobRow> {
  return ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function jobsNamed(ctx: AppContext, name: string): Promise<JobRow[]> {
  return ctx.db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('run_at').execute();
}

export const PayloadSchema = z.object({ n: z.number().int() });

/** A job whose handler the test controls; every call is recorded. */
export function recordingJob(
  name: string,
  handler: (payload: { n: number }, attempt: number, signal: AbortSignal) => Promise<unknown> = async () => ({
    ok: true,
  }),
  extra: Pick<JobDefinition, 'maxAttempts' | 'leaseSeconds' | 'backoff'> = {},
) {
  const calls: Array<{ id: string; n: number; attempt: number }> = [];
  const def = defineJob({
    name,
    schema: PayloadSchema,
    ...extra,
    async handler(_ctx, run) {
      calls.push({ id: run.id, n: run.payload.n, attempt: run.attempt });
      return handler(run.payload, run.attempt, run.signal);
    },
  });
  return { def, calls };
}

/** Reads one sample of a metric from the Prometheus text exposition. */
export function metricValue(text: string, metric: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : undefined;
}
