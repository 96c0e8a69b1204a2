import { Gauge } from 'prom-client';
import type { AppContext } from '../../platform/context.js';
import { countJobsByStatus } from './job-lease.repository.js';

const BUCKETS = ['pending', 'scheduled', 'running', 'dead'] as const;

/**
 * `jobs_queue_depth{status}`: due-and-waiting (pending), delayed (scheduled), running and dead
 * jobs, counted in the database when /metrics is scraped, so every node reports the shared queue.
 */
export function registerQueueDepthGauge(ctx: AppContext): void {
  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Jobs in the queue by status (pending = due now, scheduled = delayed)',
    labelNames: ['status'],
    registers: [ctx.metrics.registry],
    async collect() {
      try {
        const counts = await countJobsByStatus(ctx.db, ctx.clock.now().toISOString());
        for (const status of BUCKETS) this.set({ status }, counts[status] ?? 0);
      } catch (err) {
        ctx.log.warn({ err }, 'could not count jobs for metrics');
      }
    },
  });
}
