import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { expiredExports, updateExport } from './exports.repository.js';
import { removeFile } from './files/storage.js';
import { importsWithStaleFiles, updateImport } from './imports.repository.js';

/** Uploads are kept a week after their import finished (or was abandoned); export files until they expire. */
const UPLOAD_KEEP_DAYS = 7;

export async function cleanupFiles(ctx: AppContext): Promise<{ uploads: number; exports: number }> {
  const now = nowIso(ctx.clock);
  const before = new Date(ctx.clock.now().getTime() - UPLOAD_KEEP_DAYS * 86_400_000).toISOString();
  let uploads = 0;
  for (const imp of await importsWithStaleFiles(ctx.db, before)) {
    await removeFile(ctx.config, imp.file_key);
    const isAbandoned = imp.status === 'uploaded' || imp.status === 'validated';
    await updateImport(ctx.db, imp.workspace_id, imp.id, {
      file_key: null,
      ...(isAbandoned
        ? { status: 'cancelled', error: 'The uploaded file was removed after a week without running' }
        : {}),
    });
    uploads++;
  }
  let exports = 0;
  for (const exp of await expiredExports(ctx.db, now)) {
    await removeFile(ctx.config, exp.file_key);
    await updateExport(ctx.db, exp.workspace_id, exp.id, { file_key: null, updated_at: now });
    exports++;
  }
  return { uploads, exports };
}
