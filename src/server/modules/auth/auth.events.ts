import { z } from 'zod';
import { defineEvent, type EventsOf } from '../events/event-catalog.js';

/** The auth module's events: a member's own account. */
export const authEvents = {
  'user.profile_updated': defineEvent({
    summary: 'A member changed their name, email or preferences',
    entity: 'user',
    payload: z.strictObject({}),
    realtime: { permission: 'authenticated' },
  }),
  'user.password_reset': defineEvent({
    summary: "A member's password was reset",
    entity: 'user',
    payload: z.strictObject({}),
    realtime: { permission: 'authenticated' },
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof authEvents> {}
}
