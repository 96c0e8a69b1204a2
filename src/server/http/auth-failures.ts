/**
 * Failed authentications (a wrong password, an unknown or revoked API key) per client IP in a
 * one-minute window. Kept in memory per process, like the request limiter's counts. The request
 * limiter keys signed-in traffic by actor and runs after authentication, so without this a
 * request with bad credentials (answered 401 before it) would never be counted.
 */
export class AuthFailureCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  /** Seconds until this IP may try again, or 0 while it is under its budget. */
  retryAfterSeconds(ip: string): number {
    const w = this.windows.get(ip);
    const now = this.now();
    if (!w || w.resetAt <= now || w.count < this.max) return 0;
    return Math.max(1, Math.ceil((w.resetAt - now) / 1000));
  }

  note(ip: string): void {
    const now = this.now();
    const w = this.windows.get(ip);
    if (w && w.resetAt > now) {
      w.count++;
      return;
    }
    if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (v.resetAt <= now) this.windows.delete(k);
    this.windows.set(ip, { count: 1, resetAt: now + 60_000 });
  }
}
