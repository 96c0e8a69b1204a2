import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Database } from '../../src/server/db/database.js';
import { dialectOf } from '../../src/server/db/dialect.js';

/**
 * Projections a module keeps beside its own rows and can rebuild from them. After a bulk load the
 * generator calls each module's own rebuild (when that module and its table exist), so the data the
 * app reads is what its writers would have produced. Looked up at run time because modules grow.
 */
interface Rebuild {
  table: string;
  module: string;
  fn: string;
  /** Called once per pipeline of the workspace. */
  perPipeline: boolean;
}

const REBUILDS: Rebuild[] = [
  {
    table: 'pipeline_open_month_stats',
    module: 'src/server/modules/pipelines/forecast-stats.repository.ts',
    fn: 'rebuildForecastStats',
    perPipeline: true,
  },
];

export async function rebuildProjections(
  database: Database,
  workspaceId: string,
  log: (line: string) => void,
): Promise<string[]> {
  const tables = new Set(await dialectOf(database.db).listTables(database.db));
  const done: string[] = [];
  for (const r of REBUILDS) {
    if (!tables.has(r.table)) continue;
    const mod = (await import(pathToFileURL(path.resolve(r.module)).href).catch(() => null)) as Record<
      string,
      unknown
    > | null;
    const rebuild = mod?.[r.fn] as ((...args: unknown[]) => Promise<void>) | undefined;
    if (!rebuild) {
      log(`  warning: ${r.table} exists but ${r.module} has no ${r.fn}(); it stays empty`);
      continue;
    }
    const pipelines = await database.db
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    for (const p of r.perPipeline ? pipelines : [{ id: null }]) await rebuild(database.db, workspaceId, p.id);
    done.push(r.table);
  }
  return done;
}
