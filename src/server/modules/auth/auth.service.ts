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
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { WorkspaceSettings } from '../workspaces/workspaces.tables.js';
import {
  findApiKeyByPrefix,
  findMembership,
  findSessionByTokenHash,
  findUser,
  findUserByEmail,
  listMemberships,
} from './auth.repository.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../platform/secrets.js';
import { cachedSession, forgetSessions } from '../../platform/session-cache.js';

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

/** API keys look like `crm_<prefix>_<secret>`; only a hash of the whole key is stored. */
export async function actorFromApiKey(ctx: AppContext, key: string, meta: RequestMeta): Promise<Actor | null> {
  const match = /^crm_([A-Za-z0-9]{8,16})_[A-Za-z0-9_-]{20,}$/.exec(key);
  if (!match) return null;
  const row = await findApiKeyByPrefix(ctx.db, match[1]);
  if (!row || row.revoked_at) return null;
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
    agentsSeeAll: Boolean(settings.agentsSeeAll),
    ...meta,
  };
}

function throttleKey(email: string, ip: string | undefined) {
  return `login:${email}:${ip ?? '-'}`;
}

async function assertNotThrottled(ctx: AppContext, key: string) {
  const row = await ctx.db.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
  const now = ctx.clock.now();
  if (row?.locked_until && new Date(row.locked_until) > now) {
    const retryAfterSeconds = Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000);
    throw new AppError(
      'LOGIN_THROTTLED',
      `Too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      { retryAfterSeconds },
    );
  }
}

async function recordFailure(ctx: AppContext, key: string) {
  const now = ctx.clock.now();
  const windowMs = ctx.config.LOGIN_LOCK_MINUTES * 60_000;
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now.getTime() - new Date(row.first_failed_at).getTime() > windowMs;
    const count = fresh ? 1 : row.count + 1;
    const lockedUntil =
      count >= ctx.config.LOGIN_MAX_FAILURES ? new Date(now.getTime() + windowMs).toISOString() : null;
    const values = {
      key,
      count,
      first_failed_at: fresh ? now.toISOString() : row.first_failed_at,
      locked_until: lockedUntil,
    };
    await trx
      .insertInto('login_failures')
      .values(values)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: values.count,
          first_failed_at: values.first_failed_at,
          locked_until: values.locked_until,
        }),
      )
      .execute();
  });
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
  const key = throttleKey(input.email, meta.ip);
  await assertNotThrottled(ctx, key);
  const user = await findUserByEmail(ctx.db, input.email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !valid) {
    await recordFailure(ctx, key);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await ctx.db.deleteFrom('login_failures').where('key', '=', key).execute();
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
  const m = await findMembership(ctx.db, workspaceId, actor.id);
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

/** Always answers the same way, so the endpoint does not reveal which emails have accounts. */
export async function requestPasswordReset(ctx: AppContext, email: string, baseUrl: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db
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
    const row = await trx
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.used_at || new Date(row.expires_at) <= now) throw new AppError('TOKEN_INVALID');
    await trx.updateTable('password_resets').set({ used_at: at }).where('id', '=', row.id).execute();
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
