import { fieldError } from '../../http/errors.js';
import type { Db } from '../../platform/transaction.js';
import { findActiveMembers, findContactRef } from './refs.repository.js';

/** Validations of the records activities and tasks point at; each failure names its field. */

export async function resolveContact(db: Db, workspaceId: string, contactId: string, field = 'contactId') {
  const contact = await findContactRef(db, workspaceId, contactId);
  if (!contact) throw fieldError(field, 'No such contact in this workspace');
  return contact;
}

export async function resolveMember(db: Db, workspaceId: string, userId: string, field = 'assigneeId') {
  const [member] = await findActiveMembers(db, workspaceId, [userId]);
  if (!member) throw fieldError(field, 'No such active member in this workspace');
  return member;
}

/** Deals belong to the pipelines module; until its service answers, a deal id is kept as given. */
export async function resolveDeal(_db: Db, _workspaceId: string, dealId: string | null | undefined, _field = 'dealId'): Promise<string | null> {
  return dealId ?? null;
}
