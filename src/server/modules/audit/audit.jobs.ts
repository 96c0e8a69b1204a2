import { z } from 'zod';
import { fromJson } from '../../db/sql-helpers.js';
import { defineJob } from '../jobs/job-definition.js';
import type { WorkspaceSettings } from '../workspaces/workspaces.tables.js';
import { purgeAudit } from './audit.repository.js';

/** Daily: drops audit entries past each workspace's retention (default one year). */
export const auditRetentionJob = defineJob({
  name: 'audit.retention',
  schema: z.object({}).default({}),
  async handler(ctx) {
    const workspaces = await ctx.db.selectFrom('workspaces').select(['id', 'settings']).execute();
    let deleted = 0;
    for (const ws of workspaces) {
      const days = fromJson<WorkspaceSettings>(ws.settings, {}).auditRetentionDays ?? ctx.config.AUDIT_RETENTION_DAYS;
      const cutoff = new Date(ctx.clock.now().getTime() - days * 86_400_000).toISOString();
      deleted += await purgeAudit(ctx.db, ws.id, cutoff);
    }
    return { deleted };
  },
});
