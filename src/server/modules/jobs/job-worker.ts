import type { AppContext } from '../../platform/context.js';

export interface WorkerOptions {
  concurrency?: number;
  pollIntervalMs?: number;
}

/** Claims and runs jobs. (Being completed: see jobs module.) */
export class JobWorker {
  constructor(
    private ctx: AppContext,
    private opts: WorkerOptions = {},
  ) {}
  async start(): Promise<void> {}
  async stop(_timeoutMs = 10_000): Promise<void> {}
}
