import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { findActivitySettings, insertActivitySettings } from './activities.repository.js';

export interface ActivitySettings {
  nextActionCreatesTask: boolean;
}

export async function getActivitySettings(ctx: AppContext, actor: Actor): Promise<ActivitySettings> {
  const row = await findActivitySettings(ctx.db, actor.workspaceId);
  return { nextActionCreatesTask: Boolean(row?.next_action_creates_task) };
}

export async function updateActivitySettings(
  ctx: AppContext,
  actor: Actor,
  input: ActivitySettings,
): Promise<ActivitySettings> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const before = {
      nextActionCreatesTask: Boolean((await findActivitySettings(trx, actor.workspaceId))?.next_action_creates_task),
    };
    await insertActivitySettings(trx, actor.workspaceId, input.nextActionCreatesTask, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'activity_settings.updated',
        entityType: 'workspace',
        entityId: actor.workspaceId,
        before,
        after: { ...input },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'activity_settings.updated',
        entityType: 'workspace',
        entityId: actor.workspaceId,
        payload: { settings: input },
      },
      now,
    );
    return input;
  });
}
