import { AppError, fieldError } from '../../http/errors.js';
import type { ActivityStatus } from './activities.tables.js';

/** Clocks of phones and laptops drift; a "just now" log a little ahead of ours is not the future. */
const CLOCK_SKEW_MS = 2 * 60_000;

export interface ActivityTiming {
  status: ActivityStatus;
  occurredAt: string;
  nextActionAt: string | null;
}

/** A logged (done) activity cannot be in the future; a next action cannot be before the activity. */
export function assertActivityTiming(t: ActivityTiming, now: Date, prefix = ''): void {
  if (t.status === 'done' && new Date(t.occurredAt).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw fieldError(`${prefix}occurredAt`, 'A logged activity cannot be in the future; schedule it instead');
  }
  if (t.nextActionAt && t.nextActionAt < t.occurredAt) {
    throw fieldError(`${prefix}nextActionAt`, 'The next action cannot be before the activity');
  }
}

/** Prefixes a field error's field (e.g. `items.3.`) so a bulk request names the row at fault. */
export async function withFieldPrefix<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!prefix || !(err instanceof AppError) || !err.extra.field) throw err;
    const errors = (err.extra.errors ?? []).map((e) => ({ ...e, field: `${prefix}${e.field}` }));
    throw new AppError(err.code, `${prefix}${err.detail ?? err.message}`, {
      ...err.extra,
      field: `${prefix}${err.extra.field}`,
      errors,
    });
  }
}
