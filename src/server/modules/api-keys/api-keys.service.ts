import crypto from 'node:crypto';
import type { ApiKey } from '../../../shared/contracts/api-keys.js';
import type { Role } from '../../../shared/permissions.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { forgetSessions } from '../../platform/session-cache.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { hashToken, newToken } from '../../platform/secrets.js';

function toApiKey(r: DB['api_keys']): ApiKey {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function listApiKeys(ctx: AppContext, workspaceId: string): Promise<ApiKey[]> {
  const rows = await ctx.db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiKey);
}

/** The key is returned once; only its SHA-256 is stored (it is long and random, so no slow hash is needed). */
export async function createApiKey(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; role: Role },
): Promise<ApiKey & { key: string }> {
  const prefix = crypto.randomBytes(6).toString('hex');
  const key = `crm_${prefix}_${newToken(32)}`;
  const now = nowIso(ctx.clock);
  const row: DB['api_keys'] = {
    id: newId(),
    workspace_id: actor.workspaceId,
    name: input.name,
    role: input.role,
    prefix,
    key_hash: hashToken(key),
    created_by: actor.kind === 'user' ? actor.id : null,
    last_used_at: null,
    revoked_at: null,
    created_at: now,
    updated_at: now,
  };
  await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: row.id,
        after: { name: row.name, role: row.role, prefix },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'api_key.created',
        entityType: 'api_key',
        entityId: row.id,
        payload: { name: row.name, role: input.role },
      },
      now,
    );
  });
  return { ...toApiKey(row), key };
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string): Promise<ApiKey> {
  const now = nowIso(ctx.clock);
  const revoked = await withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('API key');
    if (!row.revoked_at) {
      await trx.updateTable('api_keys').set({ revoked_at: now, updated_at: now }).where('id', '=', id).execute();
      await recordAudit(
        trx,
        actor,
        {
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: id,
          before: { revokedAt: null },
          after: { revokedAt: now },
        },
        now,
      );
      await appendEvent(ctx, trx, actor, { type: 'api_key.revoked', entityType: 'api_key', entityId: id }, now);
    }
    return toApiKey({ ...row, revoked_at: row.revoked_at ?? now });
  });
  // open live streams of the key re-check it now and close
  forgetSessions(ctx);
  return revoked;
}
