/** A unique (or primary) key refused a row: which table, and which columns when the driver says. */
export interface UniqueViolation {
  table: string | null;
  columns: string[];
  constraint: string | null;
}

/**
 * Reads a unique-key violation out of either driver's error, or null for any other error.
 * PostgreSQL (node-postgres): SQLSTATE 23505 with `table`, `constraint` and a detail
 * `Key (workspace_id, name_key)=(...) already exists.`. SQLite (better-sqlite3):
 * `SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY` with `UNIQUE constraint failed: tags.workspace_id, tags.name_key`.
 */
export function uniqueViolationOf(err: unknown): UniqueViolation | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; message?: unknown; table?: unknown; constraint?: unknown; detail?: unknown };
  if (e.code === '23505') {
    const key = typeof e.detail === 'string' ? /^Key \((.*)\)=\(/.exec(e.detail)?.[1] : undefined;
    return {
      table: typeof e.table === 'string' ? e.table : null,
      columns: key ? key.split(',').map((c) => c.trim()) : [],
      constraint: typeof e.constraint === 'string' ? e.constraint : null,
    };
  }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const listed = typeof e.message === 'string' ? /constraint failed: (.*)$/.exec(e.message)?.[1] : undefined;
    if (!listed || listed.startsWith('index ')) return { table: null, columns: [], constraint: listed ?? null };
    const parts = listed.split(',').map((c) => c.trim().split('.'));
    return { table: parts[0]?.[0] ?? null, columns: parts.map((p) => p[p.length - 1]), constraint: null };
  }
  return null;
}
