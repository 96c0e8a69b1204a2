import { AppError, fieldError } from '../../http/errors.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { dealView } from '../pipelines/deals.service.js';
import { findActiveMembers, findContactRef } from './refs.repository.js';

/** Validations of the records activities and tasks point at; each failure names its field. */

/** A contact of this workspace; with `ownedBy` (an agent's owner scope) only one that user owns. */
export async function resolveContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  field = 'contactId',
  ownedBy: string | null = null,
) {
  const contact = await findContactRef(db, workspaceId, contactId);
  if (!contact || (ownedBy && contact.owner_id !== ownedBy))
    throw fieldError(field, 'No such contact in this workspace');
  return contact;
}

export async function resolveMember(db: Db, workspaceId: string, userId: string, field = 'assigneeId') {
  const [member] = await findActiveMembers(db, workspaceId, [userId]);
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
