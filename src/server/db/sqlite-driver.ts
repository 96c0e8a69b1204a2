import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Wraps better-sqlite3 so SQLite rows come back with the same JS types as PostgreSQL's:
 * columns declared `boolean` become booleans, columns declared `json`/`jsonb` are parsed.
 * Parameters: booleans bind as 1/0, Dates as ISO strings. Prepared statements are cached.
 */
export function wrapSqlite(raw: BetterSqlite3.Database, cacheSize = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string): SqliteStatement {
      let stmt = cache.get(sqlText);
      if (stmt) return stmt;
      stmt = sqlText.startsWith(EACH_ROW)
        ? eachRowStatement(raw.prepare(sqlText))
        : wrapStatement(raw.prepare(sqlText));
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

/**
 * Marks an INSERT of one row's placeholders that is given the values of many rows at once: the
 * statement runs once per row (see insertRowsFast). SQLite stores rows faster this way than from
 * one statement of many VALUES tuples (a batch of 5,000 contacts: 150 ms against 235 ms), and the
 * query builder is crossed once per batch instead of once per row.
 */
export const EACH_ROW = '/* each row */ ';

function eachRowStatement(stmt: BetterSqlite3.Statement): SqliteStatement {
  const width = stmt.source.split('?').length - 1;
  if (stmt.reader || width === 0) throw new Error('an each-row statement is an INSERT with placeholders');
  return {
    reader: false,
    all: () => {
      throw new Error('an each-row statement returns no rows');
    },
    run: (params) => {
      if (params.length % width)
        throw new Error(`each-row statement: ${params.length} values are not rows of ${width}`);
      const values = bindable(params);
      let changes = 0;
      let lastInsertRowid: number | bigint = 0;
      for (let from = 0; from < values.length; from += width) {
        const result = stmt.run(...values.slice(from, from + width));
        changes += result.changes;
        lastInsertRowid = result.lastInsertRowid;
      }
      return { changes, lastInsertRowid };
    },
    iterate: () => {
      throw new Error('an each-row statement returns no rows');
    },
  } as SqliteStatement;
}

type RowBuilder = (values: unknown[]) => Record<string, unknown>;

function wrapStatement(stmt: BetterSqlite3.Statement): SqliteStatement {
  const toRow = stmt.reader ? rowBuilder(stmt) : null;
  // rows come as arrays and are named here: better-sqlite3's own row objects cost more
  // (~3 µs a row of 18 columns, ~0.2 µs of 3; measured on the contact export's page query)
  if (toRow) stmt.raw(true);
  return {
    reader: stmt.reader,
    all: (params) => {
      const rows = stmt.all(...bindable(params)) as unknown[];
      if (toRow) for (let i = 0; i < rows.length; i++) rows[i] = toRow(rows[i] as unknown[]);
      return rows;
    },
    run: (params) => stmt.run(...bindable(params)),
    *iterate(params) {
      for (const values of stmt.iterate(...bindable(params)) as Iterable<unknown[]>)
        yield toRow ? toRow(values) : values;
    },
  } as SqliteStatement;
}

const PLAIN = 0;
const BOOLEAN = 1;
const JSON_TEXT = 2;

/** Builds a row object from a row's values, turning declared booleans and json columns into JS values. */
function rowBuilder(stmt: BetterSqlite3.Statement): RowBuilder {
  const columns = stmt.columns();
  const names = columns.map((col) => col.name);
  const kinds = columns.map((col) => {
    const type = col.type?.toLowerCase();
    return type === 'boolean' ? BOOLEAN : type === 'json' || type === 'jsonb' ? JSON_TEXT : PLAIN;
  });
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = values[i];
      const kind = kinds[i];
      row[names[i]] =
        kind === PLAIN || value === null
          ? value
          : kind === BOOLEAN
            ? value === 1
            : typeof value === 'string'
              ? JSON.parse(value)
              : value;
    }
    return row;
  };
}

function bindable(params: ReadonlyArray<unknown>): unknown[] {
  return params.map((p) => (p === true ? 1 : p === false ? 0 : p instanceof Date ? p.toISOString() : p));
}

/** Opens a file, or ':memory:'; given an image (`serialize()`), an in-memory copy of it instead. */
export function openSqlite(file: string, image?: Buffer): BetterSqlite3.Database {
  const raw = image ? new BetterSqlite3(image) : new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  // 32 MB of pages: pages beyond it come from the operating system's file cache. The 100k benchmark
  // ran as fast as with 64 MB, and the server's peak memory during an import or export fell from
  // 313-352 MB to under 300.
  raw.pragma('cache_size = -32000');
  raw.pragma('temp_store = MEMORY');
  return raw;
}
