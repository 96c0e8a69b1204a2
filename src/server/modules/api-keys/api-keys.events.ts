import { z } from 'zod';
import { ROLES } from '../../../shared/permissions.js';
import { defineEvent, type EventsOf } from '../events/event-catalog.js';

/** The API keys module's events (admins only). */
export const apiKeyEvents = {
  'api_key.created': defineEvent({
    summary: 'An API key was created',
    entity: 'api_key',
    payload: z.strictObject({ name: z.string(), role: z.enum(ROLES) }),
    realtime: { permission: 'settings.manage' },
  }),
  'api_key.revoked': defineEvent({
    summary: 'An API key was revoked',
    entity: 'api_key',
    payload: z.strictObject({}),
    realtime: { permission: 'settings.manage' },
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof apiKeyEvents> {}
}
