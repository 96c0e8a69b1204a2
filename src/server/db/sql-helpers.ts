import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database.js';

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

/** Case-insensitive LIKE ("contains") for ASCII and Unicode text. */
export function ilike(dialect: Dialect, column: RawBuilder<unknown> | string, pattern: string): RawBuilder<boolean> {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return dialect === 'postgres' ? sql<boolean>`${col} ilike ${pattern}` : sql<boolean>`lower(${col}) like lower(${pattern})`;
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
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Foreign keys as (table -> referenced table), for ordering inserts on restore. */
export async function listForeignKeys(dialect: Dialect, db: Kysely<any>): Promise<Array<{ table: string; references: string }>> {
  if (dialect === 'postgres') {
    const r = await sql<{ table: string; references: string }>`
      select distinct tc.table_name as "table", ccu.table_name as "references"
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
    return r.rows;
  }
  const out: Array<{ table: string; references: string }> = [];
  for (const table of await listTables(dialect, db)) {
    const r = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
    for (const row of r.rows) out.push({ table, references: row.table });
  }
  return out;
}

/** Columns of a table. */
export async function listColumns(dialect: Dialect, db: Kysely<any>, table: string): Promise<string[]> {
  const r =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return r.rows.map((x) => x.name);
}
