import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarFeed,
  CalendarFeedStatus,
  CalendarQuery,
  CalendarResult,
} from '../../../../shared/contracts/activities-calendar.js';
import { Ok } from '../../../../shared/contracts/common.js';
import { actorOf } from '../../../http/guard.js';
import { publicBaseUrl } from '../../../http/request-meta.js';
import type { AppContext } from '../../../platform/context.js';
import { calendarItems, createFeed, feedCalendar, feedStatus, revokeFeed } from './calendar.service.js';

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/calendar',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['calendar'],
        summary: 'Tasks (at their due time) and scheduled activities between two instants',
        querystring: CalendarQuery,
        response: { 200: CalendarResult },
      },
    },
    async (req) => calendarItems(ctx, actorOf(req), req.query),
  );

  app.get(
    '/calendar/feed',
    {
      config: { permission: 'activities.view', personal: true },
      schema: {
        tags: ['calendar'],
        summary: 'Whether you have a calendar feed link',
        response: { 200: CalendarFeedStatus },
      },
    },
    async (req) => feedStatus(ctx, actorOf(req)),
  );

  app.post(
    '/calendar/feed',
    {
      config: { permission: 'activities.view', personal: true },
      schema: {
        tags: ['calendar'],
        summary: 'Create (or reset) your secret iCalendar feed link; shown once',
        body: z.strictObject({}).optional(),
        response: { 201: CalendarFeed },
      },
    },
    async (req, reply) => reply.code(201).send(await createFeed(ctx, actorOf(req), publicBaseUrl(ctx, req))),
  );

  app.delete(
    '/calendar/feed',
    {
      config: { permission: 'activities.view', personal: true },
      schema: { tags: ['calendar'], summary: 'Turn your calendar feed link off', response: { 200: Ok } },
    },
    async (req) => {
      await revokeFeed(ctx, actorOf(req));
      return { ok: true as const };
    },
  );

  // Calendar apps cannot sign in: the secret in the URL is the credential.
  app.get(
    '/calendar/feed/:file',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Your tasks and scheduled activities as iCalendar (.ics), by secret link',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}(\.ics)?$/, 'Not a calendar link') }),
        produces: ['text/calendar'],
        response: {
          200: z
            .string()
            .describe(
              'A text/calendar (RFC 5545) document: one VEVENT per task (at its due time) and scheduled activity',
            ),
        },
      },
    },
    async (req, reply) => {
      const body = await feedCalendar(ctx, req.params.file.replace(/\.ics$/, ''), publicBaseUrl(ctx, req));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
};
