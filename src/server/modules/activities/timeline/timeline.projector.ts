import { newId } from '../../../db/ids.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/transaction.js';
import type { AnyDomainEvent, EventDefinition } from '../../events/event-catalog.js';
import { deleteEntriesOfSource, findEntriesOfSource, insertTimelineEntries } from './timeline.repository.js';
import { ruleOf, sourceOf, subjectsOf } from './timeline-rules.js';

/**
 * Keeps the timeline projection in step with the events that opt in to it, in the writer's
 * transaction, so a timeline page is one index range instead of a merge of every module's tables.
 * add: a new entry; replace: the source's entries now show this event (an edited activity or note
 * appears once, as it is now); remove: the source is gone, so are its entries.
 */
export async function projectTimeline(
  _ctx: AppContext,
  db: Db,
  _actor: Actor,
  event: AnyDomainEvent,
  def: EventDefinition,
): Promise<void> {
  const rule = ruleOf(def);
  if (!rule) return;
  const action = rule.action ?? 'add';
  const source = sourceOf(event, rule);
  let earlier: Array<{ subject_type: string; subject_id: string; occurred_at: string }> = [];
  if (action !== 'add' && source.id) {
    earlier = await findEntriesOfSource(db, event.workspaceId, source.type, source.id);
    await deleteEntriesOfSource(db, event.workspaceId, source.type, source.id);
  }
  if (action === 'remove') return;
  // An edited note keeps its place in the stream; an activity moves to its (possibly new) date.
  const occurredAt = rule.occurredAt?.(event.payload) ?? earlier[0]?.occurred_at ?? event.createdAt;
  const privateTo = rule.privateTo?.(event.payload) ?? null;
  await insertTimelineEntries(
    db,
    subjectsOf(event, rule).map((s) => ({
      id: newId(),
      workspace_id: event.workspaceId,
      subject_type: s.type,
      subject_id: s.id,
      kind: rule.kind,
      event_id: event.id,
      source_type: source.type,
      source_id: source.id,
      private_to: privateTo,
      occurred_at: occurredAt,
    })),
  );
}
