import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityType, CreateActivityTypeBody, UpdateActivityTypeBody } from '../../../shared/contracts/activities.js';
import { IdParams, Ok } from '../../../shared/contracts/common.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import {
  createActivityType,
  deleteActivityTypeById,
  getActivityTypes,
  updateActivityTypeById,
} from './activity-types.service.js';

export const activityTypeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/activity-types',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['activities'],
        summary: 'Activity types of this workspace',
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(ActivityType) }) },
      },
    },
    async (req) => ({ items: await getActivityTypes(ctx, actorOf(req), req.query.includeArchived === 'true') }),
  );

  app.post(
    '/activity-types',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['activities'],
        summary: 'Add an activity type',
        body: CreateActivityTypeBody,
        response: { 201: ActivityType },
      },
    },
    async (req, reply) => reply.code(201).send(await createActivityType(ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/activity-types/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['activities'],
        summary: 'Rename, recolour, reorder or archive an activity type',
        params: IdParams,
        body: UpdateActivityTypeBody,
        response: { 200: ActivityType },
      },
    },
    async (req) => updateActivityTypeById(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/activity-types/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['activities'],
        summary: 'Delete an unused activity type',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteActivityTypeById(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
