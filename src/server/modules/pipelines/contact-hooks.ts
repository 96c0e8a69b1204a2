import { AppError } from '../../http/errors.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import {
  registerContactMergeHandler,
  registerContactTypeRule,
  type ContactTypeRuleChecker,
} from '../contacts/contacts.service.js';
import type { DomainEventOf } from '../events/event-catalog.js';
import {
  contactSummary,
  contactTypeRules,
  firstPipelineOfCategory,
  moveContactDeals,
  restoreContactDeals,
} from './contact-links.repository.js';
import { contactHasOpenDealIn } from './deals.repository.js';
import { createDealInTransaction } from './deals.service.js';
import { loadPipeline } from './pipelines.service.js';

/**
 * The contact-type rule pipelines add: `{ kind: 'open_deal_in_pipeline', category: 'enrollment',
 * createIfMissing?: boolean }` — a contact of the type must have an open item in a pipeline of that
 * category (the school: every prospect parent is somewhere in the enrollment funnel). With
 * createIfMissing, a contact that gets the type without one is given an item in the first stage of
 * the category's first pipeline instead of being refused (creating the contact and its application
 * in one step); otherwise the write is refused with the rule's message.
 */
export const OPEN_ITEM_RULE = 'open_deal_in_pipeline';

interface OpenItemRule {
  kind: string;
  category?: unknown;
  createIfMissing?: unknown;
}
const categoryOf = (rule: OpenItemRule) => (typeof rule.category === 'string' ? rule.category : 'enrollment');

const checkOpenItem: ContactTypeRuleChecker = async (trx, workspaceId, contactId, rule) => {
  const category = categoryOf(rule);
  if (await contactHasOpenDealIn(trx, workspaceId, contactId, category)) return null;
  // the projector below creates the item in this same transaction, once the contact's event is written
  if (rule.createIfMissing === true && (await firstPipelineOfCategory(trx, workspaceId, category))) return null;
  return `needs an open item in a pipeline of the "${category}" category`;
};

/** Gives a contact that just got a type with a createIfMissing rule its first item. */
export async function ensureOpenItemOnTypeChange(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  event: DomainEventOf<'contact.created' | 'contact.updated'>,
): Promise<void> {
  const typeKey = event.payload.typeKey;
  if (typeof typeKey !== 'string' || !event.entityId) return;
  // an update names the previous type only when the type changed
  if (event.type === 'contact.updated' && event.payload.previousTypeKey === undefined) return;
  if (event.type === 'contact.updated' && event.payload.previousTypeKey === typeKey) return;
  for (const rule of await contactTypeRules(db, event.workspaceId, typeKey)) {
    if (rule.kind !== OPEN_ITEM_RULE || rule.createIfMissing !== true) continue;
    const category = categoryOf(rule);
    if (await contactHasOpenDealIn(db, event.workspaceId, event.entityId, category)) continue;
    const pipelineId = await firstPipelineOfCategory(db, event.workspaceId, category);
    const contact = await contactSummary(db, event.workspaceId, event.entityId);
    if (!pipelineId || !contact || contact.deleted_at) continue;
    const pipeline = await loadPipeline(db, event.workspaceId, pipelineId);
    const by = actor.kind === 'system' ? actor : systemActor(event.workspaceId, `${actor.name} (contact type rule)`);
    const item = {
      pipelineId,
      title: contact.full_name,
      contactId: contact.id,
      ownerId: contact.owner_id,
      source: contact.source_key,
      valueMinor: 0,
      tags: [],
      custom: {},
    };
    try {
      await createDealInTransaction(ctx, db, by, pipeline, item, event.createdAt);
    } catch (err) {
      // the contact's owner may no longer be an active member: the item starts unassigned then
      if (!(err instanceof AppError && err.extra.field === 'ownerId')) throw err;
      await createDealInTransaction(ctx, db, by, pipeline, { ...item, ownerId: null }, event.createdAt);
    }
  }
}

let registered = false;

/** Plugs the rule kind and the merge handler into the contacts module (once per process). */
export function registerContactHooks(): void {
  if (registered) return;
  registered = true;
  registerContactTypeRule(OPEN_ITEM_RULE, checkOpenItem);
  registerContactMergeHandler('deals', {
    move: (trx, workspaceId, mergedIds, survivorId) => moveContactDeals(trx, workspaceId, mergedIds, survivorId),
    undo: (trx, workspaceId, data, survivorId) =>
      restoreContactDeals(trx, workspaceId, (data as Array<{ id: string; contactId: string }>) ?? [], survivorId),
  });
}
