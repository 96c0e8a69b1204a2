import { summarize, type LatencySummary } from './stats.js';

/**
 * The raw floor: the scenario's SQL run directly on the database from this process, one call
 * after another (no HTTP, no auth, no serialization), for a fixed time after a short warm-up.
 */
export async function measureRaw(
  run: (i: number) => Promise<unknown>,
  seconds: number,
  maxCalls = 100_000,
): Promise<LatencySummary> {
  for (let i = 0; i < 5; i++) await run(i);
  const durations: number[] = [];
  const until = performance.now() + seconds * 1000;
  for (let i = 0; i < maxCalls && performance.now() < until; i++) {
    const t = performance.now();
    await run(i);
    durations.push(performance.now() - t);
  }
  return summarize(durations);
}
