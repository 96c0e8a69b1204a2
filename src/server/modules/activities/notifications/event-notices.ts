import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/transaction.js';
import type { DomainEvent } from '../../events/events.service.js';
import { findDeal } from '../refs.service.js';
import { notify, notifyFolded, notifyMentions } from './notifications.service.js';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const urlOf = (entityType: string, id: string) =>
  entityType === 'deal' ? `/deals/${id}` : `/${entityType === 'company' ? 'companies' : 'contacts'}/${id}`;

/**
 * Notifications that other modules' events call for, read from the events themselves so those
 * modules need not know about notifications: a deal of mine changed stage, a contact, company or
 * deal was assigned to me, I was @mentioned in a note.
 */
export async function noticesFromEvent(ctx: AppContext, db: Db, actor: Actor, event: DomainEvent): Promise<void> {
  // Only people's doings (signed in or through an API key) call for a notice: seeds, imports and
  // jobs act as the system, and a module that wants to tell someone calls notify() itself.
  if (
    actor.kind === 'system' ||
    event.type.startsWith('notification.') ||
    event.entityType === 'activity' ||
    event.entityType === 'task' ||
    !event.entityId
  )
    return;
  const p = event.payload;
  if (event.entityType === 'deal' && /stage|moved/.test(event.type)) return dealMoved(ctx, db, actor, event);
  const changes = Array.isArray(p.changes) ? (p.changes as unknown[]) : [];
  const ownerChanged =
    /owner|assign/.test(event.type) ||
    changes.includes('ownerId') ||
    (event.type.endsWith('.created') && str(p.ownerId));
  if (ownerChanged && ['contact', 'deal', 'company'].includes(event.entityType)) {
    const to = str(p.ownerId) ?? str(p.assigneeId);
    const name = str(p.fullName) ?? str(p.name) ?? str(p.title) ?? `a ${event.entityType}`;
    if (to && to !== str(p.previousOwnerId)) {
      const input = {
        userId: to,
        kind: 'assignment' as const,
        title: `${actor.name} assigned ${name} to you`,
        url: urlOf(event.entityType, event.entityId),
        entityType: event.entityType,
        entityId: event.entityId,
      };
      // A bulk reassignment is one notice: "assigned 120 contacts to you", linking to the list.
      const plural = event.entityType === 'company' ? 'companies' : `${event.entityType}s`;
      await notifyFolded(
        ctx,
        db,
        actor,
        input,
        {
          title: (n) => `${actor.name} assigned ${n} ${plural} to you`,
          url: event.entityType === 'deal' ? '/pipelines' : `/${plural}`,
        },
        event.createdAt,
      );
    }
  }
  if (/note_added|note\.created/.test(event.type)) {
    const text = str(p.body) ?? str(p.excerpt);
    const contactId = event.entityType === 'contact' ? event.entityId : str(p.contactId);
    await notifyMentions(
      ctx,
      db,
      actor,
      text,
      {
        title: `${actor.name} mentioned you in a note`,
        body: text,
        url: contactId ? `/contacts/${contactId}` : null,
        entityType: 'note',
        entityId: str(p.noteId) ?? event.entityId,
      },
      event.createdAt,
    );
  }
}

/** The deal's owner hears of a move someone else made (with the reason, when one was given). */
async function dealMoved(ctx: AppContext, db: Db, actor: Actor, event: DomainEvent) {
  const p = event.payload;
  const id = event.entityId!;
  // moves name the owner (null: nobody to tell); other stage events are looked up
  const deal = 'ownerId' in p ? null : await findDeal(ctx, db, event.workspaceId, id);
  const ownerId = str(p.ownerId) ?? deal?.ownerId ?? null;
  if (!ownerId) return;
  const title = str(p.title) ?? deal?.title ?? 'A deal';
  const to = str(p.toStageName) ?? str(p.toStage);
  await notify(
    ctx,
    db,
    actor,
    {
      userId: ownerId,
      kind: 'stage_change',
      title: to ? `${title} moved to ${to}` : `${title} changed stage`,
      body: str(p.reason),
      url: urlOf('deal', id),
      entityType: 'deal',
      entityId: id,
    },
    event.createdAt,
  );
}
