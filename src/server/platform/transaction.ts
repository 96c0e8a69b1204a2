import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export type Db = Kysely<DB> | Transaction<DB>;

const afterCommit = new WeakMap<object, Array<() => void>>();

/**
 * Runs `fn` in one transaction; callbacks registered with `onCommit` run only once it committed.
 * Services own this boundary; repositories take whatever `Db` they are given.
 */
export async function withTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  const callbacks: Array<() => void> = [];
  const result = await db.transaction().execute(async (trx) => {
    afterCommit.set(trx, callbacks);
    return fn(trx);
  });
  for (const cb of callbacks) {
    try {
      cb();
    } catch {
      // a listener's failure must not turn a committed write into an error
    }
  }
  return result;
}

/** Runs `cb` after the surrounding transaction commits (at once when there is none). */
export function onCommit(db: Db, cb: () => void): void {
  const list = afterCommit.get(db);
  if (list) list.push(cb);
  else queueMicrotask(cb);
}
