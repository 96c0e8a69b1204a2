import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { fromJson } from '../../db/sql-helpers.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { neutralizeFormula } from './exporting/writers.js';
import type { FailedRow } from './import-commit.js';
import { batchesAfter } from './imports.repository.js';
import { visibleImport } from './imports.service.js';

const BATCHES_PER_READ = 20;

/**
 * The rows an import could not take, as a CSV to fix and upload again: the row number, the original
 * cells under the original headers, and the reason in a last column.
 */
export async function failedRowsCsv(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ stream: Readable; fileName: string }> {
  const imp = await visibleImport(ctx.db, actor, id);
  const headers = fromJson<string[]>(imp.headers, []);
  async function* rows(): AsyncGenerator<string[]> {
    yield ['Row', ...headers, 'Problem'];
    let after = -1;
    for (;;) {
      const batches = await batchesAfter(ctx.db, imp.workspace_id, imp.id, after, BATCHES_PER_READ);
      if (!batches.length) return;
      for (const batch of batches) {
        for (const f of fromJson<FailedRow[]>(batch.failures, [])) {
          const problem = f.issues.map((i) => (i.column ? `${i.column}: ${i.problem}` : i.problem)).join('; ');
          yield [String(f.line), ...headers.map((_h, i) => f.cells[i] ?? ''), problem];
        }
        after = batch.batch_no;
      }
    }
  }
  const csv = stringify({ bom: true, cast: { string: neutralizeFormula } });
  const stream = Readable.from(rows()).pipe(csv);
  return { stream, fileName: `${imp.file_name.replace(/\.[^.]+$/, '')}-failed-rows.csv` };
}
