import { z } from 'zod';
import { defineEvent, type EventsOf } from '../events/event-catalog.js';

/** The workspaces module's events. */
export const workspaceEvents = {
  'workspace.created': defineEvent({
    summary: 'A workspace was created',
    entity: 'workspace',
    payload: z.strictObject({ name: z.string() }),
    realtime: { permission: 'authenticated' },
  }),
  'workspace.updated': defineEvent({
    summary: "The workspace's name or settings changed",
    entity: 'workspace',
    payload: z.strictObject({}),
    realtime: { permission: 'authenticated' },
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof workspaceEvents> {}
}
