import type { z } from 'zod';
import type { AcceptInvitationBody } from '../../../shared/contracts/auth.js';
import type { InviteBody, Member, UpdateMemberBody } from '../../../shared/contracts/users.js';
import type { Role } from '../../../shared/permissions.js';
import { newId } from '../../db/ids.js';
import { dialectOf } from '../../db/dialect.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { addSeconds, nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { forgetSessions } from '../../platform/session-cache.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../platform/secrets.js';
import { appendEvent } from '../events/events.service.js';

const INVITE_TTL_SECONDS = 7 * 24 * 3600;

export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.role', 'm.is_active', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    isActive: r.is_active,
    joinedAt: r.created_at,
  }));
}

/** Creates a user (or reuses one with that email) and adds them to the workspace. Used by seeds and invitations. */
export async function addMember(
  db: Db,
  workspaceId: string,
  input: { email: string; name: string; password: string | null; role: Role; locale?: string },
  now: string,
): Promise<string> {
  let user = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (!user) {
    user = { id: newId() };
    await db
      .insertInto('users')
      .values({
        id: user.id,
        email: input.email,
        name: input.name,
        password_hash: input.password ? await hashPassword(input.password) : null,
        locale: input.locale ?? 'en',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const existing = await db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (existing) throw new AppError('EMAIL_TAKEN', undefined, { field: 'email' });
  await db
    .insertInto('memberships')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      user_id: user.id,
      role: input.role,
      is_active: true,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return user.id;
}

export async function invite(ctx: AppContext, actor: Actor, input: z.output<typeof InviteBody>, baseUrl: string) {
  const now = ctx.clock.now();
  const token = newToken();
  const ws = await ctx.db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', actor.workspaceId)
    .executeTakeFirstOrThrow();
  const member = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('m.workspace_id', '=', actor.workspaceId)
    .where('u.email', '=', input.email)
    .executeTakeFirst();
  if (member) throw new AppError('EMAIL_TAKEN', undefined, { field: 'email' });
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    email: input.email,
    role: input.role,
    token_hash: hashToken(token),
    invited_by: actor.kind === 'user' ? actor.id : null,
    expires_at: addSeconds(now, INVITE_TTL_SECONDS).toISOString(),
    accepted_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('invitations').values(row).execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.invited',
        entityType: 'invitation',
        entityId: row.id,
        after: { email: input.email, role: input.role },
      },
      row.created_at,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'user.invited', entityType: 'invitation', entityId: row.id, payload: { role: input.role } },
      row.created_at,
    );
  });
  await ctx.mailer.send({
    to: input.email,
    subject: `You are invited to ${ws.name}`,
    text: `${actor.name} invited you to ${ws.name} as ${input.role}.\n\nAccept the invitation (valid for 7 days):\n${baseUrl}/accept-invite?token=${token}`,
  });
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    expiresAt: row.expires_at,
    acceptedAt: null,
    createdAt: row.created_at,
  };
}

export async function listInvitations(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role as Role,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    createdAt: r.created_at,
  }));
}

async function findOpenInvitation(ctx: AppContext, db: Db, token: string) {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.accepted_at || new Date(row.expires_at) <= ctx.clock.now()) throw new AppError('TOKEN_INVALID');
  return row;
}

export async function previewInvitation(ctx: AppContext, token: string) {
  const row = await findOpenInvitation(ctx, ctx.db, token);
  const ws = await ctx.db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', row.workspace_id)
    .executeTakeFirstOrThrow();
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
  return { email: row.email, workspaceName: ws.name, role: row.role as Role, userExists: Boolean(user) };
}

/** Accepting creates the account (or joins an existing one) and returns the user id. */
export async function acceptInvitation(
  ctx: AppContext,
  input: z.output<typeof AcceptInvitationBody>,
): Promise<{ userId: string; workspaceId: string; email: string }> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const inv = await findOpenInvitation(ctx, trx, input.token);
    // Someone who already has an account joins with it: their password, checked before anything is written.
    const existing = await trx
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', inv.email)
      .executeTakeFirst();
    if (existing && !(await verifyPassword(input.password, existing.password_hash))) {
      throw new AppError('INVALID_CREDENTIALS', 'You already have an account: enter its password to accept', {
        field: 'password',
      });
    }
    const userId = await addMember(
      trx,
      inv.workspace_id,
      { email: inv.email, name: input.name, password: input.password, role: inv.role as Role },
      now,
    );
    await trx.updateTable('invitations').set({ accepted_at: now, updated_at: now }).where('id', '=', inv.id).execute();
    const actor: Actor = {
      kind: 'user',
      id: userId,
      name: input.name,
      workspaceId: inv.workspace_id,
      role: inv.role as Role,
      agentsSeeAll: false,
    };
    await recordAudit(
      trx,
      actor,
      { action: 'user.joined', entityType: 'user', entityId: userId, after: { email: inv.email, role: inv.role } },
      now,
    );
    await appendEvent(ctx, trx, actor, { type: 'user.joined', entityType: 'user', entityId: userId }, now);
    return { userId, workspaceId: inv.workspace_id, email: inv.email };
  });
}

/** Role changes and deactivation; a workspace always keeps one active admin. */
export async function updateMember(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  patch: z.output<typeof UpdateMemberBody>,
): Promise<Member> {
  const now = nowIso(ctx.clock);
  const member = await withTransaction(ctx.db, async (trx) => {
    const m = await trx
      .selectFrom('memberships')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!m) throw notFound('User');
    const role = patch.role ?? (m.role as Role);
    const isActive = patch.isActive ?? m.is_active;
    if (m.role === 'admin' && m.is_active && (role !== 'admin' || !isActive)) {
      // two admins demoting each other at once must not both see the other one still there
      await dialectOf(trx).lockForTransaction(trx, `workspace-admins:${actor.workspaceId}`);
      const admins = await trx
        .selectFrom('memberships')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('role', '=', 'admin')
        .where('is_active', '=', true)
        .execute();
      if (admins.length <= 1) throw new AppError('LAST_ADMIN');
    }
    await trx
      .updateTable('memberships')
      .set({ role, is_active: isActive, updated_at: now })
      .where('id', '=', m.id)
      .execute();
    if (!isActive)
      await trx
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('workspace_id', '=', actor.workspaceId)
        .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: isActive === m.is_active ? 'user.role_changed' : isActive ? 'user.reactivated' : 'user.deactivated',
        entityType: 'user',
        entityId: userId,
        before: { role: m.role, isActive: m.is_active },
        after: { role, isActive },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'user.updated', entityType: 'user', entityId: userId, payload: { role, isActive } },
      now,
    );
    const members = await listMembers(trx, actor.workspaceId);
    return members.find((x) => x.id === userId)!;
  });
  // the member's sessions carry the old role
  forgetSessions(ctx);
  return member;
}
