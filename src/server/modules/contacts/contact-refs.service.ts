import { isUuid } from '../../db/sql-helpers.js';
import { fieldError } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/transaction.js';
import { findLiveContactRefs } from './contact-refs.repository.js';
import { findLiveCompany } from './contacts.repository.js';

/**
 * What other modules may ask about contacts and companies, and the one visibility rule: an agent
 * whose workspace does not share all records sees only the contacts they own. Companies are shared
 * reference data: every member who may view contacts sees every company of the workspace.
 */

export interface ContactRef {
  id: string;
  name: string;
  ownerId: string | null;
  companyId: string | null;
}

/** Whether the actor may see a contact with this owner. */
export function canSeeContact(
  actor: Actor,
  contact: { owner_id: string | null } | { ownerId: string | null },
): boolean {
  const scope = ownerScope(actor);
  if (!scope) return true;
  return ('ownerId' in contact ? contact.ownerId : contact.owner_id) === scope;
}

/** Live contacts by id, whoever owns them (system work: imports, jobs, demo data). */
export async function findContactRefs(db: Db, workspaceId: string, ids: readonly string[]): Promise<ContactRef[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return (await findLiveContactRefs(db, workspaceId, valid)).map((r) => ({
    id: r.id,
    name: r.full_name,
    ownerId: r.owner_id,
    companyId: r.company_id,
  }));
}

export async function findContactRef(db: Db, workspaceId: string, id: string): Promise<ContactRef | null> {
  return (await findContactRefs(db, workspaceId, [id]))[0] ?? null;
}

/** The contact if it is live and the actor may see it, else null (missing and hidden look the same). */
export async function visibleContactRef(db: Db, actor: Actor, id: string): Promise<ContactRef | null> {
  const contact = await findContactRef(db, actor.workspaceId, id);
  return contact && canSeeContact(actor, contact) ? contact : null;
}

/** A contact named in a request body: a 400 naming the field when it is missing or hidden from the actor. */
export async function resolveVisibleContact(
  db: Db,
  actor: Actor,
  id: string,
  field = 'contactId',
): Promise<ContactRef> {
  const contact = await visibleContactRef(db, actor, id);
  if (!contact) throw fieldError(field, 'No such contact in this workspace');
  return contact;
}

/** A live company of the workspace, or null. */
export async function findCompanyRef(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<{ id: string; name: string } | null> {
  if (!isUuid(id)) return null;
  return (await findLiveCompany(db, workspaceId, id)) ?? null;
}
