import type { Kysely } from 'kysely';
import type { Dialect } from './database.js';
import { MIGRATION_TABLE } from './migrator.js';
import { dialectOf, type ColumnKind } from './dialect.js';

export const BACKUP_FORMAT = 'crm-workspace-backup';
export const BACKUP_VERSION = 1;

// Sign-ins, throttling and the job queue are state of a running system, not of the workspace.
const VOLATILE_TABLES = new Set([
  'sessions',
  'login_failures',
  'password_resets',
  'jobs',
  'recurring_jobs',
  MIGRATION_TABLE,
  `${MIGRATION_TABLE}_lock`,
]);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  dialect: Dialect;
  workspaceId: string;
  slug: string;
  createdAt: string;
  /** Tables in the order their rows follow (parents first). */
  tables: string[];
}
export interface BackupRowLine {
  table: string;
  row: Record<string, unknown>;
}
export interface BackupEndLine {
  end: true;
  rows: number;
}

export class BackupError extends Error {}

export interface TableInfo {
  name: string;
  columns: Array<{ name: string; kind: ColumnKind; isAutoNumbered: boolean }>;
  /** Columns pointing at another table (self-references included). */
  foreignKeys: Array<{ column: string; references: string }>;
}

/**
 * What one workspace's data is made of in this database: the workspace row, its users, then every
 * table with a `workspace_id` column, parents before children (by foreign keys).
 */
export async function workspaceTables(db: Kysely<any>): Promise<TableInfo[]> {
  const d = dialectOf(db);
  const fks = await d.listForeignKeys(db);
  const infos: TableInfo[] = [];
  for (const name of await d.listTables(db)) {
    if (VOLATILE_TABLES.has(name)) continue;
    const columns = await d.listColumnKinds(db, name);
    const isWorkspaceData = name === 'workspaces' || name === 'users' || columns.some((c) => c.name === 'workspace_id');
    if (!isWorkspaceData) continue;
    infos.push({
      name,
      columns,
      foreignKeys: fks.filter((f) => f.table === name).map(({ column, references }) => ({ column, references })),
    });
  }
  // The workspace and its users lead: user ids are remapped on restore before anything refers to them.
  const rest = dependencyOrder(
    infos.map((i) => i.name).filter((n) => n !== 'workspaces' && n !== 'users'),
    fks,
  );
  return ['workspaces', 'users', ...rest].map((name) => infos.find((i) => i.name === name)!).filter(Boolean);
}

/** Parents before children; self-references are left to id order, cycles are broken by name order. */
export function dependencyOrder(tables: string[], fks: Array<{ table: string; references: string }>): string[] {
  const pending = new Set([...tables].sort());
  const order: string[] = [];
  const parentsOf = (t: string) =>
    fks.filter((f) => f.table === t && f.references !== t && pending.has(f.references)).map((f) => f.references);
  while (pending.size) {
    const ready = [...pending].find((t) => parentsOf(t).length === 0) ?? [...pending][0];
    order.push(ready);
    pending.delete(ready);
  }
  return order;
}

/** Whether rows arriving in `fileOrder` can be inserted in one pass under this database's foreign keys. */
export function isInsertableInOrder(fileOrder: string[], target: TableInfo[]): boolean {
  const seen = new Set<string>();
  const inFile = new Set(fileOrder);
  for (const table of fileOrder) {
    const info = target.find((t) => t.name === table);
    if (info?.foreignKeys.some((f) => f.references !== table && inFile.has(f.references) && !seen.has(f.references)))
      return false;
    seen.add(table);
  }
  return true;
}

export function isVolatileTable(name: string): boolean {
  return VOLATILE_TABLES.has(name);
}
