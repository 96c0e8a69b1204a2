import type { Member } from '../../../shared/contracts/users.js';
import type { Role } from '../../../shared/permissions.js';
import { newId } from '../../db/ids.js';
import { hashPassword } from '../../platform/secrets.js';
import type { Db } from '../../platform/transaction.js';
import { findUserByEmail } from './auth.repository.js';
import {
  activeAdminIds,
  deleteMemberSessions,
  findMembershipRow,
  insertMembership,
  insertUser,
  memberRows,
  updateMembershipRow,
} from './members.repository.js';

/**
 * The members read API: every module that needs a workspace's people (owners, assignees,
 * recipients, names) asks here, so "a member" means the same thing everywhere.
 */

export interface WorkspaceMember extends Member {
  locale: string;
}

type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];

function toMember(r: MemberRow): WorkspaceMember {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    locale: r.locale,
    role: r.role as Role,
    isActive: r.is_active,
    joinedAt: r.created_at,
  };
}

/** A user account by email, in any workspace (invitations: does the invitee already have one?). */
export async function findAccountByEmail(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  return user ? { id: user.id, passwordHash: user.password_hash } : null;
}

/** Every member of the workspace, active or not, by name. */
export async function listMembers(db: Db, workspaceId: string): Promise<WorkspaceMember[]> {
  return (await memberRows(db, workspaceId, {})).map(toMember);
}

/** Active members, all of them or those among `userIds`. */
export async function activeMembers(
  db: Db,
  workspaceId: string,
  userIds?: readonly string[],
): Promise<WorkspaceMember[]> {
  if (userIds && !userIds.length) return [];
  return (await memberRows(db, workspaceId, { userIds, activeOnly: true })).map(toMember);
}

/** One member (active or not), or null when the user is not in the workspace. */
export async function findMember(db: Db, workspaceId: string, userId: string): Promise<WorkspaceMember | null> {
  const [row] = await memberRows(db, workspaceId, { userIds: [userId] });
  return row ? toMember(row) : null;
}

export async function findMemberByEmail(db: Db, workspaceId: string, email: string): Promise<WorkspaceMember | null> {
  const [row] = await memberRows(db, workspaceId, { email });
  return row ? toMember(row) : null;
}

export async function isActiveMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  return (await activeMembers(db, workspaceId, [userId])).length > 0;
}

/** Names of members (former ones too: a record keeps showing who owned it) by user id. */
export async function memberNames(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await memberRows(db, workspaceId, { userIds });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function activeAdminCount(db: Db, workspaceId: string): Promise<number> {
  return (await activeAdminIds(db, workspaceId)).length;
}

/** Adds an existing user to a workspace (a new workspace's creator). */
export async function addMembership(db: Db, workspaceId: string, userId: string, role: Role, now: string) {
  await insertMembership(db, { id: newId(), workspaceId, userId, role }, now);
}

/**
 * Creates a user (or reuses the one with that email) and adds them to the workspace; the user id.
 * Null when that user is already a member.
 */
export async function addMember(
  db: Db,
  workspaceId: string,
  input: { email: string; name: string; password: string | null; role: Role; locale?: string },
  now: string,
): Promise<string | null> {
  let userId = (await findUserByEmail(db, input.email))?.id;
  if (!userId) {
    userId = newId();
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    await insertUser(
      db,
      { id: userId, email: input.email, name: input.name, passwordHash, locale: input.locale ?? 'en' },
      now,
    );
  } else if (await findMembershipRow(db, workspaceId, userId)) return null;
  await insertMembership(db, { id: newId(), workspaceId, userId, role: input.role }, now);
  return userId;
}

/** Changes a member's role or activation; a deactivated member's sessions in the workspace end. */
export async function setMembership(
  db: Db,
  workspaceId: string,
  userId: string,
  change: { role: Role; isActive: boolean },
  now: string,
): Promise<void> {
  const row = await findMembershipRow(db, workspaceId, userId);
  if (!row) return;
  await updateMembershipRow(db, row.id, change.role, change.isActive, now);
  if (!change.isActive) await deleteMemberSessions(db, workspaceId, userId);
}
