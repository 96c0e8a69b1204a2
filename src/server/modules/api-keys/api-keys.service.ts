import crypto from 'node:crypto';
import type { ApiKey } from '../../../shared/contracts/api-keys.js';
import type { Role } from '../../../shared/permissions.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { hashToken, newToken } from '../../platform/secrets.js';

type Owner = ApiKey['owner'];

function toApiKey(r: DB['api_keys'], owner: Owner): ApiKey {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    owner,
  };
}

export async function listApiKeys(ctx: AppContext, workspaceId: string): Promise<ApiKey[]> {
  const rows = await ctx.db
    .selectFrom('api_keys as k')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.workspace_id', '=', 'k.workspace_id').onRef('m.user_id', '=', 'k.created_by'),
    )
    .selectAll('k')
    .select(['u.name as owner_name', 'm.is_active as owner_active'])
    .where('k.workspace_id', '=', workspaceId)
    .orderBy('k.created_at', 'desc')
    .execute();
  return rows.map(({ owner_name, owner_active, ...r }) =>
    toApiKey(r, r.created_by && owner_name !== null ? ownerOf(r.created_by, owner_name, owner_active) : null),
  );
}

function ownerOf(id: string, name: string, active: boolean | number | null): NonNullable<Owner> {
  return { id, name, isActive: Boolean(active) };
}

/** The member a new key acts for: the signed-in creator, the owner of the key that creates it, or one the system names. */
async function ownerFor(ctx: AppContext, actor: Actor, named?: string): Promise<NonNullable<Owner>> {
  const userId = actor.kind === 'user' ? actor.id : actor.kind === 'api_key' ? actor.owner?.userId : named;
  const user = userId
    ? await ctx.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
    : null;
  if (!userId || !user)
    throw new AppError('PERSONAL_ROUTE', 'An API key needs a member to act for; create it signed in');
  return ownerOf(userId, user.name, true);
}

/** The key is returned once; only its SHA-256 is stored (it is long and random, so no slow hash is needed). */
export async function createApiKey(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; role: Role },
  /** Only for the system actor (scripts, tests): the member the key acts for. */
  ownerUserId?: string,
): Promise<ApiKey & { key: string }> {
  const owner = await ownerFor(ctx, actor, ownerUserId);
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
    created_by: owner.id,
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
        after: { name: row.name, role: row.role, prefix, ownerId: owner.id },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'api_key.created', entityType: 'api_key', entityId: row.id, payload: { name: row.name, role: row.role } },
      now,
    );
  });
  return { ...toApiKey(row, owner), key };
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string): Promise<ApiKey> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
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
    const owner = row.created_by
      ? await trx
          .selectFrom('users as u')
          .leftJoin('memberships as m', (j) =>
            j.onRef('m.user_id', '=', 'u.id').on('m.workspace_id', '=', row.workspace_id),
          )
          .select(['u.name', 'm.is_active'])
          .where('u.id', '=', row.created_by)
          .executeTakeFirst()
      : undefined;
    return toApiKey(
      { ...row, revoked_at: row.revoked_at ?? now },
      owner && row.created_by ? ownerOf(row.created_by, owner.name, owner.is_active) : null,
    );
  });
}
