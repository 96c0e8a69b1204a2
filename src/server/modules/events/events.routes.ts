import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EventCatalog } from '../../../shared/contracts/events.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { describeCatalog } from './event-catalog.js';
import { openEventStream } from './realtime-stream.js';

export const eventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/realtime',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['realtime'],
        summary: 'Server-Sent Events: live domain events of this workspace you may see',
        description:
          'Each event type says who receives it (GET /api/events/catalog). The stream ends when its session or key no longer stands for the same member and role.',
        produces: ['text/event-stream'],
        response: {
          200: z
            .string()
            .describe(
              'An endless text/event-stream: `id`, `event: <type>` and `data: <event JSON>` per event, comment lines as heartbeats',
            ),
        },
      },
    },
    (req, reply) => openEventStream(ctx, actorOf(req), req, reply),
  );

  const catalog = { items: describeCatalog(ctx.events.catalog) };
  app.get(
    '/events/catalog',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['realtime'],
        summary: 'Every domain event type: what it means, what it is about, its payload as JSON Schema',
        response: { 200: EventCatalog },
      },
    },
    async () => catalog,
  );
};
