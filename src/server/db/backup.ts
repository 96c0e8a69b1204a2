import fs from 'node:fs/promises';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  isVolatileTable,
  workspaceTables,
  type BackupHeader,
  type TableInfo,
} from './backup-plan.js';
import type { Database } from './database.js';
import { NdjsonWriter } from './ndjson.js';
import { dialectOf } from './dialect.js';
import { isUuid } from './sql-helpers.js';

export { restoreWorkspace } from './restore.js';
export { BackupError } from './backup-plan.js';

const PAGE_SIZE = 500;

/**
 * Writes one workspace to an NDJSON file: a header line, one `{table, row}` line per row (the
 * workspace, its users without their sessions, then every table with a `workspace_id`, parents
 * first, each in id order), and an end line with the row count so a truncated file is refused.
 * Rows are paged from one consistent snapshot; the file appears under its name only when complete.
 */
export async function backupWorkspace(
  database: Database,
  workspace: string,
  file: string,
): Promise<{ workspaceId: string; rows: number; tables: number }> {
  const db = database.db as unknown as Kysely<any>;
  const ws = await db
    .selectFrom('workspaces')
    .select(['id', 'slug'])
    .where((eb) =>
      isUuid(workspace) ? eb.or([eb('id', '=', workspace), eb('slug', '=', workspace)]) : eb('slug', '=', workspace),
    )
    .executeTakeFirst();
  if (!ws) throw new BackupError(`No workspace with the id or slug "${workspace}"`);
  const tables = await workspaceTables(db);
  const partial = `${file}.partial`;
  const out = new NdjsonWriter(partial);
  let rows = 0;
  try {
    await dialectOf(db)
      .snapshotTransaction(db)
      .execute(async (trx) => {
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          dialect: database.dialect,
          workspaceId: ws.id,
          slug: ws.slug,
          createdAt: new Date().toISOString(),
          tables: tables.map((t) => t.name),
        };
        await out.write(header);
        for (const table of tables) {
          for await (const row of tableRows(trx, table, tables, ws.id)) {
            await out.write({ table: table.name, row });
            rows++;
          }
        }
        await out.write({ end: true, rows });
      });
    await out.close();
    await fs.rename(partial, file);
  } catch (err) {
    out.destroy();
    await fs.rm(partial, { force: true });
    throw err;
  }
  return { workspaceId: ws.id, rows, tables: tables.length };
}

/** The rows of one table that belong to the workspace, page by page (keyset on id where there is one). */
async function* tableRows(
  db: Kysely<any>,
  table: TableInfo,
  all: TableInfo[],
  workspaceId: string,
): AsyncGenerator<Record<string, unknown>> {
  // Links into volatile tables (e.g. a job) would dangle after a restore, so they are left out.
  const dropped = table.foreignKeys.filter((f) => isVolatileTable(f.references)).map((f) => f.column);
  const hasId = table.columns.some((c) => c.name === 'id');
  let lastId: unknown = null;
  for (let offset = 0; ; offset += PAGE_SIZE) {
    let q = rowsOf(db, table, all, workspaceId);
    if (hasId) {
      if (lastId !== null) q = q.where(`${table.name}.id`, '>', lastId);
      q = q.orderBy(`${table.name}.id`);
    } else {
      for (const c of table.columns) q = q.orderBy(`${table.name}.${c.name}`);
      q = q.offset(offset);
    }
    const page = await q.limit(PAGE_SIZE).execute();
    for (const row of page) {
      for (const c of dropped) row[c] = null;
      yield row;
    }
    if (page.length < PAGE_SIZE) return;
    lastId = page[page.length - 1].id;
  }
}

function rowsOf(
  db: Kysely<any>,
  table: TableInfo,
  all: TableInfo[],
  workspaceId: string,
): SelectQueryBuilder<any, any, any> {
  if (table.name === 'workspaces') return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId);
  if (table.name !== 'users')
    return db.selectFrom(table.name).selectAll().where(`${table.name}.workspace_id`, '=', workspaceId);
  // Members, and anyone the workspace's rows point at (a former member who created a record).
  const references = all.flatMap((t) =>
    t.name === 'users'
      ? []
      : t.foreignKeys.filter((f) => f.references === 'users').map((f) => ({ table: t.name, column: f.column })),
  );
  return db
    .selectFrom('users')
    .selectAll('users')
    .where((eb) =>
      eb.or(
        references.map((r) =>
          eb.exists(
            eb
              .selectFrom(`${r.table} as ref`)
              .select(sql.lit(1).as('one'))
              .where('ref.workspace_id', '=', workspaceId)
              .whereRef(`ref.${r.column}`, '=', 'users.id'),
          ),
        ),
      ),
    );
}
