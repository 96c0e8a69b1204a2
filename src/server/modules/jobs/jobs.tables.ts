import type { Timestamp } from '../../db/schema.js';

export type JobStatus = 'pending' | 'running' | 'succeeded' | 'dead';

declare module '../../db/schema.js' {
  interface DB {
    jobs: {
      id: string;
      workspace_id: string | null;
      name: string;
      payload: unknown;
      status: JobStatus;
      priority: number;
      run_at: Timestamp;
      attempts: number;
      max_attempts: number;
      idempotency_key: string | null;
      locked_by: string | null;
      locked_until: Timestamp | null;
      last_error: string | null;
      progress: unknown;
      result: unknown;
      created_at: Timestamp;
      updated_at: Timestamp;
      finished_at: Timestamp | null;
    };
    recurring_jobs: {
      name: string;
      cron: string;
      timezone: string;
      payload: unknown;
      next_run_at: Timestamp;
      last_run_at: Timestamp | null;
    };
  }
}
export {};
