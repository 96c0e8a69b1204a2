import type { AppContext } from './context.js';

/**
 * Signed-in sessions resolved in the last moments, so a burst of requests with one cookie reads
 * the session once rather than once per request. Anything that changes who a session's (or an API
 * key's) actor is (sign-out, workspace switch, role or activation change, profile, password reset,
 * workspace settings, key revocation) calls `forgetSessions` after its commit; another node sharing the database sees the
 * change within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  until: number;
}

const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

function cacheOf(ctx: AppContext): Map<string, Entry<unknown>> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  return cache;
}

/** The cached value for a session token hash, or what `load` reads (cached when found). */
export async function cachedSession<T>(
  ctx: AppContext,
  tokenHash: string,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const cache = cacheOf(ctx);
  const now = performance.now();
  const hit = cache.get(tokenHash);
  if (hit && hit.until > now) return hit.value as T;
  const value = await load();
  if (value === undefined) {
    cache.delete(tokenHash);
    return undefined;
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(tokenHash, { value, until: now + SESSION_CACHE_MS });
  return value;
}

const forgetListeners = new WeakMap<object, Set<() => void>>();

/** Drops every cached session of this database (cheap: the next request of each reads it again). */
export function forgetSessions(ctx: AppContext): void {
  caches.get(ctx.db)?.clear();
  for (const listener of forgetListeners.get(ctx.db) ?? []) listener();
}

/** Calls `listener` after every forgetSessions on this node (open live streams re-check who they serve). */
export function onSessionsForgotten(ctx: AppContext, listener: () => void): () => void {
  let set = forgetListeners.get(ctx.db);
  if (!set) forgetListeners.set(ctx.db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
