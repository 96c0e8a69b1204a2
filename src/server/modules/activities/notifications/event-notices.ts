import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/transaction.js';
import type { DomainEvent } from '../../events/events.service.js';
import { notify, notifyMentions } from './notifications.service.js';

/**
 * Notifications that other modules' events call for, read from the events themselves so those
 * modules need not know about notifications: a deal of mine changed stage, a record was assigned
 * to me, I was @mentioned in a note.
 */
export async function noticesFromEvent(ctx: AppContext, db: Db, actor: Actor, event: DomainEvent): Promise<void> {
  if (event.type.startsWith('notification.') || event.entityType === 'activity' || event.entityType === 'task') return;
  const p = event.payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const deal = (p.deal ?? {}) as Record<string, unknown>;

  if (event.entityType === 'deal' && /stage|moved/.test(event.type) && event.entityId) {
    const ownerId = str(p.ownerId) ?? str(deal.ownerId);
    const title = str(p.title) ?? str(deal.title) ?? 'A deal';
    const to = str(p.toStageName) ?? str(p.stageName) ?? str((p.toStage as Record<string, unknown> | undefined)?.name);
    const reason = str(p.reason);
    if (ownerId) {
      await notify(ctx, db, actor, { userId: ownerId, kind: 'stage_change', title: to ? `${title} moved to ${to}` : `${title} changed stage`, body: reason, url: `/pipelines/deals/${event.entityId}`, entityType: 'deal', entityId: event.entityId }, event.createdAt);
    }
    return;
  }

  if (/owner|assign/.test(event.type) && event.entityId && ['contact', 'deal', 'company'].includes(event.entityType)) {
    const to = str(p.ownerId) ?? str(p.newOwnerId) ?? str(p.assigneeId) ?? str((p.to as Record<string, unknown> | undefined)?.ownerId);
    const name = str(p.name) ?? str(p.fullName) ?? str(p.title) ?? event.entityType;
    const url = event.entityType === 'deal' ? `/pipelines/deals/${event.entityId}` : `/${event.entityType === 'company' ? 'companies' : 'contacts'}/${event.entityId}`;
    if (to) await notify(ctx, db, actor, { userId: to, kind: 'assignment', title: `${actor.name} assigned ${name} to you`, url, entityType: event.entityType, entityId: event.entityId }, event.createdAt);
    return;
  }

  if ((event.entityType === 'note' || /(^|[._])note/.test(event.type)) && /created|added/.test(event.type)) {
    const note = (p.note ?? {}) as Record<string, unknown>;
    const text = str(p.body) ?? str(p.content) ?? str(p.markdown) ?? str(note.body) ?? str(note.content) ?? str(note.markdown);
    const contactId = str(p.contactId) ?? str(note.contactId);
    await notifyMentions(ctx, db, actor, text, { title: `${actor.name} mentioned you in a note`, body: text, url: contactId ? `/contacts/${contactId}` : null, entityType: 'note', entityId: event.entityId }, event.createdAt);
  }
}
