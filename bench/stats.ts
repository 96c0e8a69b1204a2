/** Latency summary of a list of durations in milliseconds (exact percentiles, nearest rank). */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(durations: number[]): LatencySummary {
  if (!durations.length) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, max: NaN };
  const sorted = Float64Array.from(durations).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  let sum = 0;
  for (const d of sorted) sum += d;
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sum / sorted.length,
    max: sorted[sorted.length - 1],
  };
}

/** Rounds for display and JSON: 2 decimals under 10 ms, 1 above. */
export function ms(value: number): number {
  if (!Number.isFinite(value)) return value;
  return value < 10 ? Math.round(value * 100) / 100 : Math.round(value * 10) / 10;
}
