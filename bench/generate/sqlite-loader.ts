import BetterSqlite3 from 'better-sqlite3';
import type { BulkLoader, Row } from './sink.js';

const MAX_VARIABLES = 32_766;
const MAX_ROWS_PER_STATEMENT = 500;

function bindable(v: Row[string]): unknown {
  if (v === true) return 1;
  if (v === false) return 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * SQLite bulk loading: prepared multi-row INSERTs inside big transactions, with secondary indexes
 * and triggers dropped while loading and recreated from their own `CREATE` text afterwards (an
 * index built in one pass is much faster than one grown row by row). The FTS5 table is rebuilt
 * from contact_search at the end instead of being fed row by row by its triggers.
 */
export class SqliteLoader implements BulkLoader {
  private db: BetterSqlite3.Database;
  private statements = new Map<string, BetterSqlite3.Statement>();
  private dropped: Array<{ type: string; name: string; sql: string }> = [];
  private uncommitted = 0;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    // WAL cannot switch to MEMORY directly; the file is a throwaway until generation completes
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('foreign_keys = OFF');
    // 8 GB: the primary-key indexes of the biggest tables (tens of millions of rows, keys not in
    // insertion order) must stay in memory, or each insert reads pages from disk and loading slows as it goes
    this.db.pragma('cache_size = -8000000');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('locking_mode = EXCLUSIVE');
  }

  async prepare(tables: string[]): Promise<void> {
    const list = tables.map((t) => `'${t}'`).join(',');
    this.dropped = this.db
      .prepare(
        `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${list})`,
      )
      .all() as typeof this.dropped;
    for (const d of this.dropped) this.db.exec(`drop ${d.type} "${d.name}"`);
    this.db.exec('begin');
  }

  private statement(table: string, columns: string[], rows: number): BetterSqlite3.Statement {
    const key = `${table}|${columns.length}|${rows}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      stmt = this.db.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${Array(rows).fill(tuple).join(',')}`,
      );
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  async write(table: string, columns: string[], rows: Row[]): Promise<void> {
    const per = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_VARIABLES / columns.length)));
    for (let at = 0; at < rows.length; at += per) {
      const slice = rows.slice(at, at + per);
      const params: unknown[] = [];
      for (const row of slice) for (const c of columns) params.push(bindable(row[c] ?? null));
      this.statement(table, columns, slice.length).run(params);
    }
    // commit now and then so the in-memory rollback journal stays a bounded size
    this.uncommitted += rows.length;
    if (this.uncommitted > 500_000 && this.db.inTransaction) {
      this.db.exec('commit');
      this.db.exec('begin');
      this.uncommitted = 0;
    }
  }

  async finish(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('commit');
    for (const d of this.dropped.filter((x) => x.type === 'index')) this.db.exec(d.sql);
    const fts = this.db.prepare(`select name from sqlite_master where name = 'contact_search_fts'`).get();
    if (fts) this.db.exec(`insert into contact_search_fts(contact_search_fts) values ('rebuild')`);
    for (const d of this.dropped.filter((x) => x.type === 'trigger')) this.db.exec(d.sql);
    this.db.pragma('locking_mode = NORMAL');
    this.db.pragma('journal_mode = WAL');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
