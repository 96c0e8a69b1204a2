import { z } from 'zod';
import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { defineJob } from '../jobs/job-definition.js';
import { retentionDays } from './contact-config.repository.js';

export const DEFAULT_RETENTION_DAYS = 90;
const MERGE_UNDO_DAYS = 30;
const BATCH = 500;

async function purgeTable(
  ctx: AppContext,
  table: 'contacts' | 'companies',
  workspaceId: string,
  cutoff: string,
  mergedCutoff: string,
): Promise<number> {
  let purged = 0;
  for (;;) {
    let q = ctx.db
      .selectFrom(table)
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', '<', cutoff);
    if (table === 'contacts')
      q = q.where((eb) => eb.or([eb('merged_into_id' as never, 'is', null), eb('deleted_at', '<', mergedCutoff)]));
    const ids = (await q.limit(BATCH).execute()).map((r) => r.id);
    if (!ids.length) return purged;
    try {
      await ctx.db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
      purged += ids.length;
    } catch (err) {
      // a row another module still references (without a cascade) stays; the rest go
      ctx.log.warn({ err, table, workspaceId }, 'purge batch failed; purging one by one');
      let progressed = false;
      for (const id of ids) {
        try {
          await ctx.db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
          purged++;
          progressed = true;
        } catch {
          // keep it; reported in the log above
        }
      }
      if (!progressed) return purged;
    }
  }
}

/**
 * Daily: deletes for good the contacts and companies that sat in the trash longer than the
 * workspace's retention (default 90 days). Contacts merged away stay at least as long as their
 * merge can be undone. Idempotent: a second run finds nothing left to purge.
 */
export const contactPurgeJob = defineJob({
  name: 'contacts.purge',
  schema: z.object({}).default({}),
  async handler(ctx) {
    const workspaces = await ctx.db.selectFrom('workspaces').select('id').execute();
    const now = ctx.clock.now().getTime();
    let total = 0;
    for (const ws of workspaces) {
      const days = (await retentionDays(ctx.db, ws.id)) ?? DEFAULT_RETENTION_DAYS;
      const cutoff = new Date(now - days * 86_400_000).toISOString();
      const mergedCutoff = new Date(now - Math.max(days, MERGE_UNDO_DAYS) * 86_400_000).toISOString();
      const contacts = await purgeTable(ctx, 'contacts', ws.id, cutoff, mergedCutoff);
      const companies = await purgeTable(ctx, 'companies', ws.id, cutoff, mergedCutoff);
      await ctx.db.deleteFrom('notes').where('workspace_id', '=', ws.id).where('deleted_at', '<', cutoff).execute();
      if (contacts + companies > 0) {
        const actor = systemActor(ws.id, 'retention');
        const at = new Date(now).toISOString();
        await withTransaction(ctx.db, async (trx) => {
          await recordAudit(
            trx,
            actor,
            { action: 'contact.purged', entityType: 'contact', meta: { contacts, companies, retentionDays: days } },
            at,
          );
          await appendEvent(
            ctx,
            trx,
            actor,
            { type: 'contact.purged', entityType: 'contact', payload: { contacts, companies } },
            at,
          );
        });
      }
      total += contacts + companies;
    }
    return { purged: total };
  },
});
