import {
  PostgresAdapter,
  SqliteAdapter,
  type Compilable,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type TransactionBuilder,
} from 'kysely';
import type { Dialect } from './database.js';
import { postgresDialect } from './dialect-postgres.js';
import { sqliteDialect } from './dialect-sqlite.js';

export type ColumnKind = 'boolean' | 'json' | 'number' | 'other';

/** Options of `insertRowsFast`. */
export interface InsertRowsOptions {
  /** The table's trigger feeds a full-text index (SQLite FTS5 wants all rows from one statement). */
  fullText?: boolean;
}

/**
 * Every difference between SQLite and PostgreSQL that application code meets, as one object per
 * database (dialect-sqlite.ts, dialect-postgres.ts). Code gets it from the handle it queries with,
 * `dialectOf(db)` (a transaction resolves to the same object), instead of branching on a dialect
 * name. Methods that run SQL take the handle to run it on; the others only build SQL.
 */
export interface SqlDialect {
  /** For logs, health and cache keys: never compare it outside src/server/db. */
  readonly name: Dialect;

  /** Row locking for read-modify-write inside a transaction (SQLite serializes writers already). */
  forUpdate<QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB;
  /** Claiming work that other nodes may be claiming at the same moment. */
  forUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB;
  /** Takes a cross-node lock for the rest of the transaction (PostgreSQL advisory lock). */
  lockForTransaction(trx: Kysely<any>, key: string): Promise<void>;
  /** A read-only transaction that sees one consistent snapshot (SQLite transactions already do). */
  snapshotTransaction<DBT>(db: Kysely<DBT>): TransactionBuilder<DBT>;
  /** Checks foreign keys at commit instead of per row, where the dialect allows it (bulk restores). */
  deferForeignKeys(trx: Kysely<any>): Promise<void>;

  /**
   * The row of a running total that a write adds to; readers sum a key's rows. On PostgreSQL it is
   * the writer's connection (its backend process id modulo COUNTER_SLOTS), so transactions open at
   * the same time on different connections rarely touch the same row and don't queue on its lock
   * until the first commits; one transaction keeps one slot throughout. SQLite has one writer at a
   * time: slot 0.
   */
  counterSlot(): RawBuilder<number>;

  /** Case-insensitive LIKE ("contains") for ASCII and Unicode text. */
  ilike(column: RawBuilder<unknown> | string, pattern: string): RawBuilder<boolean>;
  /** 'YYYY-MM' of a date column (text on SQLite, date on PostgreSQL). */
  monthOfDate(column: string): RawBuilder<string>;
  /** Seconds since 1970 of a timestamp column, as a number. */
  epochSeconds(column: string): RawBuilder<number>;
  /** Values joined into one text in the given order, by the database (an aggregate). */
  stringAgg(value: string, separator: string, order: string): RawBuilder<string | null>;

  /** A top-level key of a json column as text (key must be a plain identifier; callers validate it). */
  jsonKeyText(column: string, key: string): RawBuilder<string | null>;
  /** Whether a json array column holds the given string. */
  jsonArrayHas(column: string, value: string): RawBuilder<boolean>;
  /** A json column's top-level member as a number, for numeric comparison and sorting (key validated like jsonKeyText). */
  jsonMemberNumber(column: string, key: string): RawBuilder<number | null>;
  /** Whether a json column's top-level member is the boolean true. */
  jsonMemberIsTrue(column: string, key: string): RawBuilder<boolean>;
  /** Whether a json column's top-level member is an array holding the given string. */
  jsonMemberArrayHas(column: string, key: string, value: string): RawBuilder<boolean>;
  /**
   * The rows of a subquery as one JSON array of objects keyed by its selected columns, in its order
   * (`[]` for none), so a record and its child rows come back from one statement. SQLite hands the
   * array back as text and keeps 0/1 for booleans: read it with `fromJson` and `Boolean()`.
   */
  jsonRows<O>(subquery: SelectQueryBuilder<any, any, O>): RawBuilder<O[] | string>;

  /**
   * A list of text values as one statement argument (see inList): a PostgreSQL array, a JSON array
   * for SQLite. The statement's text is then the same for any number of values, so it can be reused.
   */
  listArg(values: readonly string[]): unknown;
  /** `column` is one of the values of a listArg argument (an index lookup per value on both). */
  inList(column: string, arg: unknown): RawBuilder<boolean>;
  /**
   * `test(value)` when the argument is given, true when it is null: one statement text for both, for
   * reusable queries. PostgreSQL is told the argument's type, which `is null` alone cannot tell it.
   */
  unlessNull(
    arg: unknown,
    pgType: 'uuid' | 'text',
    test: (value: RawBuilder<unknown>) => RawBuilder<boolean>,
  ): RawBuilder<boolean>;
  /**
   * Membership in a page of ids held by the CTE `cte` (a column `id`), for joining per-id lists to
   * the page: `with <cte> as (...)${bounds} ... where x.id ${inPage}`. PostgreSQL reads one index
   * range from the page's first id to its last (found once, in `bounds`; probing id by id cost
   * 20-30 ms a page), and rows in the range but not in the page are left out by the caller's join.
   * SQLite is given the page's ids (`in`): given a range it chose another index and read far more.
   */
  idsOfPage(cte: string): { bounds: RawBuilder<unknown>; inPage: RawBuilder<unknown> };
  /**
   * Whether `x in (subquery)` collects every id of the subquery before reading a single outer row
   * (SQLite, into a temporary index), so the caller should choose between `in` and a correlated
   * `exists` by the subquery's size. PostgreSQL's planner weighs the two itself.
   */
  readonly collectsSubqueryFirst: boolean;

  /**
   * The name-prefix indexes' expressions, as the migrations wrote them for each database: the
   * document's first 64 characters (202612061000), or the 64 from its second word on (202612061100).
   */
  documentPrefix(column: string, from?: 'first' | 'second'): RawBuilder<string>;
  /**
   * SQL for `select contact_id from ... where <matches>` within one workspace, to use as
   * `contacts.id in (...)`. Null when the query has no searchable term. See search.ts.
   */
  contactSearchSubquery(workspaceId: string, query: string, limit?: number): RawBuilder<unknown> | null;

  /**
   * INSERTs of many rows, their SQL written directly instead of through the query builder (which
   * spends far longer compiling thousands of values than the database spends storing them). Rows
   * must share their keys; table and column names come from code, never from input.
   */
  insertRowsFast(
    db: Kysely<any>,
    table: string,
    rows: ReadonlyArray<Record<string, unknown>>,
    opts?: InsertRowsOptions,
  ): Promise<void>;
  /**
   * Runs `writes` in order, in the caller's transaction, and (PostgreSQL) sends `payload()` on
   * `channel` with them, delivered at commit. None of the writes may read what another writes:
   * PostgreSQL runs them as data-modifying CTEs of one statement, one round trip for all. Returns
   * false when the database has no notifications (SQLite): the caller delivers in-process after commit.
   */
  writeAndNotify(
    db: Kysely<any>,
    writes: ReadonlyArray<Compilable>,
    channel: string,
    payload: () => string,
  ): Promise<boolean>;
  /** Called once for each statement text that is run many times (reusableQuery): prepares it where that pays. */
  prepareReused(sqlText: string): void;

  /** Lists user tables, for backup/restore and tests. */
  listTables(db: Kysely<any>): Promise<string[]>;
  /** Foreign keys as (table.column -> referenced table), for ordering inserts on restore. */
  listForeignKeys(db: Kysely<any>): Promise<Array<{ table: string; column: string; references: string }>>;
  /** Columns of a table. */
  listColumns(db: Kysely<any>, table: string): Promise<string[]>;
  /**
   * Columns of a table with what kind of value each holds (declared types differ by dialect), and
   * whether the database numbers it itself (identity / INTEGER PRIMARY KEY), so a restore leaves it out.
   */
  listColumnKinds(
    db: Kysely<any>,
    table: string,
  ): Promise<Array<{ name: string; kind: ColumnKind; isAutoNumbered: boolean }>>;
  /** The schema unqualified names resolve to (PostgreSQL); SQLite has none. */
  currentSchema(db: Kysely<any>): Promise<string | undefined>;
}

/**
 * The dialect of a database handle: a `Kysely` instance, a transaction of it, or one derived with
 * `withSchema`/`withPlugin` all share the driver's adapter, which identifies the database. Two
 * property reads and an instanceof: cheap enough for every query.
 */
export function dialectOf(db: Kysely<any>): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return sqliteDialect;
  if (adapter instanceof PostgresAdapter) return postgresDialect;
  throw new Error(`unsupported database adapter ${adapter.constructor.name}`);
}
