/** How long a failed job waits before its next attempt. */
export interface BackoffPolicy {
  baseSeconds: number;
  capSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 30, capSeconds: 3600 };

/**
 * Capped exponential backoff with "equal jitter":
 *
 *   ceiling = min(cap, base * 2^(attempt - 1))
 *   delay   = ceiling / 2 + random() * ceiling / 2
 *
 * Half the delay is fixed (so retries never hammer a struggling service), half is random (so jobs
 * that failed together do not retry together). `attempt` is the attempt that just failed (1-based);
 * `random` returns [0, 1) and is injectable so the formula can be tested exactly.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const ceilingMs = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** exponent) * 1000;
  return Math.round(ceilingMs / 2 + random() * (ceilingMs / 2));
}
