import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { usePreparedStatements } from './pg-prepared.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { openSqlite, wrapSqlite } from './sqlite-driver.js';

/** Log size (pages) at which a commit checkpoints by itself: only if the checkpoint thread falls behind. */
const BACKSTOP_CHECKPOINT_PAGES = 20_000;

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL only: connection settings, for LISTEN clients. */
  pgConfig?: pg.PoolConfig;
  /** SQLite only: the file, or ':memory:'. */
  sqliteFile?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  sqliteFile?: string;
  /** SQLite in memory only: a database image (`serialize()`) to start from instead of an empty one. */
  sqliteImage?: Buffer;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  pgSchema?: string;
  poolSize?: number;
}

// Same JS types on both dialects: int8/numeric as numbers, timestamps as ISO strings, dates as text.
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    switch (oid) {
      case 20: // int8
      case 1700: // numeric
        return (v: string) => Number(v);
      case 1184: // timestamptz
      case 1114: // timestamp
        return pgTimestampToIso;
      case 1082: // date
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  },
} as pg.CustomTypesConfig;

/** A timestamp as PostgreSQL writes it in UTC: date, time, up to six fraction digits, '+00'. */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * '2026-11-22 01:48:41.944+00' (or without zone, meaning UTC) -> '2026-11-22T01:48:41.944Z'.
 * A UTC timestamp is rearranged as text (the fraction cut to milliseconds, as Date does): an
 * export reads one or more a row, and a Date each cost ~5% of its time.
 */
export function pgTimestampToIso(v: string): string {
  const utc = UTC_TIMESTAMP.exec(v);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').slice(0, 3).padEnd(3, '0')}Z`;
  let s = v.replace(' ', 'T');
  if (/[+-]\d\d$/.test(s)) s += ':00';
  else if (!/(Z|[+-]\d\d:?\d\d)$/.test(s)) s += 'Z';
  return new Date(s).toISOString();
}

export function createDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const pgConfig: pg.PoolConfig = {
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      types: pgTypes,
      // No parallel workers: a parallel plan (a search for a common name, 30,000 matches) started
      // workers that cost more than they saved, and under concurrency they take the cores other
      // requests need. Requests here are short; the API answers many at once instead.
      // No JIT either: it compiles a statement whose estimated cost passes jit_above_cost, and row
      // estimates of joins to grouped subqueries run far above the truth (11 M rows estimated for an
      // export page of 1,000): 25 ms of compiling for a statement that runs in 10.
      options: [
        '-c max_parallel_workers_per_gather=0',
        '-c jit=off',
        ...(opts.pgSchema ? [`-c search_path=${opts.pgSchema}`] : []),
      ].join(' '),
    };
    const pool = new pg.Pool(pgConfig);
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    pool.on('connect', usePreparedStatements);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pgConfig, close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (opts.sqliteImage && file !== ':memory:') throw new Error('a SQLite image opens in memory only');
  const raw = openSqlite(file, opts.sqliteImage);
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file);
  if (checkpointer) {
    raw.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    raw.pragma('journal_size_limit = 67108864'); // a log that grew in a burst is cut back to 64 MB
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: wrapSqlite(raw) }) });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
