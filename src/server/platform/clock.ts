/** Time source; tests swap in a controllable one. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-05T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(seconds: number): void {
    this.current = addSeconds(this.current, seconds);
  }
}
