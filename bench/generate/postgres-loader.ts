import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkLoader, Row } from './sink.js';

/** A value in COPY's text format. */
function copyText(v: Row[string]): string {
  if (v === null || v === undefined) return '\\N';
  if (v === true) return 't';
  if (v === false) return 'f';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * PostgreSQL bulk loading with COPY. Foreign-key triggers are off for the session (the generator
 * writes consistent data), secondary indexes are dropped while loading and recreated afterwards
 * from their own definitions (the dataset step then vacuums and analyzes, as autovacuum would).
 */
export class PostgresLoader implements BulkLoader {
  private client: pg.Client;
  private dropped: Array<{ indexname: string; indexdef: string }> = [];

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async prepare(tables: string[]): Promise<void> {
    await this.client.connect();
    await this.client.query(
      `set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '1GB'`,
    );
    const res = await this.client.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = current_schema() and i.tablename = any($1)
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = (select oid from pg_namespace where nspname = current_schema()))`,
      [tables],
    );
    this.dropped = res.rows;
    for (const d of this.dropped) await this.client.query(`drop index "${d.indexname}"`);
  }

  async write(table: string, columns: string[], rows: Row[]): Promise<void> {
    const stream = this.client.query(
      copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(',')}) from stdin`),
    );
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let chunk = '';
    for (const row of rows) {
      chunk += columns.map((c) => copyText(row[c] ?? null)).join('\t') + '\n';
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    stream.end(chunk);
    await done;
  }

  async finish(): Promise<void> {
    for (const d of this.dropped) await this.client.query(d.indexdef);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
