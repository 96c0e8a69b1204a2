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
      stmt = wrapStatement(raw.prepare(sqlText));
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

type Converter = (row: Record<string, unknown>) => Record<string, unknown>;

function wrapStatement(stmt: BetterSqlite3.Statement): SqliteStatement {
  const convert = stmt.reader ? rowConverter(stmt) : null;
  return {
    reader: stmt.reader,
    all: (params) => {
      const rows = stmt.all(...bindable(params)) as Record<string, unknown>[];
      return convert ? rows.map(convert) : rows;
    },
    run: (params) => stmt.run(...bindable(params)),
    *iterate(params) {
      for (const row of stmt.iterate(...bindable(params)) as Iterable<Record<string, unknown>>) {
        yield convert ? convert(row) : row;
      }
    },
  } as SqliteStatement;
}

function rowConverter(stmt: BetterSqlite3.Statement): Converter | null {
  const bools: string[] = [];
  const jsons: string[] = [];
  for (const col of stmt.columns()) {
    const type = col.type?.toLowerCase();
    if (type === 'boolean') bools.push(col.name);
    else if (type === 'json' || type === 'jsonb') jsons.push(col.name);
  }
  if (!bools.length && !jsons.length) return null;
  return (row) => {
    for (const name of bools) if (row[name] !== null && row[name] !== undefined) row[name] = row[name] === 1;
    for (const name of jsons) if (typeof row[name] === 'string') row[name] = JSON.parse(row[name] as string);
    return row;
  };
}

function bindable(params: ReadonlyArray<unknown>): unknown[] {
  return params.map((p) => (p === true ? 1 : p === false ? 0 : p instanceof Date ? p.toISOString() : p));
}

export function openSqlite(file: string): BetterSqlite3.Database {
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -64000');
  raw.pragma('temp_store = MEMORY');
  return raw;
}
