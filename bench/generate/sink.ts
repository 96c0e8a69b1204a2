/** A row as the generator writes it: column -> value (JSON columns as plain objects or arrays). */
export type Row = Record<string, string | number | boolean | null | object>;

/** Where generated rows go: a dialect's bulk loader behind buffers flushed in large batches. */
export interface BulkLoader {
  /** Drops the tables' secondary indexes and triggers so loading is append-only; restored by finish(). */
  prepare(tables: string[]): Promise<void>;
  write(table: string, columns: string[], rows: Row[]): Promise<void>;
  /** Rebuilds what prepare() dropped (and search indexes), then closes. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

/** Buffers rows per table and hands them to the loader in batches. */
export class RowSink {
  private buffers = new Map<string, Row[]>();
  private columns = new Map<string, string[]>();
  readonly counts = new Map<string, number>();

  constructor(
    private loader: BulkLoader,
    private batchRows = 20_000,
  ) {}

  async add(table: string, row: Row): Promise<void> {
    let buf = this.buffers.get(table);
    if (!buf) {
      buf = [];
      this.buffers.set(table, buf);
      if (!this.columns.has(table)) this.columns.set(table, Object.keys(row));
    }
    buf.push(row);
    if (buf.length >= this.batchRows) await this.flushTable(table);
  }

  // One batch may be in the loader while the next is generated (PostgreSQL COPY works meanwhile).
  private inFlight: Promise<void> = Promise.resolve();

  private async flushTable(table: string): Promise<void> {
    const buf = this.buffers.get(table);
    if (!buf?.length) return;
    this.buffers.set(table, []);
    await this.inFlight;
    this.inFlight = this.loader.write(table, this.columns.get(table)!, buf);
    this.counts.set(table, (this.counts.get(table) ?? 0) + buf.length);
  }

  async flush(): Promise<void> {
    for (const table of [...this.buffers.keys()]) await this.flushTable(table);
    await this.inFlight;
  }
}

/** Tables the generator fills in bulk (their secondary indexes are rebuilt after loading). */
export const BULK_TABLES = [
  'companies',
  'company_relationships',
  'contacts',
  'contact_emails',
  'contact_phones',
  'contact_tags',
  'contact_search',
  'notes',
  'contact_relationships',
  'external_links',
  'deals',
  'deal_stage_history',
  'activities',
  'tasks',
  'events',
  'timeline_entries',
];
