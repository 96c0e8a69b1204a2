import { AppError, fieldError } from '../../http/errors.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { dealView } from '../pipelines/deals.service.js';
import { activeMembers } from '../auth/members.service.js';
import { findContactRef, resolveVisibleContact } from '../contacts/contact-refs.service.js';
import type { Actor } from '../../platform/actor.js';

/** Validations of the records activities and tasks point at; each failure names its field. */

/**
 * A contact of this workspace the actor may see (the contacts module's one visibility rule). A
 * record keeps the contact it already points at (`isKept`) even when the actor cannot see it.
 */
export async function resolveContact(db: Db, actor: Actor, contactId: string, field = 'contactId', isKept = false) {
  if (!isKept) return resolveVisibleContact(db, actor, contactId, field);
  const contact = await findContactRef(db, actor.workspaceId, contactId);
  if (!contact) throw fieldError(field, 'No such contact in this workspace');
  return contact;
}

export async function resolveMember(db: Db, workspaceId: string, userId: string, field = 'assigneeId') {
  const [member] = await activeMembers(db, workspaceId, [userId]);
  if (!member) throw fieldError(field, 'No such active member in this workspace');
  return member;
}

/** A deal of this workspace, asked of the pipelines module (in the caller's transaction). */
export async function findDeal(ctx: AppContext, db: Db, workspaceId: string, dealId: string) {
  try {
    return await dealView(ctx, db, workspaceId, dealId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

export async function resolveDeal(
  ctx: AppContext,
  db: Db,
  workspaceId: string,
  dealId: string | null | undefined,
  field = 'dealId',
): Promise<string | null> {
  if (!dealId) return null;
  if (!(await findDeal(ctx, db, workspaceId, dealId))) throw fieldError(field, 'No such deal in this workspace');
  return dealId;
}
