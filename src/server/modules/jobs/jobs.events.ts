import { z } from 'zod';
import { defineEvent, type EventsOf } from '../events/event-catalog.js';

const job = z.strictObject({ name: z.string(), status: z.string().nullable() });

/** The jobs module's events: an admin's hand on a failed job. */
export const jobEvents = {
  'job.retried': defineEvent({
    summary: 'A dead job was queued again',
    entity: 'job',
    payload: job,
    realtime: { permission: 'settings.manage' },
  }),
  'job.discarded': defineEvent({
    summary: 'A dead job was discarded',
    entity: 'job',
    payload: job,
    realtime: { permission: 'settings.manage' },
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof jobEvents> {}
}
