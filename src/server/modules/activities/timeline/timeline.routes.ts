import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TimelinePage, TimelineParams, TimelineQuery } from '../../../../shared/contracts/activities-timeline.js';
import { actorOf } from '../../../http/guard.js';
import type { AppContext } from '../../../platform/context.js';
import { getTimeline } from './timeline.service.js';

export const timelineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/timeline/:subjectType/:subjectId',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['timeline'],
        summary:
          'One stream per contact, deal or company: activities, notes, stage changes, tasks and edits, newest first',
        params: TimelineParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    async (req) => getTimeline(ctx, actorOf(req), req.params.subjectType, req.params.subjectId, req.query),
  );
};
