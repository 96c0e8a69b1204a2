import { z } from 'zod';
import { ROLES } from '../../../shared/permissions.js';
import { defineEvent, type EventsOf, type RealtimeRule } from '../events/event-catalog.js';

/** Every member hears of the workspace's membership (the web app refreshes who it is). */
const members: RealtimeRule = { permission: 'authenticated' };

/** The users module's events: invitations and membership. */
export const userEvents = {
  'user.invited': defineEvent({
    summary: 'Someone was invited to the workspace',
    entity: 'invitation',
    payload: z.strictObject({ role: z.enum(ROLES) }),
    realtime: members,
  }),
  'user.joined': defineEvent({
    summary: 'An invited person joined the workspace',
    entity: 'user',
    payload: z.strictObject({}),
    realtime: members,
  }),
  'user.updated': defineEvent({
    summary: "A member's role or activation changed",
    entity: 'user',
    payload: z.strictObject({ role: z.enum(ROLES), isActive: z.boolean() }),
    realtime: members,
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof userEvents> {}
}
