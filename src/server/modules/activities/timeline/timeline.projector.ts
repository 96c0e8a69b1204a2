import { newId } from '../../../db/ids.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/transaction.js';
import type { DomainEvent } from '../../events/events.service.js';
import { noticesFromEvent } from '../notifications/event-notices.js';
import { deleteEntriesOfSource, findEntriesOfSource, insertTimelineEntries } from './timeline.repository.js';
import { kindOf, projectionOf, sourceOf, subjectsOf } from './timeline-rules.js';

/**
 * Keeps the timeline projection in step with the events, in the writer's transaction, so a
 * timeline page is one index range instead of a merge of every module's tables.
 */
export async function projectTimeline(db: Db, event: DomainEvent): Promise<void> {
  const projection = projectionOf(event);
  if (projection === 'skip') return;
  const source = sourceOf(event);
  let earlier: Array<{ subject_type: string; subject_id: string; occurred_at: string }> = [];
  if ((projection === 'replace' || projection === 'remove') && source.id) {
    earlier = await findEntriesOfSource(db, event.workspaceId, source.type, source.id);
    await deleteEntriesOfSource(db, event.workspaceId, source.type, source.id);
  }
  if (projection === 'remove') return;
  const stated = typeof event.payload.occurredAt === 'string' ? event.payload.occurredAt : null;
  // An edited note keeps its place in the stream; an activity moves to its (possibly new) date.
  const occurredAt = stated ?? earlier[0]?.occurred_at ?? event.createdAt;
  const privateTo = typeof event.payload.privateTo === 'string' ? event.payload.privateTo : null;
  const kind = kindOf(event);
  await insertTimelineEntries(
    db,
    subjectsOf(event).map((s) => ({
      id: newId(),
      workspace_id: event.workspaceId,
      subject_type: s.type,
      subject_id: s.id,
      kind,
      event_id: event.id,
      source_type: source.type,
      source_id: source.id,
      private_to: privateTo,
      occurred_at: occurredAt,
    })),
  );
}

/** The module's projector: timeline entries, then notifications other modules' events call for. */
export async function activitiesProjector(ctx: AppContext, db: Db, actor: Actor, event: DomainEvent): Promise<void> {
  await projectTimeline(db, event);
  await noticesFromEvent(ctx, db, actor, event);
}
