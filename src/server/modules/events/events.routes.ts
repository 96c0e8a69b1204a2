import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../shared/permissions.js';
import { can, type Actor } from '../../platform/actor.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import type { DomainEvent } from './events.service.js';

const HEARTBEAT_MS = 25_000;

/** Whether the actor may receive an event, by the longest matching type prefix. */
export function mayReceive(ctx: AppContext, actor: Actor, event: DomainEvent): boolean {
  // Personal events (a notification) reach only their recipient; private ones (a confidential
  // activity) only their owner and holders of the named permission.
  const { recipientUserId, privateTo, privateToPermission } = event.payload as {
    recipientUserId?: unknown;
    privateTo?: unknown;
    privateToPermission?: Permission;
  };
  if (typeof recipientUserId === 'string') return recipientUserId === actor.id;
  if (
    typeof privateTo === 'string' &&
    privateTo !== actor.id &&
    !(privateToPermission && can(actor, privateToPermission))
  )
    return false;
  let best: string | undefined;
  for (const prefix of Object.keys(ctx.eventPermissions))
    if (event.type.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
  const needed = best ? ctx.eventPermissions[best] : 'settings.manage';
  return needed === 'authenticated' || can(actor, needed);
}

export const eventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/realtime',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['realtime'],
        summary: 'Server-Sent Events: live domain events of this workspace you may see',
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
    (req, reply) => {
      const actor = actorOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\n: connected\n\n`);
      const unsubscribe = ctx.realtime.subscribe(actor.workspaceId, (event) => {
        if (mayReceive(ctx, actor, event))
          res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};
