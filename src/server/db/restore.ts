import type { Kysely, Transaction } from 'kysely';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  isInsertableInOrder,
  workspaceTables,
  type BackupEndLine,
  type BackupHeader,
  type BackupRowLine,
  type TableInfo,
} from './backup-plan.js';
import type { Database } from './database.js';
import { newId } from './ids.js';
import { readLines } from './ndjson.js';
import { dialectOf } from './dialect.js';
import { toJson } from './sql-helpers.js';

export interface RestoreResult {
  workspaceId: string;
  slug: string;
  rows: number;
  tables: number;
  /** Users already present here (by email) whom the workspace's rows now point at instead. */
  reusedUsers: number;
}

/**
 * Reads a backup written by `backupWorkspace` into this database, whichever dialect wrote it, in
 * one transaction: refuses a workspace id that exists already, reuses users that exist by email
 * (remapping every reference to them), and renames the slug if another workspace holds it.
 */
export async function restoreWorkspace(database: Database, file: string): Promise<RestoreResult> {
  const db = database.db as unknown as Kysely<any>;
  const header = await readHeader(file);
  const target = await workspaceTables(db);
  const missing = header.tables.filter((t) => !target.some((x) => x.name === t));
  if (missing.length)
    throw new BackupError(
      `This database has no table ${missing.join(', ')} from the backup; run the migrations (npm run db:migrate) first`,
    );
  // Normally one pass; if this schema orders tables differently, one pass per table in our order.
  const passes: Array<string | null> = isInsertableInOrder(header.tables, target)
    ? [null]
    : target.map((t) => t.name).filter((t) => header.tables.includes(t));

  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('workspaces').select('id').where('id', '=', header.workspaceId).executeTakeFirst()) {
      throw new BackupError(
        `Workspace ${header.workspaceId} (${header.slug}) already exists in this database; restore into an empty or different database`,
      );
    }
    await dialectOf(trx).deferForeignKeys(trx);
    const inserter = new RowInserter(trx, target);
    let end: BackupEndLine | null = null;
    let seen = 0;
    for (const only of passes) {
      let lineNo = 0;
      for await (const text of readLines(file)) {
        if (lineNo++ === 0) continue;
        const line = parseLine(text, lineNo);
        if ('end' in line) {
          end = line;
          continue;
        }
        if (only !== null && line.table !== only) continue;
        if (!header.tables.includes(line.table))
          throw new BackupError(`Line ${lineNo}: table ${line.table} is not listed in the backup's header`);
        await inserter.add(line.table, line.row);
        seen++;
      }
    }
    await inserter.flush();
    if (!end) throw new BackupError('The backup file is incomplete (no end line); nothing was restored');
    if (end.rows !== seen)
      throw new BackupError(`The backup file says ${end.rows} rows but holds ${seen}; nothing was restored`);
    return {
      workspaceId: header.workspaceId,
      slug: inserter.slug ?? header.slug,
      rows: inserter.inserted,
      tables: header.tables.length,
      reusedUsers: inserter.reusedUsers,
    };
  });
}

async function readHeader(file: string): Promise<BackupHeader> {
  for await (const text of readLines(file)) {
    const header = parseLine(text, 1) as unknown as BackupHeader;
    if (header.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a workspace backup`);
    if (header.version !== BACKUP_VERSION)
      throw new BackupError(`Backup format version ${header.version} is not supported (expected ${BACKUP_VERSION})`);
    return header;
  }
  throw new BackupError(`${file} is empty`);
}

function parseLine(text: string, lineNo: number): BackupRowLine | BackupEndLine {
  try {
    return JSON.parse(text) as BackupRowLine | BackupEndLine;
  } catch {
    throw new BackupError(`Line ${lineNo} of the backup is not valid JSON`);
  }
}

const MAX_PARAMS_PER_INSERT = 10_000;

/** Inserts rows in batches per table, converting values to this dialect and remapping reused users. */
class RowInserter {
  inserted = 0;
  reusedUsers = 0;
  slug: string | null = null;
  private userIds = new Map<string, string>();
  private tables: Map<string, TableInfo>;
  private checkedColumns = new Set<string>();
  private batch: { table: string; keys: string; rows: Record<string, unknown>[] } | null = null;

  constructor(
    private trx: Transaction<any>,
    target: TableInfo[],
  ) {
    this.tables = new Map(target.map((t) => [t.name, t]));
  }

  async add(table: string, input: Record<string, unknown>): Promise<void> {
    const info = this.tables.get(table)!;
    this.checkColumns(info, input);
    let row: Record<string, unknown> | null = input;
    if (table === 'workspaces') row = await this.withFreeSlug(row);
    else if (table === 'users') row = await this.userToInsert(row);
    else row = this.remapUsers(row);
    if (!row) return;
    const converted = convertRow(info, row);
    const keys = Object.keys(converted).join(',');
    if (this.batch && (this.batch.table !== table || this.batch.keys !== keys)) await this.flush();
    this.batch ??= { table, keys, rows: [] };
    this.batch.rows.push(converted);
    if (this.batch.rows.length * info.columns.length >= MAX_PARAMS_PER_INSERT) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = null;
    if (!batch?.rows.length) return;
    await this.trx.insertInto(batch.table).values(batch.rows).execute();
    this.inserted += batch.rows.length;
  }

  private checkColumns(info: TableInfo, row: Record<string, unknown>) {
    for (const key of Object.keys(row)) {
      const id = `${info.name}.${key}`;
      if (this.checkedColumns.has(id)) continue;
      if (!info.columns.some((c) => c.name === key))
        throw new BackupError(
          `Column ${id} from the backup does not exist in this database; run the migrations (npm run db:migrate) first`,
        );
      this.checkedColumns.add(id);
    }
  }

  private async withFreeSlug(row: Record<string, unknown>): Promise<Record<string, unknown>> {
    const base = String(row.slug);
    for (let i = 0; ; i++) {
      const slug = i === 0 ? base : `${base}-restored${i > 1 ? `-${i}` : ''}`;
      if (!(await this.trx.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst())) {
        this.slug = slug;
        return { ...row, slug };
      }
    }
  }

  /** A user with the same email here is reused; an id clash with someone else gets a fresh id. */
  private async userToInsert(row: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    await this.flush();
    const id = String(row.id);
    const sameEmail = await this.trx.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
    if (sameEmail) {
      this.userIds.set(id, sameEmail.id);
      this.reusedUsers++;
      return null;
    }
    if (await this.trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) {
      const fresh = newId();
      this.userIds.set(id, fresh);
      return { ...row, id: fresh };
    }
    return row;
  }

  // Ids are UUIDs, so a value equal to a remapped user id is a reference to that user (FK or not).
  private remapUsers(row: Record<string, unknown>): Record<string, unknown> {
    if (!this.userIds.size) return row;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? (this.userIds.get(v) ?? v) : v;
    return out;
  }
}

/**
 * JSON values go in as text, booleans as booleans, whatever dialect wrote the file. Numbers the
 * database assigns itself (a search table's `seq`) are left for it to assign again, as other
 * workspaces here may hold the same ones.
 */
function convertRow(info: TableInfo, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = info.columns.find((c) => c.name === key);
    if (column?.isAutoNumbered) continue;
    const kind = column?.kind;
    if (value === null || value === undefined) out[key] = null;
    else if (kind === 'json') out[key] = toJson(value);
    else if (kind === 'boolean')
      out[key] = value === true || value === 1 || value === '1' || value === 't' || value === 'true';
    else out[key] = value;
  }
  return out;
}
