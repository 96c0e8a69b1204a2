import crypto from 'node:crypto';
import type { Permission, Role } from '../../../shared/permissions.js';
import { ROLE_PERMISSIONS } from '../../../shared/permissions.js';
import type { SessionInfo } from '../../../shared/contracts/auth.js';
import { newId } from '../../db/ids.js';
import { fromJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { addSeconds, nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { WorkspaceSettings } from '../workspaces/workspaces.tables.js';
import {
  findApiKeyByPrefix,
  findSessionByTokenHash,
  findUser,
  findUserByEmail,
  listMemberships,
} from './auth.repository.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../platform/secrets.js';
import { cachedSession, forgetSessions } from '../../platform/session-cache.js';
import { reserveLoginAttempt } from './login-throttle.js';
import { findMembershipRow } from './members.repository.js';

export const SESSION_COOKIE = 'crm_session';
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

/** Resolves a session cookie to an actor, or null when it is unknown, expired or deactivated. */
export async function actorFromSession(ctx: AppContext, token: string, meta: RequestMeta): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const row = await cachedSession(ctx, tokenHash, () => findSessionByTokenHash(ctx.db, tokenHash));
  const now = ctx.clock.now();
  if (!row || !row.is_active || new Date(row.expires_at) <= now) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.session_id)
      .execute();
    row.last_seen_at = now.toISOString();
  }
  const settings = fromJson<WorkspaceSettings>(row.settings, {});
  return {
    kind: 'user',
    id: row.user_id,
    name: row.user_name,
    workspaceId: row.workspace_id,
    role: row.role as Role,
    agentsSeeAll: Boolean(settings.agentsSeeAll),
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    ...meta,
  };
}

/**
 * API keys look like `crm_<prefix>_<secret>`; only a hash of the whole key is stored. A key acts
 * for the member who created it: it stops working when they are deactivated or leave the
 * workspace, and never does more than their current role allows (see `can` and `ownerScope`).
 */
export async function actorFromApiKey(ctx: AppContext, key: string, meta: RequestMeta): Promise<Actor | null> {
  const match = /^crm_([A-Za-z0-9]{8,16})_[A-Za-z0-9_-]{20,}$/.exec(key);
  if (!match) return null;
  const row = await findApiKeyByPrefix(ctx.db, match[1]);
  if (!row || row.revoked_at || !row.created_by || !row.owner_role || !row.owner_active) return null;
  const expected = Buffer.from(row.key_hash, 'hex');
  const actual = Buffer.from(hashToken(key), 'hex');
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  const now = ctx.clock.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  const settings = fromJson<WorkspaceSettings>(row.settings, {});
  return {
    kind: 'api_key',
    id: row.id,
    name: `API key ${row.name}`,
    workspaceId: row.workspace_id,
    role: row.role as Role,
    owner: { userId: row.created_by, role: row.owner_role as Role },
    agentsSeeAll: Boolean(settings.agentsSeeAll),
    ...meta,
  };
}

export interface LoginResult {
  token: string;
  info: SessionInfo;
}

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; workspaceId?: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const attempt = await reserveLoginAttempt(ctx, input.email, meta.ip);
  const user = await findUserByEmail(ctx.db, input.email);
  // an unknown email costs the same hash as a known one (verifyPassword checks a stand-in)
  const valid = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !valid) {
    await attempt.failed();
    throw new AppError('INVALID_CREDENTIALS');
  }
  await attempt.succeeded();
  const memberships = (await listMemberships(ctx.db, user.id)).filter((m) => m.is_active);
  const chosen = input.workspaceId ? memberships.find((m) => m.id === input.workspaceId) : memberships[0];
  if (!chosen) throw new AppError(memberships.length ? 'NOT_A_MEMBER' : 'ACCOUNT_DEACTIVATED');
  const token = await createSession(ctx, user.id, chosen.id, meta);
  const actor = (await actorFromSession(ctx, token, meta))!;
  await withTransaction(ctx.db, (trx) =>
    recordAudit(trx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id }, nowIso(ctx.clock)),
  );
  return { token, info: await sessionInfo(ctx, actor) };
}

async function createSession(ctx: AppContext, userId: string, workspaceId: string, meta: RequestMeta): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: newId(),
      token_hash: hashToken(token),
      user_id: userId,
      workspace_id: workspaceId,
      csrf_token: newToken(24),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: addSeconds(now, ctx.config.SESSION_TTL_HOURS * 3600).toISOString(),
    })
    .execute();
  return token;
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.sessionId) await ctx.db.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
  forgetSessions(ctx);
  await withTransaction(ctx.db, (trx) =>
    recordAudit(trx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id }, nowIso(ctx.clock)),
  );
}

export async function switchWorkspace(ctx: AppContext, actor: Actor, workspaceId: string): Promise<SessionInfo> {
  const m = await findMembershipRow(ctx.db, workspaceId, actor.id);
  if (!m || !m.is_active) throw new AppError('NOT_A_MEMBER');
  await ctx.db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', actor.sessionId!).execute();
  forgetSessions(ctx);
  return sessionInfo(ctx, { ...actor, workspaceId, role: m.role as Role });
}

export async function sessionInfo(ctx: AppContext, actor: Actor): Promise<SessionInfo> {
  const user = await findUser(ctx.db, actor.id);
  const ws = await ctx.db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', actor.workspaceId)
    .executeTakeFirstOrThrow();
  const memberships = (await listMemberships(ctx.db, actor.id)).filter((m) => m.is_active);
  const session = actor.sessionId
    ? await ctx.db.selectFrom('sessions').select('csrf_token').where('id', '=', actor.sessionId).executeTakeFirst()
    : undefined;
  return {
    user: {
      id: actor.id,
      email: user?.email ?? '',
      name: user?.name ?? actor.name,
      locale: user?.locale === 'id' ? 'id' : 'en',
    },
    workspace: {
      id: ws.id,
      name: ws.name,
      slug: ws.slug,
      template: ws.template,
      timezone: ws.timezone,
      phoneRegion: ws.phone_region,
      currency: ws.currency,
      locale: ws.locale,
    },
    role: actor.role,
    permissions: [...ROLE_PERMISSIONS[actor.role]] as Permission[],
    workspaces: memberships.map((m) => ({ id: m.id, name: m.name, slug: m.slug, role: m.role as Role })),
    csrfToken: session?.csrf_token ?? '',
  };
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  patch: { name?: string; locale?: 'en' | 'id' },
): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const before = await findUser(trx, actor.id);
    await trx
      .updateTable('users')
      .set({ ...patch, updated_at: now })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: actor.id,
        before: { name: before?.name, locale: before?.locale },
        after: { name: patch.name ?? before?.name, locale: patch.locale ?? before?.locale },
      },
      now,
    );
    await appendEvent(ctx, trx, actor, { type: 'user.profile_updated', entityType: 'user', entityId: actor.id }, now);
  });
  forgetSessions(ctx);
}

const RESET_TTL_SECONDS = 3600;

/** Unused reset links of a user stop working (expired as of their own creation, so the past for sure). */
async function expireResetLinks(db: Db, userId: string) {
  await db
    .updateTable('password_resets')
    .set((eb) => ({ expires_at: eb.ref('created_at') }))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Always answers the same way, so the endpoint does not reveal which emails have accounts. */
export async function requestPasswordReset(ctx: AppContext, email: string, baseUrl: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = newToken();
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (trx) => {
    // only the newest link works: earlier unused ones are superseded
    await expireResetLinks(trx, user.id);
    await trx
      .insertInto('password_resets')
      .values({
        id: newId(),
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: now.toISOString(),
        expires_at: addSeconds(now, RESET_TTL_SECONDS).toISOString(),
        used_at: null,
      })
      .execute();
  });
  await ctx.mailer.send({
    to: user.email,
    subject: 'Reset your password',
    text: `Hello ${user.name},\n\nReset your password here (valid for one hour):\n${baseUrl}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this message.`,
  });
}

export async function confirmPasswordReset(
  ctx: AppContext,
  token: string,
  password: string,
  meta: RequestMeta = {},
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.db, async (trx) => {
    // claimed by one conditional update, so a link works once even when sent twice at the same time
    const row = await trx
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning(['id', 'user_id'])
      .executeTakeFirst();
    if (!row) throw new AppError('TOKEN_INVALID');
    // using a link ends every other one of the account
    await expireResetLinks(trx, row.user_id);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', row.user_id)
      .execute();
    // a reset signs the user out everywhere
    await trx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    // the audit log is per workspace: each workspace the user belongs to sees the reset
    const user = await findUser(trx, row.user_id);
    for (const m of await listMemberships(trx, row.user_id)) {
      const actor: Actor = {
        kind: 'user',
        id: row.user_id,
        name: user?.name ?? '',
        workspaceId: m.id,
        role: m.role as Role,
        agentsSeeAll: false,
        ...meta,
      };
      await recordAudit(
        trx,
        actor,
        { action: 'user.password_reset', entityType: 'user', entityId: row.user_id, meta: { via: 'emailed link' } },
        at,
      );
      await appendEvent(
        ctx,
        trx,
        actor,
        { type: 'user.password_reset', entityType: 'user', entityId: row.user_id },
        at,
      );
    }
  });
  forgetSessions(ctx);
}
