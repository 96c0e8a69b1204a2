import type { z } from 'zod';
import type { UpdateContactSettingsBody } from '../../../shared/contracts/contacts-config.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { retentionDays, saveRetentionDays } from './contact-config.repository.js';
import { DEFAULT_RETENTION_DAYS } from './contacts.jobs.js';

export async function getContactSettings(ctx: AppContext, workspaceId: string) {
  return { retentionDays: (await retentionDays(ctx.db, workspaceId)) ?? DEFAULT_RETENTION_DAYS };
}

export async function updateContactSettings(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof UpdateContactSettingsBody>,
) {
  const now = nowIso(ctx.clock);
  const before = await getContactSettings(ctx, actor.workspaceId);
  await withTransaction(ctx.db, async (trx) => {
    await saveRetentionDays(trx, actor.workspaceId, input.retentionDays, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'contact_settings.updated',
        entityType: 'contact_settings',
        entityId: actor.workspaceId,
        before,
        after: input,
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_settings.updated', entityType: 'contact_settings', entityId: actor.workspaceId, payload: input },
      now,
    );
  });
  return { retentionDays: input.retentionDays };
}
