import { fieldError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { deleteTaggings, existingTagIds, existingTaggings, insertTaggings } from './tags.repository.js';

async function assertTagsOfWorkspace(db: Db, workspaceId: string, tagIds: string[], field: string): Promise<void> {
  const known = await existingTagIds(db, workspaceId, tagIds);
  const index = tagIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw fieldError(`${field}.${index}`, 'No such tag in this workspace');
}

/**
 * Tags contacts (already checked visible) inside a transaction; one audit entry and one
 * `contact.tag_added` event per new (contact, tag). Returns how many taggings were added.
 */
export async function tagContactsInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  contactIds: string[],
  tagIds: string[],
  now: string,
  field = 'tagIds',
): Promise<number> {
  await assertTagsOfWorkspace(trx, actor.workspaceId, tagIds, field);
  const existing = await existingTaggings(trx, actor.workspaceId, contactIds, tagIds);
  const pairs = contactIds.flatMap((contactId) =>
    tagIds.filter((tagId) => !existing.has(`${contactId}|${tagId}`)).map((tagId) => ({ contactId, tagId })),
  );
  await insertTaggings(trx, actor.workspaceId, pairs, actor.kind === 'system' ? null : actor.id, now);
  for (const p of pairs) {
    await recordAudit(
      trx,
      actor,
      { action: 'contact.tag_added', entityType: 'contact', entityId: p.contactId, after: { tagId: p.tagId } },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact.tag_added', entityType: 'contact', entityId: p.contactId, payload: { tagId: p.tagId } },
      now,
    );
  }
  return pairs.length;
}

/** Removes tags from contacts; one audit entry and `contact.tag_removed` event per removal. */
export async function untagContactsInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  contactIds: string[],
  tagIds: string[],
  now: string,
  field = 'tagIds',
): Promise<number> {
  await assertTagsOfWorkspace(trx, actor.workspaceId, tagIds, field);
  const existing = await existingTaggings(trx, actor.workspaceId, contactIds, tagIds);
  await deleteTaggings(trx, actor.workspaceId, contactIds, tagIds);
  for (const key of existing) {
    const [contactId, tagId] = key.split('|');
    await recordAudit(
      trx,
      actor,
      { action: 'contact.tag_removed', entityType: 'contact', entityId: contactId, before: { tagId } },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact.tag_removed', entityType: 'contact', entityId: contactId, payload: { tagId } },
      now,
    );
  }
  return existing.size;
}
