import { fieldError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/transaction.js';
import { canSeeContact } from './contact-refs.service.js';
import { findContactRows, type ContactRow } from './contacts.repository.js';

/**
 * Rows for ids sent in a request body; an id that is not a visible contact of the workspace is
 * a 400 naming `<field>.<index>` (another workspace's id looks exactly like a missing one).
 */
export async function visibleContactRows(
  db: Db,
  actor: Actor,
  ids: string[],
  field: string,
  opts: { allowDeleted?: boolean } = {},
): Promise<ContactRow[]> {
  const rows = new Map((await findContactRows(db, actor.workspaceId, ids)).map((r) => [r.id, r]));
  const index = ids.findIndex((id) => {
    const r = rows.get(id);
    return !r || !canSeeContact(actor, r) || (!opts.allowDeleted && r.deleted_at);
  });
  if (index >= 0) throw fieldError(`${field}.${index}`, 'No such contact in this workspace');
  return ids.map((id) => rows.get(id)!);
}
