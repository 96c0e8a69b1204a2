import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process (tests build several apps, so never the global default). */
export function createMetrics(withDefaults: boolean) {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'jobs_failed_total',
    help: 'Job attempts that failed',
    labelNames: ['name'],
    registers: [registry],
  });
  const jobsCompleted = new Counter({
    name: 'jobs_completed_total',
    help: 'Jobs that succeeded',
    labelNames: ['name'],
    registers: [registry],
  });
  return { registry, httpDuration, jobFailures, jobsCompleted };
}
export type Metrics = ReturnType<typeof createMetrics>;
