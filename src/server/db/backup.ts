import type { Database } from './database.js';

// Filled in by the backup/restore work: one NDJSON file per workspace, restorable into either dialect.
export async function backupWorkspace(_db: Database, _workspace: string, _file: string): Promise<{ rows: number; tables: number }> {
  throw new Error('backup is not implemented yet');
}
export async function restoreWorkspace(_db: Database, _file: string): Promise<{ workspaceId: string; rows: number; tables: number }> {
  throw new Error('restore is not implemented yet');
}
