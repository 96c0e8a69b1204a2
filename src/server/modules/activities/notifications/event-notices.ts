import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/transaction.js';
import type { AnyDomainEvent, EventDefinition, EventNotice } from '../../events/event-catalog.js';
import { notify, notifyFolded, notifyMentions } from './notifications.service.js';

const urlOf = (entityType: string, id: string) =>
  entityType === 'deal' ? `/deals/${id}` : `/${entityType === 'company' ? 'companies' : 'contacts'}/${id}`;

/**
 * The notices other modules' events call for: each event's definition says, in `notify`, whom
 * and what to tell (an assignment, a stage change, a note that may @mention someone), so those
 * modules need not know about notifications and nothing here guesses at payload fields.
 */
export async function noticesFromEvent(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  event: AnyDomainEvent,
  def: EventDefinition,
): Promise<void> {
  // Only people's doings (signed in or through an API key) call for a notice: seeds, imports and
  // jobs act as the system, and a module that wants to tell someone calls notify() itself.
  if (actor.kind === 'system' || !event.entityId) return;
  const notice = def.notify?.({ entityId: event.entityId, payload: event.payload });
  if (notice) await tell(ctx, db, actor, event, event.entityId, notice);
}

async function tell(ctx: AppContext, db: Db, actor: Actor, event: AnyDomainEvent, id: string, n: EventNotice) {
  const at = event.createdAt;
  if (n.kind === 'stage_change') {
    // The deal's owner hears of a move someone else made (with the reason, when one was given).
    const input = {
      userId: n.userId,
      kind: 'stage_change' as const,
      title: `${n.label} moved to ${n.stageName}`,
      body: n.reason,
      url: urlOf(event.entityType, id),
      entityType: event.entityType,
      entityId: id,
    };
    await notify(ctx, db, actor, input, at);
  } else if (n.kind === 'assignment') {
    if (n.userId === n.previousUserId) return;
    const input = {
      userId: n.userId,
      kind: 'assignment' as const,
      title: `${actor.name} assigned ${n.label} to you`,
      url: urlOf(event.entityType, id),
      entityType: event.entityType,
      entityId: id,
    };
    // A bulk reassignment is one notice: "assigned 120 contacts to you", linking to the list.
    const plural = event.entityType === 'company' ? 'companies' : `${event.entityType}s`;
    const folded = {
      title: (count: number) => `${actor.name} assigned ${count} ${plural} to you`,
      url: event.entityType === 'deal' ? '/pipelines' : `/${plural}`,
    };
    await notifyFolded(ctx, db, actor, input, folded, at);
  } else {
    const body = {
      title: `${actor.name} mentioned you in a note`,
      body: n.text,
      url: n.contactId ? `/contacts/${n.contactId}` : null,
      entityType: 'note',
      entityId: n.noteId,
    };
    await notifyMentions(ctx, db, actor, n.text, body, at);
  }
}
