import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import { dialectOf, type SqlDialect } from './dialect.js';
import type { DB } from './schema.js';

/**
 * A query that is built and compiled once per dialect, then run with new parameter values.
 *
 * For the hottest point reads, building and compiling a query through the query builder costs more
 * than running it (a contact with its emails, phones and tags: ~100 µs of compiling against ~30 µs
 * in SQLite). `build` is called once per dialect with stand-in values, one per argument, which it
 * must use where the arguments go (as plain values, never inside `in (...)` lists); every other
 * parameter the query has stays as it was built. A query may take a list of values as its last
 * arguments when its shape depends only on how many there are (a branch per stage): it is compiled
 * once per dialect and argument count. The compiled SQL is the same for every database of a dialect
 * (the PostgreSQL schema comes from the connection's search_path, not the SQL).
 *
 * On PostgreSQL the statement is also prepared on each connection (see pg-prepared.ts), so it is
 * planned once rather than on every call: use this only for queries whose plan does not depend on
 * the values (lookups by id, ranges of one index), as a prepared statement may keep a generic plan,
 * and name the columns rather than `*`: a connection's prepared `select t.*` fails once a migration
 * on another node adds a column to t.
 */
export function reusableQuery<Args extends unknown[], Row>(
  build: (d: SqlDialect, db: Kysely<DB>, ...args: string[]) => Compilable<Row>,
): (db: Kysely<DB>, ...args: Args) => Promise<QueryResult<Row>> {
  const compiled = new Map<string, { sql: string; slots: number[]; params: readonly unknown[] }>();
  return async (db, ...args) => {
    const d = dialectOf(db);
    const key = `${d.name}:${args.length}`;
    let entry = compiled.get(key);
    if (!entry) {
      const standIns = args.map((_, i) => `\u0000arg${i}\u0000`);
      const query = build(d, db, ...standIns).compile();
      const slots = query.parameters.map((p) => standIns.indexOf(p as string));
      if (standIns.some((s) => !query.parameters.includes(s)))
        throw new Error('reusableQuery: build must use every argument as a parameter');
      entry = { sql: query.sql, slots, params: query.parameters };
      compiled.set(key, entry);
      d.prepareReused(query.sql);
    }
    const { slots, params } = entry;
    return db.executeQuery<Row>(
      CompiledQuery.raw(
        entry.sql,
        slots.map((slot, i) => (slot >= 0 ? args[slot] : params[i])),
      ),
    );
  };
}
