import { sql } from 'kysely';
import { AppError } from '../../http/errors.js';
import type { AppContext } from '../../platform/context.js';

/**
 * Sign-in attempts are counted before the password is checked: one upsert reserves the attempt
 * under two keys (this email from this IP, and this email from anywhere) and returns both counts,
 * so a parallel burst cannot get more guesses checked than the limits allow. A success gives its
 * reservation back; a failure keeps it, locks the key once it reaches its limit, and is answered
 * after a delay that doubles with each failure from the same place.
 */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

const placeKey = (email: string, ip: string | undefined) => `login:${email.toLowerCase()}:${ip ?? '-'}`;
const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const MAX_DELAY_MS = 4000;

function throttled(retryAfterSeconds: number) {
  return new AppError(
    'LOGIN_THROTTLED',
    `Too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
    { retryAfterSeconds },
  );
}

export async function reserveLoginAttempt(
  ctx: AppContext,
  email: string,
  ip: string | undefined,
): Promise<LoginAttempt> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const windowMs = ctx.config.LOGIN_LOCK_MINUTES * 60_000;
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const limits = new Map([
    [placeKey(email, ip), ctx.config.LOGIN_MAX_FAILURES],
    [accountKey(email), ctx.config.LOGIN_ACCOUNT_MAX_FAILURES],
  ]);
  // a key starts over once its window has passed and it is not locked
  const stale = sql<boolean>`login_failures.first_failed_at <= ${windowStart} and (login_failures.locked_until is null or login_failures.locked_until <= ${at})`;
  const rows = await ctx.db
    .insertInto('login_failures')
    .values([...limits.keys()].map((key) => ({ key, count: 1, first_failed_at: at, locked_until: null })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${stale} then 1 else login_failures.count + 1 end`,
        first_failed_at: sql<string>`case when ${stale} then ${at} else login_failures.first_failed_at end`,
        locked_until: sql<string | null>`case when ${stale} then null else login_failures.locked_until end`,
      }),
    )
    .returning(['key', 'count', 'locked_until'])
    .execute();

  const lockedUntil = Math.max(0, ...rows.map((r) => (r.locked_until ? new Date(r.locked_until).getTime() : 0)));
  if (lockedUntil > now.getTime()) throw throttled(Math.ceil((lockedUntil - now.getTime()) / 1000));
  const over = rows.filter((r) => Number(r.count) > limits.get(r.key)!).map((r) => r.key);
  if (over.length) {
    // more attempts are in flight than the limit allows: this one is refused unchecked, and the key locks
    await lock(ctx, over, new Date(now.getTime() + windowMs).toISOString());
    throw throttled(Math.ceil(windowMs / 1000));
  }
  const placeCount = Number(rows.find((r) => r.key === placeKey(email, ip))!.count);
  return {
    async failed() {
      const reached = rows.filter((r) => Number(r.count) >= limits.get(r.key)!).map((r) => r.key);
      if (reached.length) await lock(ctx, reached, new Date(ctx.clock.now().getTime() + windowMs).toISOString());
      const delay =
        placeCount <= 1 ? 0 : Math.min(ctx.config.LOGIN_FAILURE_DELAY_MS * 2 ** (placeCount - 2), MAX_DELAY_MS);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    },
    async succeeded() {
      // this place proved it knows the password: its count starts over; the account keeps its
      // failures from elsewhere and only gives back this attempt
      await ctx.db.deleteFrom('login_failures').where('key', '=', placeKey(email, ip)).execute();
      await ctx.db
        .updateTable('login_failures')
        .set({ count: sql<number>`count - 1` })
        .where('key', '=', accountKey(email))
        .where('count', '>', 0)
        .execute();
    },
  };
}

async function lock(ctx: AppContext, keys: string[], until: string) {
  await ctx.db
    .updateTable('login_failures')
    .set({ locked_until: until })
    .where('key', 'in', keys)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
    .execute();
}
