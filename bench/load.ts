import autocannon, { type AutocannonRequest } from 'autocannon';
import { summarize, type LatencySummary } from './stats.js';

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
  /** Builds each request (called once per request, so each may differ). */
  request: AutocannonRequest;
}

export interface LoadResult extends LatencySummary {
  requestsPerSecond: number;
  total: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

function run(opts: LoadOptions, seconds: number, record: boolean): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const durations: number[] = [];
    const instance = autocannon(
      {
        url: opts.baseUrl,
        connections: opts.connections,
        duration: seconds,
        timeout: 30,
        headers: opts.headers,
        requests: [opts.request],
      },
      (err, result) => {
        if (err) return reject(err);
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
        );
        resolve({
          ...summarize(durations),
          requestsPerSecond: result.requests.total / result.duration,
          total: result.requests.total,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          statusCodes,
        });
      },
    );
    if (record)
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        durations.push(responseTime),
      );
  });
}

/** Load from this process with autocannon at a fixed concurrency: a warm-up, then the measured run. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  if (opts.warmupSeconds > 0) await run(opts, opts.warmupSeconds, false);
  return run(opts, opts.seconds, true);
}
