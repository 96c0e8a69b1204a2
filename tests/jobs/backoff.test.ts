import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../src/server/modules/jobs/backoff.js';

describe('retry backoff: min(cap, base * 2^(attempt-1)), half fixed and half random', () => {
  const policy = { baseSeconds: 10, capSeconds: 300 };

  it('waits between half and all of the exponential ceiling', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(5_000);
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(7_500);
    expect(backoffDelayMs(1, policy, () => 0.999999)).toBe(10_000);
  });

  it('doubles the ceiling with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, policy, () => 0))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000,
    ]);
    expect(backoffDelayMs(3, policy, () => 0.25)).toBe(40_000 / 2 + 0.25 * 20_000);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(backoffDelayMs(6, policy, () => 0)).toBe(150_000); // 10 * 2^5 = 320 s, capped at 300 s
    expect(backoffDelayMs(60, policy, () => 0.999999)).toBe(300_000);
    expect(backoffDelayMs(1000, policy, () => 0)).toBe(150_000);
  });

  it('spreads retries of jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(3, DEFAULT_BACKOFF)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(60_000);
      expect(d).toBeLessThanOrEqual(120_000);
    }
  });
});
