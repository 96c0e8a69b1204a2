import { CompiledQuery, sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Dialect } from './database.js';
import { EACH_ROW } from './sqlite-driver.js';

/**
 * Every difference between SQLite and PostgreSQL that application code meets lives here, each as a
 * small named helper. Repositories call these instead of branching on the dialect themselves.
 */

/** Value for a json/jsonb column (pg would turn JS arrays into SQL arrays, so always send text). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Reads a json column whatever the driver handed back (parsed already, or text). */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** Row locking for read-modify-write inside a transaction (SQLite serializes writers already). */
export function forUpdate<QB extends SelectQueryBuilder<any, any, any>>(dialect: Dialect, qb: QB): QB {
  return dialect === 'postgres' ? (qb.forUpdate() as QB) : qb;
}

/** Claiming work that other nodes may be claiming at the same moment. */
export function forUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(dialect: Dialect, qb: QB): QB {
  return dialect === 'postgres' ? (qb.forUpdate().skipLocked() as QB) : qb;
}

/** How many rows a running total (stage counters, forecast totals) is spread over on PostgreSQL. */
export const COUNTER_SLOTS = 16;

/**
 * The row of a running total that a write adds to; readers sum a key's rows. On PostgreSQL it is the
 * writer's connection (its backend process id modulo COUNTER_SLOTS), so transactions open at the same
 * time on different connections rarely touch the same row and don't queue on its lock until the
 * first commits; one transaction keeps one slot throughout. SQLite has one writer at a time: slot 0.
 */
export function counterSlot(dialect: Dialect): RawBuilder<number> {
  return dialect === 'postgres' ? sql<number>`pg_backend_pid() % ${sql.lit(COUNTER_SLOTS)}` : sql<number>`0`;
}

/** Case-insensitive LIKE ("contains") for ASCII and Unicode text. */
export function ilike(dialect: Dialect, column: RawBuilder<unknown> | string, pattern: string): RawBuilder<boolean> {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  // explicit ESCAPE: SQLite has no default escape character, so likeEscape's backslashes need it
  return dialect === 'postgres'
    ? sql<boolean>`${col} ilike ${pattern} escape '\\'`
    : sql<boolean>`lower(${col}) like lower(${pattern}) escape '\\'`;
}

/** Escapes % and _ so user text is matched literally inside a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Count as a plain number on both dialects. */
export function countAll(): RawBuilder<number> {
  return sql<number>`count(*)`;
}

/** Takes a cross-node lock for the rest of the transaction (PostgreSQL advisory lock). */
export async function lockForTransaction(dialect: Dialect, trx: Kysely<any>, key: string): Promise<void> {
  if (dialect !== 'postgres') return; // one SQLite writer at a time already
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Lists user tables, for backup/restore and tests. */
export async function listTables(dialect: Dialect, db: Kysely<any>): Promise<string[]> {
  const rows =
    dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Foreign keys as (table.column -> referenced table), for ordering inserts on restore. */
export async function listForeignKeys(
  dialect: Dialect,
  db: Kysely<any>,
): Promise<Array<{ table: string; column: string; references: string }>> {
  if (dialect === 'postgres') {
    const r = await sql<{ table: string; column: string; references: string }>`
      select cl.relname as "table", a.attname as "column", rf.relname as "references"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class rf on rf.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join lateral unnest(c.conkey) as k(attnum) on true
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
    return r.rows;
  }
  const out: Array<{ table: string; column: string; references: string }> = [];
  for (const table of await listTables(dialect, db)) {
    const r = await sql<{
      table: string;
      from: string;
    }>`select "table", "from" from pragma_foreign_key_list(${table})`.execute(db);
    for (const row of r.rows) out.push({ table, column: row.from, references: row.table });
  }
  return out;
}

/** Columns of a table. */
export async function listColumns(dialect: Dialect, db: Kysely<any>, table: string): Promise<string[]> {
  const r =
    dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
          db,
        )
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return r.rows.map((x) => x.name);
}

export type ColumnKind = 'boolean' | 'json' | 'number' | 'other';

/**
 * Columns of a table with what kind of value each holds (declared types differ by dialect), and
 * whether the database numbers it itself (identity / INTEGER PRIMARY KEY), so a restore leaves it out.
 */
export async function listColumnKinds(
  dialect: Dialect,
  db: Kysely<any>,
  table: string,
): Promise<Array<{ name: string; kind: ColumnKind; isAutoNumbered: boolean }>> {
  const r =
    dialect === 'postgres'
      ? await sql<{ name: string; type: string; auto: boolean }>`
          select column_name as name, data_type as type, (is_identity = 'YES' or coalesce(column_default, '') like 'nextval(%') as auto
          from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
          db,
        )
      : await sql<{ name: string; type: string; auto: number }>`
          select name, type, (pk = 1 and lower(type) = 'integer' and (select count(*) from pragma_table_info(${table}) where pk > 0) = 1) as auto
          from pragma_table_info(${table})`.execute(db);
  return r.rows.map(({ name, type, auto }) => {
    const t = type.toLowerCase();
    const kind: ColumnKind =
      t === 'boolean'
        ? 'boolean'
        : t === 'json' || t === 'jsonb'
          ? 'json'
          : /int|numeric|real|double|decimal/.test(t)
            ? 'number'
            : 'other';
    return { name, kind, isAutoNumbered: Boolean(auto) };
  });
}

/** Checks foreign keys at commit instead of per row, where the dialect allows it (bulk restores). */
export async function deferForeignKeys(dialect: Dialect, trx: Kysely<any>): Promise<void> {
  if (dialect === 'postgres')
    await sql`set constraints all deferred`.execute(trx); // affects only deferrable constraints
  else await sql`pragma defer_foreign_keys = on`.execute(trx);
}

/** Whether a value looks like an id our uuid columns accept (PostgreSQL rejects anything else). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Whether a text is a day (2026-01-31) or an instant (2026-01-31T08:00:00.000Z, or with an offset)
 * that exists on the calendar: PostgreSQL refuses 2026-02-30 or "soon" for a date or timestamp
 * column, where SQLite would compare the text.
 */
export function isDateText(value: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) return false;
  const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return (
    !Number.isNaN(ms) &&
    new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** 'YYYY-MM' of a date column (text on SQLite, date on PostgreSQL). */
export function monthOfDate(dialect: Dialect, column: string): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`
    : sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

/** A top-level key of a json column as text (key must be a plain identifier; callers validate it). */
export function jsonKeyText(dialect: Dialect, column: string, key: string): RawBuilder<string | null> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid json key ${key}`);
  return dialect === 'postgres'
    ? sql<string | null>`(${sql.ref(column)} ->> ${key})`
    : sql<string | null>`cast(json_extract(${sql.ref(column)}, ${`$.${key}`}) as text)`;
}

/** Whether a json array column holds the given string. */
export function jsonArrayHas(dialect: Dialect, column: string, value: string): RawBuilder<boolean> {
  return dialect === 'postgres'
    ? sql<boolean>`(${sql.ref(column)} @> jsonb_build_array(${value}::text))`
    : sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${value})`;
}

/**
 * The rows of a subquery as one JSON array of objects keyed by its selected columns, in its order
 * (`[]` for none), so a record and its child rows come back from one statement. SQLite hands the
 * array back as text and keeps 0/1 for booleans: read it with `fromJson` and `Boolean()`.
 */
export function jsonRows<O>(dialect: Dialect, subquery: SelectQueryBuilder<any, any, O>): RawBuilder<O[] | string> {
  return (dialect === 'postgres'
    ? pgJsonArrayFrom(subquery)
    : sqliteJsonArrayFrom(subquery)) as RawBuilder<unknown> as RawBuilder<O[] | string>;
}

/** Seconds since 1970 of a timestamp column, as a number. */
export function epochSeconds(dialect: Dialect, column: string): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`extract(epoch from ${sql.ref(column)})`
    : sql<number>`unixepoch(${sql.ref(column)})`;
}

/** A read-only transaction that sees one consistent snapshot (SQLite transactions already do). */
export function snapshotTransaction<DBT>(dialect: Dialect, db: Kysely<DBT>) {
  const trx = db.transaction();
  return dialect === 'postgres' ? trx.setIsolationLevel('repeatable read') : trx;
}

/** A json column's top-level member as a number, for numeric comparison and sorting (key validated like jsonKeyText). */
export function jsonMemberNumber(dialect: Dialect, column: string, key: string): RawBuilder<number | null> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid json key ${key}`);
  return dialect === 'postgres'
    ? sql<number | null>`((${sql.ref(column)} ->> ${key})::numeric)`
    : sql<number | null>`json_extract(${sql.ref(column)}, ${`$.${key}`})`;
}

/** Whether a json column's top-level member is the boolean true. */
export function jsonMemberIsTrue(dialect: Dialect, column: string, key: string): RawBuilder<boolean> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid json key ${key}`);
  return dialect === 'postgres'
    ? sql<boolean>`((${sql.ref(column)} -> ${key}) = 'true'::jsonb)`
    : sql<boolean>`(json_type(${sql.ref(column)}, ${`$.${key}`}) = 'true')`;
}

/** Whether a json column's top-level member is an array holding the given string. */
export function jsonMemberArrayHas(dialect: Dialect, column: string, key: string, value: string): RawBuilder<boolean> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid json key ${key}`);
  return dialect === 'postgres'
    ? sql<boolean>`((${sql.ref(column)} -> ${key}) @> jsonb_build_array(${value}::text))`
    : sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${`$.${key}`}) where json_each.value = ${value})`;
}

/** The schema unqualified names resolve to (PostgreSQL); SQLite has none. */
export async function currentSchema(dialect: Dialect, db: Kysely<any>): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  return (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name;
}

/**
 * A list of text values as one statement argument (see inList): a PostgreSQL array, a JSON array for
 * SQLite. The statement's text is then the same for any number of values, so it can be reused.
 */
export function listArg(dialect: Dialect, values: readonly string[]): unknown {
  return dialect === 'postgres' ? [...values] : JSON.stringify(values);
}

/** `column` is one of the values of a listArg argument (an index lookup per value on both). */
export function inList(dialect: Dialect, column: string, arg: unknown): RawBuilder<boolean> {
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} = any(cast(${arg} as text[]))`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${arg}))`;
}

/**
 * `test(value)` when the argument is given, true when it is null: one statement text for both, for
 * reusable queries. PostgreSQL is told the argument's type, which `is null` alone cannot tell it.
 */
export function unlessNull(
  dialect: Dialect,
  arg: unknown,
  pgType: 'uuid' | 'text',
  test: (value: RawBuilder<unknown>) => RawBuilder<boolean>,
): RawBuilder<boolean> {
  const value = dialect === 'postgres' ? sql`cast(${arg} as ${sql.raw(pgType)})` : sql`${arg}`;
  return sql<boolean>`(${value} is null or ${test(value)})`;
}

/** A database error for a value of the wrong shape for its column (PostgreSQL: invalid_text_representation). */
export function isMalformedValueError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '22P02';
}

/**
 * PostgreSQL rows per INSERT: it prepares nothing (unnamed statements) and gains from fewer round
 * trips, up to its limit of 65,535 parameters.
 */
const PG_ROWS_PER_INSERT = 1000;

/**
 * INSERTs of many rows, their SQL written directly instead of through the query builder (which
 * spends far longer compiling thousands of values than the database spends storing them). Rows
 * must share their keys; table and column names come from code, never from input.
 *
 * PostgreSQL: multi-row VALUES. SQLite: one prepared single-row statement run for every row, all
 * in one call to the driver (EACH_ROW): faster than VALUES tuples (5,000 contacts: 150 ms against
 * 235 ms). Except `fullText`: a table whose trigger feeds an FTS5 index gets all its rows from one
 * statement reading a JSON array, because FTS5 writes its pending terms out at the end of every
 * statement (22,500 search documents: 944 ms row by row, 366 ms in VALUES of 100, 232 ms at once).
 */
export async function insertRowsFast(
  dialect: Dialect,
  db: Kysely<any>,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: { fullText?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  if (![table, ...columns].every((name) => /^[a-z_][a-z0-9_]*$/.test(name)))
    throw new Error(`unexpected identifier in insert into ${table}`);
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) `;
  if (dialect === 'sqlite' && opts.fullText) {
    const values = rows.map((row) => columns.map((column) => row[column] ?? null));
    await db.executeQuery(
      CompiledQuery.raw(`${head}select ${columns.map((_, i) => `value->>${i}`).join(',')} from json_each(?)`, [
        JSON.stringify(values),
      ]),
    );
    return;
  }
  if (dialect === 'sqlite') {
    const params: unknown[] = [];
    for (const row of rows) for (const column of columns) params.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(`${EACH_ROW}${head}values (${columns.map(() => '?').join(',')})`, params));
    return;
  }
  const size = Math.max(1, Math.min(PG_ROWS_PER_INSERT, Math.floor(65_535 / columns.length)));
  for (let from = 0; from < rows.length; from += size) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(from, from + size)) {
      const marks: string[] = [];
      for (const column of columns) {
        params.push(row[column] ?? null);
        marks.push(`$${params.length}`);
      }
      tuples.push(`(${marks.join(',')})`);
    }
    await db.executeQuery(CompiledQuery.raw(`${head}values ${tuples.join(',')}`, params));
  }
}
